import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { CHECKS } from '../../server/src/checks';
import { loadProject } from '../../server/src/engine/load';
import { baseRepo, diagnose, edit, findings, TODAY } from '../helpers';

test('frequency-mismatch: the sentence range, with related info on the control frequency node', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: semiannual');
  const f = await findings(files, 'frequency-mismatch');
  assert.deepEqual(f.map((x) => x.at), ['policies/access.md:12:1']);
  assert.match(f[0].message, /says AC-01 happens "quarterly", but control AC-01 has frequency: semiannual/);
});

test('frequency-mismatch understands phrases and list items', async () => {
  const body = 'Access is reviewed quarterly by each system owner (AC-01).';
  const cases: [string, boolean][] = [
    ['- AC-01: access is reviewed every six months.', true],
    ['Every three months, owners review access (AC-01).', false],
    ['Accounts are removed upon termination (AC-01).', true],
    ['AC-01 runs in our continuous integration pipeline.', false],
    ['AC-01 runs quarterly and the report is filed annually.', false], // two frequencies: ambiguous, so silent
  ];
  for (const [sentence, fires] of cases) {
    const f = await findings(edit(baseRepo(), 'policies/access.md', body, sentence), 'frequency-mismatch');
    assert.equal(f.length, fires ? 1 : 0, sentence);
  }
});

test('frequency-mismatch is quiet when policy and control agree', async () => {
  assert.deepEqual(await findings(baseRepo(), 'frequency-mismatch'), []);
});

// ---- sentences that name no control: matched to a linked control by activity terms (issue 12) ----

const ID_SENTENCE = 'Access is reviewed quarterly by each system owner (AC-01).';

/** The base repo with a second linked control, so matching has to choose. */
function twoControls(policySentence: string, ac01 = 'quarterly', ac02 = 'on-event'): Record<string, string> {
  const files = edit(baseRepo(), 'policies/access.md', ID_SENTENCE, policySentence);
  files['controls/removal.yaml'] = [
    'id: AC-02', 'title: Access removal on termination', 'description: IT disables the accounts of a leaver on their last day.',
    'owner: bob@example.com', `frequency: ${ac02}`, 'status: planned', 'criteria: [CC6.2]', 'policies: [POL-AC]', 'last_reviewed: 2026-03-01', '',
  ].join('\n');
  return edit(files, 'controls/access.yaml', 'frequency: quarterly', `frequency: ${ac01}`);
}

test('frequency-mismatch by activity: less frequent practice is a warning on the sentence, pointing at the control frequency', async () => {
  const files = twoControls('Each month, IT and the system owners review access of every account.');
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  const d = project.diagnosticsFor('policies/access.md').filter((x) => x.code === 'frequency-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'warning');
  assert.equal(d[0].range.start.line, 11);
  assert.match(d[0].message, /says "Each month" \(monthly\), but control AC-01 \(Quarterly access review\).* has frequency: quarterly, less often than promised/);
  assert.deepEqual(d[0].related?.map((r) => [r.file, r.range.start.line]), [['controls/access.yaml', 4]]);
  assert.deepEqual(d[0].data?.phraseRange, { start: { line: 11, character: 0 }, end: { line: 11, character: 10 } });
});

test('frequency-mismatch by activity: more frequent practice is an info; a floor it keeps gives nothing', async () => {
  const info = await findings(twoControls('Access of every account is reviewed once a year by its system owner.'), 'frequency-mismatch');
  assert.deepEqual(info.map((f) => f.severity), ['info']);
  for (const floor of ['at least annually', 'no less than once per year', 'as least quarterly', 'at a minimum every six months']) {
    assert.deepEqual(await findings(twoControls(`Access of every account is reviewed ${floor} by its system owner.`), 'frequency-mismatch'), [], floor);
  }
  const broken = await findings(twoControls('Access of every account is reviewed at least monthly by its system owner.'), 'frequency-mismatch');
  assert.deepEqual(broken.map((f) => f.severity), ['warning'], 'a floor the practice does not reach');
});

test('frequency-mismatch by activity: no match, a tie, a heading, a state or an event gives nothing', async () => {
  const quiet = [
    'Customer invoices are reconciled every month.', // about no linked control
    '## Monthly Access Review', // a heading
    'Server rooms are secured 24/7 and visitors are escorted at all times.',
    'Access requests are handled in real time by the identity provider.',
    'Accounts of a leaver are disabled upon termination.',
    'Our daily operations depend on account access.',
    'Account access supports the continuous improvement of this process.',
    'Account access records are kept for one year.',
    'Account access for new hires is limited for the first week.',
    'Account access is reviewed bi-annually.',
    'Account access is reviewed quarterly.', // agrees
    'Quarterly Access Review is owned by the security lead, who reviews every account.', // the control title
  ];
  for (const sentence of quiet) assert.deepEqual(await findings(twoControls(sentence), 'frequency-mismatch'), [], sentence);
  // Two linked controls about as close, with different frequencies: which one is meant is unclear.
  const tie = twoControls('Account access is reviewed monthly.', 'quarterly', 'annual');
  tie['controls/removal.yaml'] = tie['controls/removal.yaml'].replace('title: Access removal on termination', 'title: Account access review');
  assert.deepEqual(await findings(tie, 'frequency-mismatch'), []);
});

test('frequency-mismatch: the asserted frequency of a sentence that states two, and events beside a period', async () => {
  assert.deepEqual((await findings(twoControls('Account access is reviewed not annually, but monthly.'), 'frequency-mismatch')).map((f) => f.severity), ['warning']);
  assert.deepEqual(await findings(twoControls('Account access is reviewed quarterly or after significant changes.'), 'frequency-mismatch'), []);
  assert.deepEqual(await findings(twoControls('Account access is reviewed annually or after significant changes.', 'annual'), 'frequency-mismatch'), []);
});

test('frequency-mismatch on a control whose description contradicts its frequency', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', '    policies: [POL-AC]', '    description: Owners review every account at least monthly.\n    policies: [POL-AC]');
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  const d = project.diagnosticsFor('controls/access.yaml').filter((x) => x.code === 'frequency-mismatch');
  assert.deepEqual(d.map((x) => [x.severity, x.range.start.line]), [['warning', 7]]);
  assert.match(d[0].message, /description of AC-01 says "monthly", but AC-01 has frequency: quarterly/);
  assert.deepEqual(d[0].data?.phraseRange, { start: { line: 7, character: 54 }, end: { line: 7, character: 61 } });
  const agree = edit(baseRepo(), 'controls/access.yaml', '    policies: [POL-AC]', '    description: "Owners review every account at least annually."\n    policies: [POL-AC]');
  assert.deepEqual(await findings(agree, 'frequency-mismatch'), []);
});

test('frequency-mismatch in tables: a row naming a control id or an activity, with a frequency column, is compared like a sentence', async () => {
  const table = [
    '| Control | Activity | Retention | Frequency |', '| --- | --- | --- | --- |',
    '| AC-01 | Access review | kept for one year | Semiannually |', // id row: practice quarterly, more often
    '| | Review of account access | 1 year | Monthly |', // no id: matched to AC-01 by activity; practice less often
    '| | Disabling the accounts of leavers | 90 days | Upon termination |', // an event: left alone
    '| | Customer invoice reconciliation | 7 years | Monthly |', // about no linked control
  ].join('\n');
  const files = twoControls(table);
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  const d = project.diagnosticsFor('policies/access.md').filter((x) => x.code === 'frequency-mismatch');
  assert.deepEqual(d.map((x) => [x.range.start.line, x.severity, x.data?.via]), [[13, 'info', 'id'], [14, 'warning', 'terms']]);
  assert.match(d[1].message, /^This table row says "Monthly", but control AC-01/);
  // the quick fix rewords the frequency cell, nothing else
  assert.deepEqual(d[1].data?.phraseRange, { start: { line: 14, character: 40 }, end: { line: 14, character: 47 } });
  // a retention column is not a frequency: the same row without a frequency column states none
  const noColumn = twoControls(['| Activity | Retention |', '| --- | --- |', '| Review of account access | kept for one year, reviewed monthly |'].join('\n'));
  assert.deepEqual((await findings(noColumn, 'frequency-mismatch')).map((f) => f.severity), ['warning'], 'without a frequency column the row is read whole');
});

test('frequency-mismatch: a bold-only paragraph or a short label is a heading, not a promise', async () => {
  for (const heading of ['**Monthly Account Access Review**', '__Monthly account access review__', 'Monthly account access review:']) {
    assert.deepEqual(await findings(twoControls(heading), 'frequency-mismatch'), [], heading);
  }
});

test('frequency-mismatch: a sentence as much about another linked control as about the best match is left alone', async () => {
  // "vendors … assessed": the verb is the title of one control, the object the title of another.
  const files = twoControls('Critical vendors are assessed every month.', 'quarterly', 'annual');
  files['controls/access.yaml'] = files['controls/access.yaml'].replace('title: Quarterly access review', 'title: Vendor risk monitoring');
  files['controls/removal.yaml'] = files['controls/removal.yaml'].replace('title: Access removal on termination', 'title: Risk assessment').replace('description: IT disables the accounts of a leaver on their last day.', 'description: Leadership rates each risk.');
  assert.deepEqual(await findings(files, 'frequency-mismatch'), []);
  const vendorOnly = edit(files, 'policies/access.md', 'Critical vendors are assessed every month.', 'Critical vendors are monitored every month.');
  assert.deepEqual((await findings(vendorOnly, 'frequency-mismatch')).map((f) => f.severity), ['warning']);
});

test('frequency-mismatch: whole messages and related info, by the way the control was found and the verdict', async () => {
  const withDescription = (description: string) => edit(baseRepo(), 'controls/access.yaml', '    policies: [POL-AC]', `    description: ${description}\n    policies: [POL-AC]`);
  const sentence = 'Each month, system owners review the access of every account.';
  const untitled = edit(twoControls(sentence), 'controls/access.yaml', '    title: Quarterly access review\n', '    description: System owners review the access of every account.\n');
  const cases: [string, Record<string, string>, string, string][] = [
    ['id, less often', edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: semiannual'), 'warning',
      'This sentence says AC-01 happens "quarterly", but control AC-01 has frequency: semiannual. Align the policy with practice, or the control with the policy.'],
    ['id, not comparable', edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: on-event'), 'warning',
      'This sentence says AC-01 happens "quarterly", but control AC-01 has frequency: on-event. Align the policy with practice, or the control with the policy.'],
    ['id, more often', edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: monthly'), 'info',
      'This sentence says AC-01 happens "quarterly", but control AC-01 runs more often (frequency: monthly). If the practice is the rule, say so; if the wording is a minimum, write "at least".'],
    ['terms, less often', twoControls('Each month, IT and the system owners review access of every account.'), 'warning',
      'This sentence says "Each month" (monthly), but control AC-01 (Quarterly access review), the linked control it is about, has frequency: quarterly, less often than promised. Align the policy with practice, or the control with the policy.'],
    ['terms, a control without a title', untitled, 'warning',
      'This sentence says "Each month" (monthly), but control AC-01, the linked control it is about, has frequency: quarterly, less often than promised. Align the policy with practice, or the control with the policy.'],
    ['terms, more often', twoControls('Access of every account is reviewed once a year by its system owner.'), 'info',
      'This sentence says "once a year" (annual), but control AC-01 (Quarterly access review), the linked control it is about, runs more often (frequency: quarterly). If the practice is the rule, say so; if the wording is a minimum, write "at least".'],
    ['description, less often', withDescription('Owners review every account at least monthly.'), 'warning',
      'The description of AC-01 says "monthly", but AC-01 has frequency: quarterly, less often than promised. Align the description with practice, or the control with the description.'],
    ['description, more often', withDescription('Owners review every account once a year.'), 'info',
      'The description of AC-01 says "once a year" (annual), but AC-01 runs more often (frequency: quarterly). If the practice is the rule, say so; if the wording is a minimum, write "at least".'],
  ];
  for (const [name, files, severity, message] of cases) {
    const d = (await diagnose(files)).filter((x) => x.code === 'frequency-mismatch');
    const actual = files['controls/access.yaml'].match(/frequency: (\S+)/)![1];
    assert.deepEqual(d.map((x) => [x.severity, x.message, x.related?.map((r) => [r.file, r.message])]), [[severity, message, [['controls/access.yaml', `AC-01 frequency: ${actual}`]]]], name);
  }
});
