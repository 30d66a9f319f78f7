import { parsePolicy } from '../../server/src/engine/parse-policy';
const t = process.argv[2].replace(/\\n/g, '\n');
const p = parsePolicy('p.md', '---\nid: P\n---\n' + t).policy!;
console.log(JSON.stringify(p.sentences.map((s) => s.text)));
console.log(JSON.stringify(p.sections.map((s) => s.title)));
if (p.tableRows.length) console.log(JSON.stringify(p.tableRows.map((r) => [r.header.map((c) => c.text), r.cells.map((c) => c.text), r.range.start.line, r.range.end.line])));
