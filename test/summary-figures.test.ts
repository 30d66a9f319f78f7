// Exact figures of the readiness summary on small repos (issue 20: summary.ts had never been measured by Stryker).
// Each figure is worked out by hand in the comments, so a change to the counting rule shows up as a wrong number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { computeSummary, criterionStatus } from '../server/src/engine/summary';
import type { Diagnostic, Severity } from '../server/src/engine/model';
import { CHECKS } from '../server/src/checks';
import { baseRepo, TODAY } from './helpers';

async function load(files: Record<string, string>) {
  return (await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY })).project;
}

const control = (id: string, status: string | undefined, criteria: string, owner = 'o@example.com', frequency = 'on-event') =>
  `  - id: ${id}\n    title: T ${id}\n${owner ? `    owner: ${owner}\n` : ''}${frequency ? `    frequency: ${frequency}\n` : ''}${status ? `    status: ${status}\n` : ''}    criteria: [${criteria}]\n    last_reviewed: 2026-03-01\n`;

/**
 * baseRepo (AC-01 implemented on CC6.1, POL-AC) plus availability in scope, CC6.4 excluded with a reason and A1.3
 * without one, and controls of every status. `controls/more.yaml` starts a control every 7 lines from line 2
 * (NS-01, without status, is 6 lines).
 */
function repo(): Record<string, string> {
  const files = baseRepo();
  files['soc2.yaml'] = 'organization: Test Co\nreport:\n  type: 2\n  period: { start: 2026-01-01, end: 2026-06-30 }\nscope:\n  categories: [security, availability]\n  exclusions:\n    - criterion: CC6.4\n      reason: Carved out to the cloud provider.\n    - criterion: A1.3\n';
  files['controls/more.yaml'] = 'controls:\n'
    + control('PA-02', 'partial', 'CC6.2, A1.2', 'zed@example.com') // line 2
    + control('PA-01', 'partial', 'CC6.2') // line 9
    + control('PL-01', 'planned', 'CC6.3, CC6.2') // line 16
    + control('NS-01', undefined, 'CC6.3') // line 23
    + control('NA-01', 'not-applicable', 'CC6.5') // line 29
    + control('IM-02', 'implemented', 'CC6.4, C1.1, A1.1', 'alice@example.com') // line 36: excluded, out of scope, covered
    + control('IM-03', 'implemented', 'CC7.1') // line 43
    + control('PA-03', 'partial', 'CC7.1') // line 50
    + control('PL-02', 'planned', 'CC7.1'); // line 57
  return files;
}

test('summary figures: readiness, categories, criteria rows and totals of a repo with every control status', async () => {
  const s = computeSummary(await load(repo()));
  assert.equal(s.organization, 'Test Co');
  assert.equal(s.today, '2026-07-15');
  assert.deepEqual(s.report, { type: 2, period: { start: '2026-01-01', end: '2026-06-30' } });
  // Counted: 33 security + 3 availability criteria, less the 2 excluded = 34. Covered: CC6.1, CC7.1, A1.1;
  // partial: CC6.2, A1.2. 100 × (3 + 0.5 × 2) / 34 = 11.8 → 12.
  assert.equal(s.readiness, 12);
  assert.deepEqual(s.categories, [
    { id: 'security', name: 'Security', inScope: true, criteria: 33, covered: 2, partial: 1, gap: 29, excluded: 1 },
    { id: 'availability', name: 'Availability', inScope: true, criteria: 3, covered: 1, partial: 1, gap: 0, excluded: 1 },
    // Out of scope: criteria counted, no status counted (IM-02 maps C1.1 but earns nothing there).
    { id: 'confidentiality', name: 'Confidentiality', inScope: false, criteria: 2, covered: 0, partial: 0, gap: 0, excluded: 0 },
    { id: 'processing-integrity', name: 'Processing Integrity', inScope: false, criteria: 5, covered: 0, partial: 0, gap: 0, excluded: 0 },
    { id: 'privacy', name: 'Privacy', inScope: false, criteria: 18, covered: 0, partial: 0, gap: 0, excluded: 0 },
  ]);
  const row = (id: string) => { const { summary: _, ...r } = s.criteria.find((c) => c.id === id)!; return r; };
  assert.equal(s.criteria.length, 33 + 3 + 2 + 5 + 18);
  assert.deepEqual(s.criteria.slice(0, 2).map((c) => c.id), ['CC1.1', 'CC1.2']);
  assert.equal(s.criteria.find((c) => c.id === 'CC6.1')!.summary, 'Restrict logical access to systems and data with identity, authentication and authorization controls, and protect the access infrastructure.');
  assert.deepEqual(row('CC6.1'), { id: 'CC6.1', category: 'security', series: 'CC6', status: 'covered', controls: ['AC-01'], policies: ['POL-AC'] });
  // Implemented, then partial, then planned controls; planned ones are listed again under `planned`.
  assert.deepEqual(row('CC6.2'), { id: 'CC6.2', category: 'security', series: 'CC6', status: 'partial', controls: ['PA-02', 'PA-01', 'PL-01'], policies: [], planned: ['PL-01'] });
  assert.deepEqual(row('CC6.3'), { id: 'CC6.3', category: 'security', series: 'CC6', status: 'gap', controls: ['PL-01', 'NS-01'], policies: [], planned: ['PL-01', 'NS-01'] });
  assert.deepEqual(row('CC6.4'), { id: 'CC6.4', category: 'security', series: 'CC6', status: 'excluded', controls: ['IM-02'], policies: [], exclusionReason: 'Carved out to the cloud provider.' });
  assert.deepEqual(row('CC6.5'), { id: 'CC6.5', category: 'security', series: 'CC6', status: 'gap', controls: [], policies: [] }); // not-applicable counts nowhere
  assert.deepEqual(row('CC7.1'), { id: 'CC7.1', category: 'security', series: 'CC7', status: 'covered', controls: ['IM-03', 'PA-03', 'PL-02'], policies: [], planned: ['PL-02'] });
  assert.deepEqual(row('A1.1'), { id: 'A1.1', category: 'availability', series: 'A1', status: 'covered', controls: ['IM-02'], policies: [] });
  assert.deepEqual(row('A1.2'), { id: 'A1.2', category: 'availability', series: 'A1', status: 'partial', controls: ['PA-02'], policies: [] });
  assert.deepEqual(row('A1.3'), { id: 'A1.3', category: 'availability', series: 'A1', status: 'excluded', controls: [], policies: [] }); // no reason, no key
  assert.deepEqual(row('C1.1'), { id: 'C1.1', category: 'confidentiality', series: 'C1', status: 'out-of-scope', controls: ['IM-02'], policies: [] });
  assert.deepEqual({ ...s.totals, controlsByStatus: { ...s.totals.controlsByStatus } }, { policies: 1, controls: 10, controlsByStatus: { implemented: 3, partial: 3, planned: 2, unspecified: 1, 'not-applicable': 1 } });
  assert.deepEqual({ ...s.locations }, {
    'AC-01': { file: 'controls/access.yaml', line: 2 }, 'PA-02': { file: 'controls/more.yaml', line: 2 }, 'PA-01': { file: 'controls/more.yaml', line: 9 },
    'PL-01': { file: 'controls/more.yaml', line: 16 }, 'NS-01': { file: 'controls/more.yaml', line: 23 }, 'NA-01': { file: 'controls/more.yaml', line: 29 },
    'IM-02': { file: 'controls/more.yaml', line: 36 }, 'IM-03': { file: 'controls/more.yaml', line: 43 }, 'PA-03': { file: 'controls/more.yaml', line: 50 },
    'PL-02': { file: 'controls/more.yaml', line: 57 }, 'POL-AC': { file: 'policies/access.md', line: 2 },
  });
  assert.deepEqual(s.frameworks, []);
});

test('summary gaps: every gap in catalog order, then the partial criteria; partial and planned controls beside them', async () => {
  const s = computeSummary(await load(repo()));
  const gapIds = ['CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5', 'CC2.1', 'CC2.2', 'CC2.3', 'CC3.1', 'CC3.2', 'CC3.3', 'CC3.4', 'CC4.1', 'CC4.2',
    'CC5.1', 'CC5.2', 'CC5.3', 'CC6.3', 'CC6.5', 'CC6.6', 'CC6.7', 'CC6.8', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5', 'CC8.1', 'CC9.1', 'CC9.2'];
  assert.deepEqual(s.gaps.map((g) => g.id), [...gapIds, 'CC6.2', 'A1.2']);
  const gap = (id: string) => { const { summary: _, ...g } = s.gaps.find((x) => x.id === id)!; return g; };
  assert.deepEqual(gap('CC1.1'), { id: 'CC1.1', status: 'gap', controls: [] });
  assert.equal(s.gaps[0].summary, s.criteria[0].summary);
  assert.deepEqual(gap('CC6.3'), { id: 'CC6.3', status: 'gap', controls: [], planned: ['PL-01', 'NS-01'] });
  assert.deepEqual(gap('CC6.2'), { id: 'CC6.2', status: 'partial', controls: ['PA-02', 'PA-01'], planned: ['PL-01'] });
  assert.deepEqual(gap('A1.2'), { id: 'A1.2', status: 'partial', controls: ['PA-02'] });
  assert.deepEqual(s.remediation!.map((r) => r.criterion).slice(-3), ['CC6.3', 'A1.2', 'CC6.2']);
  assert.deepEqual(s.remediation!.at(-1)!.steps.map(({ control, status, owner }) => ({ control, status, owner })), [
    { control: 'PA-01', status: 'partial', owner: 'o@example.com' }, { control: 'PA-02', status: 'partial', owner: 'zed@example.com' },
    { control: 'PL-01', status: 'planned', owner: 'o@example.com' },
  ]);
});

test('summary owners: sorted by name, each with its sorted controls and policies; a control without owner is nobody\'s', async () => {
  const files = repo();
  files['controls/more.yaml'] += control('AA-09', 'implemented', 'CC8.1', '');
  files['policies/b.md'] = files['policies/access.md'].replace('id: POL-AC', 'id: POL-AA').replace('alice@', 'o@');
  files['policies/c.md'] = files['policies/access.md'].replace('id: POL-AC', 'id: POL-00').replace('alice@', 'o@');
  files['policies/d.md'] = files['policies/access.md'].replace('id: POL-AC', 'id: POL-NO').replace('owner: alice@example.com\n', '');
  const s = computeSummary(await load(files));
  assert.deepEqual(s.owners, [
    { owner: 'alice@example.com', controls: ['IM-02'], policies: ['POL-AC'] },
    { owner: 'bob@example.com', controls: ['AC-01'], policies: [] },
    { owner: 'o@example.com', controls: ['IM-03', 'NA-01', 'NS-01', 'PA-01', 'PA-03', 'PL-01', 'PL-02'], policies: ['POL-00', 'POL-AA'] },
    { owner: 'zed@example.com', controls: ['PA-02'], policies: [] },
  ]);
  assert.deepEqual(s.totals.policies, 4);
  assert.deepEqual(s.criteria.find((c) => c.id === 'CC6.1')!.policies, ['POL-AC', 'POL-AA', 'POL-00', 'POL-NO']);
});

test('summary: the first definition of a duplicated id gives its location', async () => {
  const files = baseRepo();
  files['controls/zz.yaml'] = 'controls:\n\n' + control('AC-01', 'implemented', 'CC6.2');
  files['policies/zz.md'] = files['policies/access.md'];
  const project = await load(files);
  const s = computeSummary(project);
  assert.deepEqual({ ...s.locations }, { 'AC-01': { file: 'controls/access.yaml', line: 2 }, 'POL-AC': { file: 'policies/access.md', line: 2 } });
  assert.deepEqual({ ...s.totals, controlsByStatus: { ...s.totals.controlsByStatus } }, { policies: 2, controls: 2, controlsByStatus: { implemented: 2 } });
});

test('summary: type 1 without period or organization; readiness 0 when every in-scope criterion is excluded', async () => {
  const files = baseRepo();
  const security = computeSummary(await load(files)).criteria.filter((c) => c.category === 'security').map((c) => c.id);
  files['soc2.yaml'] = 'report:\n  type: 1\nscope:\n  categories: [security]\n  exclusions:\n' + security.map((id) => `    - criterion: ${id}\n      reason: Not ours.\n`).join('');
  const s = computeSummary(await load(files));
  assert.equal(s.organization, undefined);
  assert.deepEqual(s.report, { type: 1 });
  assert.equal(s.readiness, 0);
  assert.deepEqual(s.categories[0], { id: 'security', name: 'Security', inScope: true, criteria: 33, covered: 0, partial: 0, gap: 0, excluded: 33 });
  assert.deepEqual(s.gaps, []);
});

test('summary readiness rounds half credit: 1 covered and 1 partial of 33 is 4.5 → 5; 3 partial is 4.5 → 5', async () => {
  const files = baseRepo();
  files['controls/more.yaml'] = 'controls:\n' + control('PA-01', 'partial', 'CC6.2');
  assert.equal(computeSummary(await load(files)).readiness, 5); // 100 × 1.5 / 33 = 4.55
  files['controls/more.yaml'] = 'controls:\n' + control('PA-01', 'partial', 'CC6.2, CC6.3, CC6.4, CC6.5');
  assert.equal(computeSummary(await load(files)).readiness, 9); // 100 × (1 + 2) / 33 = 9.09
});

test('criterionStatus: scope first, then exclusion, then implemented over partial', () => {
  assert.equal(criterionStatus(false, true, 1, 1), 'out-of-scope');
  assert.equal(criterionStatus(true, true, 1, 1), 'excluded');
  assert.equal(criterionStatus(true, false, 1, 1), 'covered');
  assert.equal(criterionStatus(true, false, 0, 2), 'partial');
  assert.equal(criterionStatus(true, false, 0, 0), 'gap');
});

const R = (line: number, character = 4) => ({ start: { line, character }, end: { line, character: character + 5 } });
const diag = (code: string, file = 'controls/more.yaml', range = R(0), severity: Severity = 'warning'): Diagnostic => ({ file, range, severity, code, message: code });

test('summary findings: each group takes exactly its codes; counts per code and per severity; errors by severity', async () => {
  const project = await load(repo());
  const codes = ['stale-review', 'review-due-soon', 'missing-review-date', 'frequency-mismatch', 'policy-frequency-conflict', 'one-sided-link',
    'evidence-missing', 'evidence-stale', 'evidence-gap', 'evidence-future-dated', 'missing-owner', 'unknown-owner', 'owner-departed', 'schema'];
  const diags = [...codes.map((c) => diag(c)), diag('schema', 'soc2.yaml', R(0), 'error'), diag('duplicate-id', 'soc2.yaml', R(0), 'error'), diag('x', 'a', R(0), 'hint'), diag('y', 'a', R(0), 'info')];
  const s = computeSummary(project, diags);
  const of = (ds: Diagnostic[]) => ds.map((d) => d.code);
  assert.deepEqual(of(s.findings.staleReviews), ['stale-review', 'review-due-soon', 'missing-review-date']);
  assert.deepEqual(of(s.findings.mismatches), ['frequency-mismatch', 'policy-frequency-conflict', 'one-sided-link']);
  assert.deepEqual(of(s.findings.evidence), ['evidence-missing', 'evidence-stale', 'evidence-gap', 'evidence-future-dated']);
  assert.deepEqual(of(s.findings.ownership), ['missing-owner', 'unknown-owner', 'owner-departed']);
  assert.deepEqual(of(s.findings.errors), ['schema', 'duplicate-id']);
  assert.deepEqual({ ...s.counts }, { ...Object.fromEntries(codes.map((c) => [c, c === 'schema' ? 2 : 1])), 'duplicate-id': 1, x: 1, y: 1 });
  assert.deepEqual(s.severities, { error: 2, warning: 14, info: 1, hint: 1 });
  const none = computeSummary(project, []);
  assert.deepEqual([{ ...none.counts }, none.severities], [{}, { error: 0, warning: 0, info: 0, hint: 0 }]);
});

test('summary evidence rows: implemented controls only, past occurrences, known frequency, each control\'s own evidence findings', async () => {
  const files = repo();
  files['evidence/access/2026-07-16-early.md'] = 'signed tomorrow'; // future: not an occurrence yet
  files['controls/more.yaml'] += control('IM-04', 'implemented', 'CC8.1', 'o@example.com', 'fortnightly') // line 64, no such frequency
    + control('AB-05', 'implemented', 'CC8.1', '', ''); // no owner, no frequency; listed first though written last
  const project = await load(files);
  // In controls/more.yaml IM-02 spans lines 36-42 (1-based) and IM-03 starts on line 43: 0-based 35..41 and 42.
  const diags = [
    diag('evidence-stale', 'controls/more.yaml', R(35)), diag('evidence-gap', 'controls/more.yaml', R(41, 0)), diag('evidence-stale', 'controls/more.yaml', R(41)),
    diag('evidence-missing', 'controls/more.yaml', R(42)), // IM-03's first line: IM-03's, not IM-02's
    diag('stale-review', 'controls/more.yaml', R(42)), // not an evidence code
    diag('evidence-missing', 'controls/gone.yaml', R(1)), diag('evidence-missing', 'soc2.yaml', R(1)), // no control there
    diag('evidence-future-dated', 'controls/more.yaml', R(0)), // line 1, `controls:`: before the first control
    // Between two controls: IM-02 ends (exclusive) at 42:0 and IM-03 starts at 42:4; NA-01 ends at 35:0, IM-02 starts at 35:4.
    diag('evidence-future-dated', 'controls/more.yaml', R(42, 0)), diag('evidence-future-dated', 'controls/more.yaml', R(35, 3)),
  ];
  const s = computeSummary(project, diags);
  assert.deepEqual(s.evidence, [
    { control: 'AB-05', title: 'T AB-05', owner: undefined, frequency: undefined, occurrences: 0, newest: undefined, problems: [] },
    { control: 'AC-01', title: 'Quarterly access review', owner: 'bob@example.com', frequency: 'quarterly', occurrences: 2, newest: '2026-06-29', problems: [] },
    { control: 'IM-02', title: 'T IM-02', owner: 'alice@example.com', frequency: 'on-event', occurrences: 0, newest: undefined, problems: ['evidence-gap', 'evidence-stale'] },
    { control: 'IM-03', title: 'T IM-03', owner: 'o@example.com', frequency: 'on-event', occurrences: 0, newest: undefined, problems: ['evidence-missing'] },
    { control: 'IM-04', title: 'T IM-04', owner: 'o@example.com', frequency: undefined, occurrences: 0, newest: undefined, problems: [] },
  ]);
});

test('summary evidence rows: the real evidence findings land on their own controls', async () => {
  const s = computeSummary(await load(repo()));
  assert.deepEqual(s.evidence!.map((r) => [r.control, r.problems]), [['AC-01', []], ['IM-02', ['evidence-missing']], ['IM-03', ['evidence-missing']]]);
});

test('summary risks: unscored after the lowest score, ties by id, a half-scored risk not on the heat map', async () => {
  const files = baseRepo();
  const risk = (id: string, l?: number, i?: number, rest = '    owner: o@example.com\n    treatment: accept\n') => `  - id: ${id}\n    title: ${id}\n${l ? `    likelihood: ${l}\n` : ''}${i ? `    impact: ${i}\n` : ''}${rest}    last_reviewed: 2026-03-01\n`;
  files['risks/r.yaml'] = 'risks:\n' + risk('R-00') + risk('R-09', 1, 1) + risk('R-05', 2) + risk('R-03', 5, 5) + risk('R-02', 5, 5) + risk('R-04', undefined, 3) + risk('R-06', 1, 2, '');
  const s = computeSummary(await load(files));
  assert.deepEqual(s.risks!.map((r) => [r.id, r.likelihood, r.impact, r.score]), [
    ['R-02', 5, 5, 25], ['R-03', 5, 5, 25], ['R-06', 1, 2, 2], ['R-09', 1, 1, 1], ['R-00', undefined, undefined, undefined], ['R-04', undefined, 3, undefined], ['R-05', 2, undefined, undefined],
  ]);
  assert.deepEqual(s.risks!.find((r) => r.id === 'R-06'), { id: 'R-06', title: 'R-06', owner: undefined, likelihood: 1, impact: 2, score: 2, treatment: undefined, controls: [] });
  const expected = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  expected[4][4] = 2; expected[0][0] = 1; expected[0][1] = 1;
  assert.deepEqual(s.heatMap, expected);
});
