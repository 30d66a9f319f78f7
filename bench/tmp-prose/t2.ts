import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
const t = process.argv[2].replace(/\\n/g, '\n');
const tree: any = fromMarkdown(t, { extensions: [gfmTable()] });
console.log(JSON.stringify(tree.children.map((c: any) => [c.type, c.position.start.line, c.position.end.line])));
