import { CHECKS } from '../../server/src/checks';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { runCli } from '../../server/src/cli/main';
import { buildDescriptionDraft } from '../../server/src/description/draft';
import { formatDescriptionHtml, formatDescriptionMarkdown } from '../../server/src/report/description-draft';
import { edit, TODAY } from '../helpers';
import { removeDir, tempDir, writeFiles } from '../git-helpers';
import { descriptionRepo } from './description-fixture';

async function draftOf(files: Record<string, string>) {
  const { project } = await loadProject(new MemoryWorkspace(files), { today: TODAY, checks: CHECKS });
  return buildDescriptionDraft(project);
}

const withExclusion = (files: Record<string, string>) => edit(files, 'soc2.yaml', '  categories: [security]',
  '  categories: [security]\n  exclusions:\n    - criterion: CC6.4\n      reason: Physical security is the host\'s.\n      vendor: V-CLOUD');

test('the description draft carries boundaries, subservice organisations with CSOCs, CUECs, criteria with controls and owners, exclusions, and the prose', async () => {
  const files = withExclusion(descriptionRepo({ frontMatter: ['cuecs:', '  - id: CUEC-01', '    description: Customers remove their leavers.', '    criteria: [CC6.2]'] }));
  const d = await draftOf(files);
  assert.deepEqual(d.boundaries, { reportType: 2, period: { start: '2026-01-01', end: '2026-06-30' }, categories: ['Security'] });
  assert.deepEqual(d.subservice, [{ id: 'V-CLOUD', name: 'Nimbus Cloud', service: undefined, method: 'carve-out', assurance: 'SOC 2 Type 2, 2025-10-01 to 2026-09-30', csocs: [{ description: 'Physical access to data centres is restricted', criteria: ['CC6.4'] }] }]);
  assert.deepEqual(d.cuecs, [{ id: 'CUEC-01', description: 'Customers remove their leavers.', criteria: ['CC6.2'] }]);
  assert.deepEqual(d.criteria.find((c) => c.id === 'CC6.1')?.controls, [{ id: 'AC-01', title: 'Quarterly access review', owner: 'bob@example.com', status: 'implemented' }]);
  assert.equal(d.criteria.some((c) => c.id === 'CC6.4'), false, 'an excluded criterion is listed under exclusions, not criteria');
  assert.deepEqual(d.exclusions, [{ criterion: 'CC6.4', reason: "Physical security is the host's.", vendor: 'V-CLOUD' }]);
  assert.deepEqual(d.topics.find((t) => t.key === 'incidents')?.prose, [{ title: 'System incidents', body: 'There were no incidents that stopped us meeting a commitment.' }]);

  const md = formatDescriptionMarkdown(d);
  assert.match(md, /^# Test Co: description of the system\n\n> Draft generated from the compliance repository for management to edit\./);
  assert.match(md, /\| Nimbus Cloud \(V-CLOUD\) \|  \| carve-out \| SOC 2 Type 2, 2025-10-01 to 2026-09-30 \| Physical access to data centres is restricted \(CC6\.4\) \|/);
  assert.match(md, /\| CUEC-01 \| Customers remove their leavers\. \| CC6\.2 \|/);
  assert.match(md, /\| CC6\.4 \| Physical security is the host's\. \| V-CLOUD \|/);
  assert.match(md, /## System incidents\n\nThere were no incidents that stopped us meeting a commitment\./);
});

test('a missing prose section is marked to write; a repo without description still exports', async () => {
  const d = await draftOf(descriptionRepo({ omit: ['System incidents'] }));
  assert.match(formatDescriptionMarkdown(d), /## System incidents\n\n_To write: the description has no section on this yet\._/);
  const files = descriptionRepo();
  delete files['system/description.md'];
  const bare = formatDescriptionMarkdown(await draftOf(files));
  assert.match(bare, /## Complementary user entity controls\n\nNo complementary user entity controls are listed/);
});

test('the HTML draft escapes every value and loads nothing', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  const files = descriptionRepo({ body: { 'Services provided': `We sell ${evil} and <script>alert(2)</script>.` } });
  files['vendors/register.yaml'] = files['vendors/register.yaml'].replace('name: Nimbus Cloud', `name: "${evil}"`);
  files['soc2.yaml'] = files['soc2.yaml'].replace('organization: Test Co', 'organization: "Co</title><script>x()</script>"');
  const html = formatDescriptionHtml(await draftOf(files));
  assert.equal(/<script|<img|onerror=/i.test(html), false);
  assert.match(html, /&#60;img src&#61;x onerror&#61;alert\(1\)&#62;/);
  assert.match(html, /default-src 'none'/);
  assert.equal(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(html), false, 'nothing remote');
});

test('soc2 export description prints Markdown or HTML; a bad format is a usage error', async () => {
  const dir = tempDir();
  try {
    writeFiles(dir, descriptionRepo());
    const run = async (...argv: string[]) => {
      let out = '', err = '';
      const code = await runCli(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd: dir, today: () => TODAY });
      return { code, out, err };
    };
    const md = await run('export', 'description', '.', '--today', TODAY);
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^# Test Co: description of the system/);
    const html = await run('export', 'description', '--format', 'html');
    assert.equal(html.code, 0, html.err);
    assert.match(html.out, /^<!DOCTYPE html>/);
    assert.equal((await run('export', 'description', '--format', 'pdf')).code, 2);
    assert.equal((await run('export', 'oscal', '--format', 'html')).code, 2);
    assert.equal((await run('export', 'nothing')).code, 2);
  } finally { removeDir(dir); }
});
