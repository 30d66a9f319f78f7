import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { parse as parseYaml } from 'yaml';
import { CHECKS } from '../../server/src/checks';
import { runCli } from '../../server/src/cli/main';
import { DiskWorkspace } from '../../server/src/engine/disk-workspace';
import { loadProject } from '../../server/src/engine/load';

const TODAY = '2026-07-15';
const COMPLY = join(__dirname, '..', 'fixtures', 'import', 'comply-project');
const temps: string[] = [];
after(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });
function tempDir(): string { const d = mkdtempSync(join(tmpdir(), 'soc2-import-')); temps.push(d); return d; }

async function soc2(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await runCli(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd, today: () => TODAY });
  return { code, out, err };
}
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else out.push(relative(dir, p).split('\\').join('/')); } };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}
async function findings(dir: string) {
  const { project } = await loadProject(new DiskWorkspace(dir), { today: TODAY, checks: CHECKS });
  return project.allDiagnostics().map((d) => ({ file: d.file, code: d.code, severity: d.severity, line: d.range.start.line + 1, message: d.message }));
}
const STRUCTURAL = new Set(['schema', 'yaml-syntax', 'frontmatter-syntax', 'file-unreadable', 'encoding']);

test('import comply: policies, narratives and procedures in this project\'s formats, with a report and a check', async () => {
  const dir = tempDir();
  const r = await soc2(dir, 'import', 'comply', COMPLY, 'repo');
  assert.equal(r.code, 0, r.err);
  const repo = join(dir, 'repo');
  assert.deepEqual(listFiles(repo), ['controls/procedures.yaml', 'policies/access.md', 'policies/backup.md', 'policies/narratives/system.md', 'soc2.yaml']);
  assert.match(r.out, /^5 written, 0 skipped\.$/m);

  const access = readFileSync(join(repo, 'policies/access.md'), 'utf8');
  assert.ok(access.startsWith('---\nid: AMP\ntitle: Access Management Policy\nowner: TODO   # name the person accountable for this policy\nlast_reviewed: 2020-03-12\ncriteria: [CC6.1, CC6.2, CC6.3]\n---\n'), access.slice(0, 200));
  assert.match(access, /^ {2}- i\. Each quarter, system owners review every account on their systems and remove the ones no longer needed\.$/m);
  assert.match(access, /^- a\. This policy explains how Lumen Analytics grants/m);
  assert.match(access, /\{\{\.CISO\}\}/);
  assert.doesNotMatch(access, /pagebreak/);
  assert.match(access, /^\| 2018-06-01 \| First release \|$/m);
  const backup = readFileSync(join(repo, 'policies/backup.md'), 'utf8');
  assert.match(backup, /^criteria: \[A1\.2, CC9\.9\]$/m);
  assert.match(backup, /^\| Object storage \| 90 days, with versioning on \|$/m);

  const controls = parseYaml(readFileSync(join(repo, 'controls/procedures.yaml'), 'utf8')).controls;
  assert.deepEqual(controls.map((c: Record<string, string>) => [c.id, c.frequency, c.status, c.owner]), [
    ['access-review', 'quarterly', 'planned', 'TODO'], ['onboarding', 'on-event', 'planned', 'TODO'],
    ['patching', 'monthly', 'planned', 'TODO'], ['pentest', 'annual', 'planned', 'TODO'],
  ]);
  assert.match(readFileSync(join(repo, 'soc2.yaml'), 'utf8'), /^organization: Lumen Analytics$/m);
  assert.match(readFileSync(join(repo, 'soc2.yaml'), 'utf8'), /^ {2}categories: \[security, availability\]$/m);

  // The report: what was mapped, guessed and not mapped, each with its source.
  assert.match(r.out, /^ {2}procedures\/patching\.md -> controls\/procedures\.yaml: patching: cron "0 0 0 15 \* \*" -> monthly$/m);
  assert.match(r.out, /^ {2}policies\/access\.md:40 -> policies\/access\.md: template variable \{\{\.CISO\}\} left as written$/m);
  assert.match(r.out, /^ {2}policies\/backup\.md -> policies\/backup\.md: satisfies\.TSC: "CC9\.9" is not a Trust Services Criterion/m);
  assert.match(r.out, /^ {2}standards\/ISO\.yml: standard ISO 27001: only the Trust Services Criteria are imported/m);
  assert.match(r.out, /^Could not map \(2\):$/m);

  // The check of the imported repo follows, and it has no structural errors: only the honest findings.
  assert.match(r.out, /^soc2 check repo: 1 errors, \d+ warnings, \d+ notes$/m);
  const fs = await findings(repo);
  assert.deepEqual(fs.filter((f) => STRUCTURAL.has(f.code)), []);
  assert.deepEqual(fs.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line} ${f.code}`), ['policies/backup.md:6 unknown-criterion']);
  // Every sentence of the pandoc lists is read: the quarterly review sentence is in the policy's sentences.
  const { project } = await loadProject(new DiskWorkspace(repo), { today: TODAY, checks: CHECKS });
  const sentences = [...project.allPolicies()].find((p) => p.id === 'AMP')!.sentences.map((s) => s.text.replace(/\s+/g, ' '));
  assert.ok(sentences.some((s) => s.includes('Each quarter, system owners review every account')), sentences.join(' | '));
  assert.ok(sentences.some((s) => s.includes('disabled on their last working day')));
});

test('a second import writes nothing, and --dry-run writes nothing', async () => {
  const dir = tempDir();
  const dry = await soc2(dir, 'import', 'comply', COMPLY, 'repo', '--dry-run');
  assert.equal(dry.code, 0, dry.err);
  assert.deepEqual(listFiles(join(dir, 'repo')), []);
  assert.match(dry.out, /^ {2}would write soc2\.yaml$/m);
  assert.match(dry.out, /^ {2}would write controls\/procedures\.yaml$/m);
  assert.equal((await soc2(dir, 'import', 'comply', COMPLY, 'repo')).code, 0);
  const before = listFiles(join(dir, 'repo')).map((f) => [f, readFileSync(join(dir, 'repo', f), 'utf8')]);
  writeFileSync(join(dir, 'repo', 'policies', 'access.md'), 'edited by hand\n');
  const again = await soc2(dir, 'import', 'comply', COMPLY, 'repo');
  assert.match(again.out, /^0 written, 4 skipped\.$/m);
  assert.equal(readFileSync(join(dir, 'repo', 'policies', 'access.md'), 'utf8'), 'edited by hand\n');
  assert.deepEqual(listFiles(join(dir, 'repo')), before.map(([f]) => f));
  const dry2 = await soc2(dir, 'import', 'comply', COMPLY, 'repo', '--dry-run');
  assert.match(dry2.out, /^ {2}would skip {2}policies\/access\.md$/m);
});

const MATRIX = [
  ['Control ID', 'Control', 'Control Activity', 'Control Owner', 'Frequency', 'TSC Ref', 'Status', 'Notes'],
  ['AC-01', 'Quarterly access review', 'System owners review accounts.', 'dana@lumen.example', 'Quarterly', 'CC6.1; CC6.2', 'Implemented', 'x'],
  ['AC-02', 'Offboarding', 'Accounts disabled on the last day.', 'sam@lumen.example', 'Ad hoc', 'CC 6.2, 6.3', 'In progress', ''],
  ['CM-01', 'Peer review of changes', 'Every change is reviewed, "=1+1" kept as text.', '', 'Q', 'CC8.1/CC9.9', '', ''],
  ['BC-01', 'Backups', 'Nightly backups.', 'ops@lumen.example', 'fortnightly', 'A1.2', 'Planned', ''],
];

function checkMatrixImport(repo: string, out: string, source: string): void {
  assert.deepEqual(listFiles(repo), ['controls/access-control.yaml', 'controls/business-continuity.yaml', 'controls/change-management.yaml', 'soc2.yaml']);
  const ac = parseYaml(readFileSync(join(repo, 'controls/access-control.yaml'), 'utf8')).controls;
  assert.deepEqual(ac, [
    { id: 'AC-01', title: 'Quarterly access review', description: 'System owners review accounts.', owner: 'dana@lumen.example', frequency: 'quarterly', status: 'implemented', criteria: ['CC6.1', 'CC6.2'] },
    { id: 'AC-02', title: 'Offboarding', description: 'Accounts disabled on the last day.', owner: 'sam@lumen.example', frequency: 'on-event', status: 'partial', criteria: ['CC6.2', 'CC6.3'] },
  ]);
  const cm = parseYaml(readFileSync(join(repo, 'controls/change-management.yaml'), 'utf8')).controls[0];
  assert.deepEqual(cm, { id: 'CM-01', title: 'Peer review of changes', description: 'Every change is reviewed, "=1+1" kept as text.', owner: 'TODO', frequency: 'quarterly', status: 'planned', criteria: ['CC8.1'] });
  assert.equal(parseYaml(readFileSync(join(repo, 'controls/business-continuity.yaml'), 'utf8')).controls[0].frequency, undefined);
  assert.match(out, new RegExp(`^ {2}${source}:1: columns: Control ID -> id, Control -> title, Control Activity -> description, Control Owner -> owner, Frequency -> frequency, TSC Ref -> criteria, Status -> status$`, 'm'));
  assert.match(out, new RegExp(`^ {2}${source}:3: AC-02: criterion "CC 6\\.2" read as CC6\\.2$`, 'm'));
  assert.match(out, new RegExp(`^ {2}${source}:4: CM-01: no owner; written as TODO$`, 'm'));
  assert.match(out, new RegExp(`^ {2}${source}:4: CM-01: "CC9\\.9" is not a criterion; left out$`, 'm'));
  assert.match(out, new RegExp(`^ {2}${source}:5: BC-01: frequency "fortnightly" is not one we know`, 'm'));
  assert.match(out, new RegExp(`^ {2}${source}:1: columns not imported: Notes$`, 'm'));
}

test('import csv: a control matrix becomes controls/<area>.yaml, with frequencies, statuses and criteria read', async () => {
  const dir = tempDir();
  const csv = MATRIX.map((r) => r.map((c) => /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c).join(',')).join('\r\n');
  writeFileSync(join(dir, 'matrix.csv'), csv);
  const r = await soc2(dir, 'import', 'csv', 'matrix.csv', 'repo', '--organization', 'Lumen');
  assert.equal(r.code, 0, r.err);
  checkMatrixImport(join(dir, 'repo'), r.out, 'matrix.csv');
  const fs = await findings(join(dir, 'repo'));
  assert.deepEqual(fs.filter((f) => STRUCTURAL.has(f.code)), []);
  assert.equal((await soc2(dir, 'import', 'csv', 'matrix.csv', 'repo')).out.match(/^0 written, 3 skipped\.$/m)?.length, 1);
});

test('import csv from .xlsx gives the same controls as the CSV; --map and --group-by override', async () => {
  const dir = tempDir();
  const buffer = await writeXlsxFile(MATRIX.map((row) => row.map((value) => ({ value })))).toBuffer();
  writeFileSync(join(dir, 'matrix.xlsx'), buffer);
  const r = await soc2(dir, 'import', 'csv', 'matrix.xlsx', 'repo');
  assert.equal(r.code, 0, r.err);
  checkMatrixImport(join(dir, 'repo'), r.out, 'matrix.xlsx#Sheet1');

  const g = await soc2(dir, 'import', 'csv', 'matrix.xlsx', 'grouped', '--group-by', 'Status', '--map', 'owner=Notes');
  assert.equal(g.code, 0, g.err);
  assert.deepEqual(listFiles(join(dir, 'grouped')), ['controls/change-management.yaml', 'controls/implemented.yaml', 'controls/in-progress.yaml', 'controls/planned.yaml', 'soc2.yaml']);
  assert.equal(parseYaml(readFileSync(join(dir, 'grouped/controls/implemented.yaml'), 'utf8')).controls[0].owner, 'x');
  assert.equal((await soc2(dir, 'import', 'csv', 'matrix.xlsx', 'x', '--map', 'colour=Red')).code, 2);
  assert.equal((await soc2(dir, 'import', 'docx', 'a.docx', '--map', 'owner=X')).code, 2);
  writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
  const bad = await soc2(dir, 'import', 'csv', 'broken.xlsx', 'y');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /broken\.xlsx is not an \.xlsx workbook we can read/);
});

test('a workbook that opens with an instructions sheet, and a matrix under title rows, are found', async () => {
  const dir = tempDir();
  const sheets = [
    { sheet: 'Instructions', data: [[{ value: 'Fill one row per control.' }], [{ value: 'Owner is an email.' }]] },
    { sheet: 'Matrix', data: [[{ value: 'Lumen control matrix, FY2026' }], [], [{ value: 'Prepared by the auditor' }], ...MATRIX.map((row) => row.map((value) => ({ value })))] },
  ];
  writeFileSync(join(dir, 'book.xlsx'), await writeXlsxFile(sheets).toBuffer());
  const r = await soc2(dir, 'import', 'csv', 'book.xlsx', 'repo');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^ {2}book\.xlsx#Matrix:4: header row found on line 4; the 2 rows above it \(titles, notes\) skipped$/m);
  assert.deepEqual(listFiles(join(dir, 'repo')), ['controls/access-control.yaml', 'controls/business-continuity.yaml', 'controls/change-management.yaml', 'soc2.yaml']);
});

async function wordDocument(parts: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: parts }] }));
}
const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });

test('import docx: Word policies become Markdown policies; metadata from "Owner:" lines and the version table', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'access.docx'), await wordDocument([
    new Paragraph({ text: 'Access Control Policy', heading: HeadingLevel.HEADING_1 }),
    new Paragraph('Owner: Dana Whitfield'),
    new Paragraph('Approved by: Sam Ortiz'),
    new Table({ rows: [
      new TableRow({ children: [cell('Version'), cell('Date'), cell('Change')] }),
      new TableRow({ children: [cell('1.0'), cell('March 2, 2025'), cell('First issue')] }),
      new TableRow({ children: [cell('1.1'), cell('April 9, 2026'), cell('Reviews every quarter')] }),
    ] }),
    new Paragraph({ text: 'Purpose', heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ children: [new TextRun('This policy sets how access is granted, in line with CC6.1 and control AC-03. '), new TextRun({ text: 'Encryption uses AES-256.', bold: true })] }),
    new Paragraph({ text: 'Every account is reviewed each quarter.', bullet: { level: 0 } }),
    new Paragraph({ text: 'Leavers lose access on their last day.', bullet: { level: 0 } }),
  ]));
  writeFileSync(join(dir, 'untitled.docx'), await wordDocument([new Paragraph({ text: 'Staff must lock their screens.', alignment: AlignmentType.LEFT })]));
  const r = await soc2(dir, 'import', 'docx', 'access.docx', 'untitled.docx', 'repo', '--organization', 'Lumen');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(listFiles(join(dir, 'repo')), ['policies/pol-ac.md', 'policies/pol-untitled.md', 'soc2.yaml']);
  const text = readFileSync(join(dir, 'repo/policies/pol-ac.md'), 'utf8');
  assert.ok(text.startsWith([
    '---', 'id: POL-AC', 'title: Access Control Policy', 'owner: Dana Whitfield', 'approver: Sam Ortiz', 'version: "1.1"', 'last_reviewed: 2026-04-09',
    'criteria: [CC6.1]   # guessed from the text: confirm', 'controls: [AC-03]   # guessed from the text: confirm', '---', '', '# Access Control Policy',
  ].join('\n')), text.slice(0, 400));
  assert.match(text, /^## Purpose$/m);
  assert.match(text, /^- Every account is reviewed each quarter\.$/m);
  assert.match(text, /\*\*Encryption uses AES-256\.\*\*/);
  assert.match(text, /^\| Version \| Date +\| Change +\|$/m);
  const untitled = readFileSync(join(dir, 'repo/policies/pol-untitled.md'), 'utf8');
  assert.match(untitled, /^owner: TODO {3}# name the person accountable for this policy$/m);
  assert.match(untitled, /^# untitled\n\nStaff must lock their screens\.$/m);
  assert.match(r.out, /^ {2}access\.docx -> policies\/pol-ac\.md: id POL-AC from the title's initials \(give --id to choose it\)$/m);
  assert.match(r.out, /^ {2}access\.docx -> policies\/pol-ac\.md: controls AC-03 proposed from mentions in the text$/m);
  const fs = await findings(join(dir, 'repo'));
  assert.deepEqual(fs.filter((f) => STRUCTURAL.has(f.code)), []);

  const one = await soc2(dir, 'import', 'docx', 'access.docx', 'repo2', '--id', 'POL-ACCESS');
  assert.equal(one.code, 0, one.err);
  assert.ok(existsSync(join(dir, 'repo2/policies/pol-access.md')));
  writeFileSync(join(dir, 'fake.docx'), 'plain text');
  const fake = await soc2(dir, 'import', 'docx', 'fake.docx', 'repo3');
  assert.equal(fake.code, 0);
  assert.match(fake.out, /fake\.docx: not a Word document we can read/);
  assert.deepEqual(listFiles(join(dir, 'repo3')).filter((f) => f.startsWith('policies/')), []);
});

test('usage errors: unknown source, missing file, stray arguments', async () => {
  const dir = tempDir();
  assert.equal((await soc2(dir, 'import')).code, 2);
  assert.equal((await soc2(dir, 'import', 'pdf', 'x')).code, 2);
  assert.equal((await soc2(dir, 'import', 'csv', 'missing.csv')).code, 2);
  assert.equal((await soc2(dir, 'import', 'comply', 'nowhere')).code, 2);
  const r = await soc2(dir, 'import', 'comply', COMPLY, 'a', 'b');
  assert.equal(r.code, 2);
  assert.match(r.err, /unexpected argument b/);
});
