import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { CHECKS } from '../../server/src/checks';
import { loadProject } from '../../server/src/engine/load';
import { baseRepo, findings, TODAY } from '../helpers';

function withPolicies(a: string, b: string): Record<string, string> {
  const files = baseRepo();
  const policy = (id: string, body: string) => `---\nid: ${id}\nowner: c@example.com\nlast_reviewed: 2026-03-01\ncriteria: [CC6.1]\n---\n# ${id}\n\n${body}\n`;
  files['policies/laptops.md'] = policy('POL-LT', a);
  files['policies/patching.md'] = policy('POL-PT', b);
  return files;
}

test('policy-frequency-conflict: an info on both sentences, each pointing at the other', async () => {
  const files = withPolicies('Operating system updates on staff laptops are installed every week.', 'Operating system updates on staff laptops are installed monthly.');
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  const d = project.allDiagnostics().filter((x) => x.code === 'policy-frequency-conflict');
  assert.deepEqual(d.map((x) => [x.file, x.severity, x.range.start.line, x.related?.[0].file, x.related?.[0].range.start.line]), [
    ['policies/laptops.md', 'info', 8, 'policies/patching.md', 8],
    ['policies/patching.md', 'info', 8, 'policies/laptops.md', 8],
  ]);
  assert.match(d[0].message, /says "every week" \(weekly\), but policy POL-PT says "monthly" \(monthly\) for the same activity \(policies\/patching.md:9\)/);
});

test('policy-frequency-conflict: agreeing, a kept floor, different activities or a sentence naming a control give nothing', async () => {
  const quiet: [string, string][] = [
    ['Operating system updates on staff laptops are installed every week.', 'Operating system updates on staff laptops are installed weekly.'],
    ['Operating system updates on staff laptops are installed at least monthly.', 'Operating system updates on staff laptops are installed every week.'],
    ['Operating system updates on staff laptops are installed every week.', 'Firewall rules on the office network are reviewed monthly.'],
    ['Operating system updates on staff laptops are installed every week (AC-01).', 'Operating system updates on staff laptops are installed monthly.'],
    ['## Monthly operating system updates on staff laptops', 'Operating system updates on staff laptops are installed every week.'],
  ];
  for (const [a, b] of quiet) assert.deepEqual(await findings(withPolicies(a, b), 'policy-frequency-conflict'), [], `${a} / ${b}`);
});

test('policy-frequency-conflict: an edit to one policy re-checks the policies about the same activities, not the others', async () => {
  const files = withPolicies('Operating system updates on staff laptops are installed every week.', 'Operating system updates on staff laptops are installed every week.');
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  project.allDiagnostics();
  const { affected } = project.setFile('policies/patching.md', files['policies/patching.md'].replace('every week', 'monthly'), 2);
  assert.deepEqual([...affected].sort(), ['policies/laptops.md', 'policies/patching.md']);
  assert.deepEqual(project.allDiagnostics().filter((x) => x.code === 'policy-frequency-conflict').map((x) => x.file), ['policies/laptops.md', 'policies/patching.md']);
  // and back: the conflict leaves both files
  project.setFile('policies/patching.md', files['policies/patching.md'], 3);
  assert.deepEqual(project.allDiagnostics().filter((x) => x.code === 'policy-frequency-conflict'), []);
});

const full = (d: { file: string; range: { start: { line: number; character: number } }; message: string; related?: { file: string; range: { start: { line: number; character: number } }; message: string }[]; data?: Record<string, unknown> }) => ({
  at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message,
  related: d.related?.map((r) => `${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`), data: d.data,
});

test('policy-frequency-conflict: the whole message, related entry and data of each side', async () => {
  const files = withPolicies('Operating system updates on staff laptops are installed every week.', 'Operating system updates on staff laptops are installed monthly.');
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  assert.deepEqual(project.allDiagnostics().filter((x) => x.code === 'policy-frequency-conflict').map(full), [
    {
      at: 'policies/laptops.md:9:1',
      message: 'This sentence says "every week" (weekly), but policy POL-PT says "monthly" (monthly) for the same activity (policies/patching.md:9). Agree on one frequency, or make clear they are different activities.',
      related: ['policies/patching.md:9:1 POL-PT: "monthly" (monthly)'],
      data: { policy: 'POL-PT', otherFile: 'policies/patching.md', policyFrequency: 'weekly', otherFrequency: 'monthly' },
    },
    {
      at: 'policies/patching.md:9:1',
      message: 'This sentence says "monthly" (monthly), but policy POL-LT says "every week" (weekly) for the same activity (policies/laptops.md:9). Agree on one frequency, or make clear they are different activities.',
      related: ['policies/laptops.md:9:1 POL-LT: "every week" (weekly)'],
      data: { policy: 'POL-LT', otherFile: 'policies/laptops.md', policyFrequency: 'monthly', otherFrequency: 'weekly' },
    },
  ]);
});

test('policy-frequency-conflict: a sentence at odds with two policies gets one finding per policy, in file order, even after an edit reorders the index', async () => {
  const files = withPolicies('Operating system updates on staff laptops are installed every week.', 'Operating system updates on staff laptops are installed monthly.');
  const third = files['policies/patching.md'].replace(/POL-PT/g, 'POL-ZZ').replace('monthly', 'every quarter');
  files['policies/zz.md'] = third;
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  const onLaptops = () => project.allDiagnostics().filter((x) => x.code === 'policy-frequency-conflict' && x.file === 'policies/laptops.md').map((x) => x.data?.policy);
  assert.deepEqual(onLaptops(), ['POL-PT', 'POL-ZZ']);
  // Re-reading patching.md puts it last in the index; the findings stay in file order.
  project.setFile('policies/patching.md', files['policies/patching.md'] + '\n', 2);
  assert.deepEqual(onLaptops(), ['POL-PT', 'POL-ZZ']);
  // Several statements of one policy are each compared.
  project.setFile('policies/laptops.md', files['policies/laptops.md'].replace('every week.', 'every week.\n\nFirewall rules on the office network are reviewed monthly.'), 3);
  project.setFile('policies/zz.md', third.replace('every quarter.', 'every quarter.\n\nFirewall rules on the office network are reviewed every year.'), 3);
  assert.deepEqual(project.allDiagnostics().filter((x) => x.code === 'policy-frequency-conflict' && x.file === 'policies/laptops.md').map((x) => `${x.range.start.line + 1} ${x.data?.policy} ${x.data?.otherFrequency}`),
    ['9 POL-PT monthly', '9 POL-ZZ quarterly', '11 POL-ZZ annual']);
});

test('policy-frequency-conflict passes over a policy file with no front matter', async () => {
  const files = withPolicies('Operating system updates on staff laptops are installed every week.', 'Operating system updates on staff laptops are installed monthly.');
  files['policies/notes.md'] = '# Notes\n\nOperating system updates on staff laptops are installed every day.\n';
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  assert.deepEqual(project.allDiagnostics().filter((x) => x.code === 'policy-frequency-conflict' || x.code === 'internal-error').map((x) => x.file),
    ['policies/laptops.md', 'policies/patching.md']);
});
