import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings, TODAY } from '../helpers';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { CHECKS } from '../../server/src/checks';
import { headingKeys } from '../../server/src/checks/policy-missing-section';

const FRONT = ['---', 'id: POL-AC', 'title: Access Control Policy', 'owner: alice@example.com', 'last_reviewed: 2026-03-01',
  'criteria: [CC6.1]', 'controls: [AC-01]', '---', ''].join('\n');
/** baseRepo with the policy body replaced by these lines. */
const policy = (...body: string[]) => ({ ...baseRepo(), 'policies/access.md': FRONT + body.join('\n') + '\n' });
const sections = async (files: Record<string, string>) => (await findings(files, 'policy-missing-section')).map((f) => `${f.at} ${f.message}`);

test('policy-missing-section reports each missing section once, on the title heading', async () => {
  let files = edit(baseRepo(), 'policies/access.md', '## Exceptions', '## Notes');
  files = edit(files, 'policies/access.md', '## Enforcement\n', '');
  assert.deepEqual(await sections(files), [
    'policies/access.md:10:1 Policy POL-AC has no "Exceptions" section: it says how departures from the policy are requested, approved and recorded. Add a "## Exceptions" heading (snippet `soc2-exceptions`).',
    'policies/access.md:10:1 Policy POL-AC has no "Enforcement" section: it says what happens when the policy is not followed. Add a "## Enforcement" heading (snippet `soc2-enforcement`).',
  ]);
  assert.equal((await findings(files, 'policy-missing-section'))[0].severity, 'info');
});

test('policy-missing-section goes on the title line of the front matter when no heading carries the title', async () => {
  const f = await findings(policy('Access is reviewed quarterly by each system owner (AC-01).'), 'policy-missing-section');
  assert.deepEqual(f.map((x) => x.at), Array(6).fill('policies/access.md:3:8'));
  // `last_reviewed` in the front matter records the review, so "Review and approval" is not asked for.
  assert.deepEqual(f.map((x) => /no "([^"]+)"/.exec(x.message)![1]),
    ['Purpose', 'Scope', 'Roles and responsibilities', 'Policy statements', 'Exceptions', 'Enforcement']);
  const bare = edit(policy('Access is reviewed quarterly.'), 'policies/access.md', 'last_reviewed: 2026-03-01\n', '');
  const noTitle = edit(bare, 'policies/access.md', 'title: Access Control Policy\n', '');
  assert.deepEqual((await findings(noTitle, 'policy-missing-section')).map((x) => x.at), Array(7).fill('policies/access.md:2:5'));
});

test('policy-missing-section accepts numbering, punctuation, case, synonyms and combined headings', async () => {
  const files = policy(
    '# Access Control Policy', '',
    '## 1. Purpose and Scope', '', 'Text.', '',
    '## 2) Roles & Responsibilities:', '', 'Text.', '',
    '## 3 Policy', '', 'Access is reviewed quarterly by each system owner (AC-01).', '',
    '## IV. Policy Exceptions', '', 'Text.', '',
    '## A. Compliance', '', 'Text.', '',
    '### Revision history', '', 'Text.',
  );
  assert.deepEqual(await sections(files), []);
});

test('policy_sections in soc2.yaml replaces the list; built-in names keep their synonyms', async () => {
  const files = edit(baseRepo(), 'policies/access.md', '## Purpose', '## Objectives');
  const custom = { ...files, 'soc2.yaml': files['soc2.yaml'] + 'policy_sections: [purpose, Definitions]\n' };
  assert.deepEqual(await sections(custom), [
    'policies/access.md:10:1 Policy POL-AC has no "Definitions" section. Add a "## Definitions" heading.',
  ]);
  assert.deepEqual(await sections({ ...custom, 'soc2.yaml': custom['soc2.yaml'] + 'checks:\n  policy-missing-section: off\n' }), []);
});

test('policy-missing-section is quiet when every expected section is there', async () => {
  assert.deepEqual(await sections(baseRepo()), []);
});

const named = async (files: Record<string, string>) => (await findings(files, 'policy-missing-section')).map((f) => /no "([^"]+)"/.exec(f.message)![1]);
const NO_REVIEW = (files: Record<string, string>) => edit(files, 'policies/access.md', 'last_reviewed: 2026-03-01\n', '');

test('policy-missing-section splits headings at commas, slashes, "and" and "&", but a part means a section only on its own', async () => {
  const files = NO_REVIEW(policy('# Access Control Policy', '',
    '## Scope, Purpose', '', 'Text.', '',
    '## Roles, Responsibilities and Training', '', 'Text.', '',
    '## Privilege Elevation & Approval', '', 'Elevation is approved by a second engineer.', '',
    '## Audit & Review', '', 'Audit logs are checked weekly.', '',
    '## Review and Reporting of Audit Findings', '', 'Findings go to the CEO.', '',
    '## Exceptions', '', 'Text.', '', '## Enforcement', '', 'Text.'));
  assert.deepEqual(await named(files), ['Review and approval']);
  const slash = NO_REVIEW(policy('# Access Control Policy', '', '## Purpose', '', 'T.', '', '## Scope', '', 'T.', '', '## Roles/Responsibilities', '', 'T.', '',
    '## Rules', '', 'T.', '', '## Exceptions', '', 'T.', '', '## Enforcement', '', 'T.', '', '## Review & Approval', '', 'T.'));
  assert.deepEqual(await named(slash), []);
});

test('policy-missing-section: labels, an opening purpose paragraph, topic headings and review metadata stand for sections', async () => {
  const labels = NO_REVIEW(policy('# Access Control Policy', '',
    'This policy protects company data on phones.', '',
    'a. *Scope*. Any phone that reaches company email.', '',
    'b. **Responsibilities:** IT enrols phones.', '',
    '## Password Requirements', '', '- Passwords are 14 characters long.', '',
    '- _Exceptions_ go to the CISO.', '', '- __Enforcement__. Phones that fail lose access.'));
  assert.deepEqual(await named(labels), ['Review and approval']);
  for (const field of ['approver: sam@example.com', 'review_cycle: annual', 'last_reviewed: 2026-03-01', 'approved_on: 2026-03-01']) {
    const withField = edit(labels, 'policies/access.md', 'owner: alice@example.com\n', `owner: alice@example.com\n${field}\n`);
    assert.deepEqual(await named(withField), [], field);
  }
  // A definitions section or an empty topic heading is not a policy statement.
  const definitions = NO_REVIEW(policy('# Access Control Policy', '', '## Purpose', '', 'T.', '', '## Scope', '', 'T.', '', '## Roles', '', 'T.', '',
    '## Definitions', '', 'An account is a login.', '', '## Exceptions', '', 'T.', '', '## Enforcement', '', 'T.', '', '## Password Requirements'));
  assert.deepEqual(await named(definitions), ['Policy statements', 'Review and approval']);
});

test('shared_sections in soc2.yaml: one existing policy states a section for all the others', async () => {
  const files = edit(baseRepo(), 'policies/access.md', '## Exceptions', '## Notes');
  assert.deepEqual(await named(files), ['Exceptions']);
  const gov = ['---', 'id: POL-GOV', 'title: Policy Management', 'owner: alice@example.com', 'last_reviewed: 2026-03-01', '---', '# Policy Management', '',
    '## Purpose', '', 'T.', '', '## Scope', '', 'T.', '', '## Roles', '', 'T.', '', '## Rules', '', 'Policies are reviewed yearly.', '', '## Enforcement', '', 'T.'].join('\n');
  const shared = { ...files, 'soc2.yaml': files['soc2.yaml'] + 'shared_sections:\n  Exceptions: POL-GOV\n', 'policies/gov.md': gov };
  const all = (await findings(shared, 'policy-missing-section')).map((f) => `${f.at} ${/no "([^"]+)"/.exec(f.message)![1]}`);
  assert.deepEqual(all, ['policies/gov.md:7:1 Exceptions'], 'the named policy must have it; the others need not');
  const missingOwner = { ...files, 'soc2.yaml': files['soc2.yaml'] + 'shared_sections:\n  Exceptions: POL-NOPE\n' };
  assert.deepEqual(await named(missingOwner), ['Exceptions'], 'a policy that does not exist covers nothing');
});

test('policy-missing-section sits on the heading that carries the title, not on the first level-1 heading', async () => {
  const files = edit(baseRepo(), 'policies/access.md', '# Access Control Policy', '# Contents\n\n- Purpose\n\n# Access Control Policy');
  const f = await findings(edit(files, 'policies/access.md', '## Exceptions', '## Notes'), 'policy-missing-section');
  assert.deepEqual(f.map((x) => x.at), ['policies/access.md:14:1']);
});

test('headingKeys: the whole heading, without a leading "the"/"policy", and each part that names a section on its own', () => {
  const cases: [string, string[]][] = [
    ['Purpose', ['purpose', 'purpose']],
    ['The Policy Scope', ['the policy scope', 'policy scope']],
    ['1. Purpose and Scope', ['purpose and scope', 'purpose and scope', 'purpose', 'purpose', 'scope', 'scope']],
    ['Audit & Review', ['audit and review', 'audit and review', 'audit', 'audit']],
    ['Policy Exceptions, Waivers', ['policy exceptions waivers', 'exceptions waivers', 'policy exceptions', 'exceptions', 'waivers', 'waivers']],
    ['The Rules / Roles', ['the rules roles', 'rules roles', 'roles', 'roles']],
    ['Roles AND Training', ['roles and training', 'roles and training', 'roles', 'roles', 'training', 'training']],
    ['Section 2.1: Roles, Training', ['roles training', 'roles training', 'roles', 'roles', 'training', 'training']],
    ['iv) Roles & Training', ['roles and training', 'roles and training', 'roles', 'roles', 'training', 'training']],
    ['Roles, ', ['roles', 'roles']],
    // Only a leading "the"/"policy" goes.
    ['Scope of the policy', ['scope of the policy', 'scope of the policy']],
    // Numbering is taken off the start only, whatever its form, before the parts are split: a second
    // numbering ("1. a)") is then taken off the first part.
    ['Roles: Training and Scope', ['roles training and scope', 'roles training and scope', 'roles training', 'roles training', 'scope', 'scope']],
    ['Policy: Roles, Training', ['policy roles training', 'roles training', 'policy roles', 'roles', 'training', 'training']],
    ...['1. a)', 'Section 1. a)', 'Section  1. a)', '12. a)', '1.12. a)', 'iv. a)'].map((n): [string, string[]] =>
      [`${n} Roles, Training`, ['a roles training', 'a roles training', 'roles', 'roles', 'training', 'training']]),
    ['A. b) Roles, Training', ['b roles training', 'b roles training', 'roles', 'roles', 'training', 'training']],
  ];
  for (const [title, keys] of cases) assert.deepEqual(headingKeys(title), keys, title);
});

test('policy-missing-section without a `title:` sits on the first level-1 heading, never on a level-2 one', async () => {
  const noTitle = (files: Record<string, string>) => edit(files, 'policies/access.md', 'title: Access Control Policy\n', '');
  const gap = (...body: string[]) => noTitle(policy(...body));
  assert.deepEqual((await findings(gap('## Notes', '', 'T.', '', '# Access', '', 'T.'), 'policy-missing-section')).map((x) => x.at)[0], 'policies/access.md:12:1');
  assert.deepEqual((await findings(gap('## Notes', '', 'T.'), 'policy-missing-section')).map((x) => x.at)[0], 'policies/access.md:2:5');
});

test('policy-missing-section: an opening purpose sentence counts only before the first section and outside headings', async () => {
  const rest = ['## Scope', '', 'T.', '', '## Roles', '', 'T.', '', '## Rules', '', 'T.', '', '## Exceptions', '', 'T.', '', '## Enforcement', '', 'T.'];
  // No heading at all: every sentence opens the policy.
  assert.deepEqual(await named(policy('This policy keeps laptops safe.')), ['Scope', 'Roles and responsibilities', 'Policy statements', 'Exceptions', 'Enforcement']);
  assert.deepEqual(await named(policy('# Access Control Policy', '', 'This policy keeps laptops safe.', '', ...rest)), []);
  // The same sentence after the first section is not an opening; nor is a title that says "this policy".
  assert.deepEqual(await named(policy('# Access Control Policy', '', ...rest, '', 'This policy keeps laptops safe.')), ['Purpose']);
  assert.deepEqual(await named(policy('# This Policy', '', 'Laptops are encrypted.', '', ...rest)), ['Purpose']);
});

test('policy-missing-section: a heading with one unknown part is a topic (policy statements); "the" before a known part does not make it unknown', async () => {
  const known = ['## Scope', '', 'T.', '', '## Roles', '', 'T.', '', '## Exceptions', '', 'T.', '', '## Enforcement', '', 'T.'];
  assert.deepEqual(await named(policy('# Access Control Policy', '', '## Purpose and Password Rules', '', 'Passwords are long.', '', ...known)), []);
  assert.deepEqual(await named(policy('# Access Control Policy', '', '## Purpose and the Scope', '', 'Passwords are long.', '', ...known)), ['Policy statements']);
  assert.deepEqual(await named(policy('# Access Control Policy', '', '## Purpose', '', 'Passwords are long.', '', ...known)), ['Policy statements']);
});

test('policy-missing-section: shared_sections and policy_sections match names as headings do', async () => {
  const files = edit(baseRepo(), 'policies/access.md', '## Exceptions', '## Notes');
  const gov = ['---', 'id: POL-GOV', 'title: Policy Management', 'owner: alice@example.com', 'last_reviewed: 2026-03-01', '---', '# Policy Management', '',
    '## Purpose', '', 'T.', '', '## Scope', '', 'T.', '', '## Roles', '', 'T.', '', '## Rules', '', 'T.', '', '## Exceptions', '', 'T.', '', '## Enforcement', '', 'T.'].join('\n');
  const shared = { ...files, 'soc2.yaml': files['soc2.yaml'] + 'shared_sections:\n  "exceptions:": POL-GOV\n', 'policies/gov.md': gov };
  assert.deepEqual(await named(shared), []);
  // A custom list naming "Review & Approval": the front matter's review still stands for it.
  const custom = { ...baseRepo(), 'soc2.yaml': baseRepo()['soc2.yaml'] + 'policy_sections: ["Review & Approval", Glossary]\n' };
  const noHeading = edit(custom, 'policies/access.md', '## Review and approval', '## Sign-off');
  assert.deepEqual(await named(noHeading), ['Glossary']);
  assert.deepEqual(await named(NO_REVIEW(noHeading)), ['Review & Approval', 'Glossary']);
});

test('policy-missing-section: an emphasised label counts at the start of a paragraph, alone or followed by text, not inside a sentence', async () => {
  const rest = ['## Purpose', '', 'T.', '', '## Roles', '', 'T.', '', '## Rules', '', 'T.', '', '## Exceptions', '', 'T.', '', '## Enforcement', '', 'T.'];
  assert.deepEqual(await named(policy('# Access Control Policy', '', ...rest, '', '**Scope**', '', 'Every laptop.')), []);
  assert.deepEqual(await named(policy('# Access Control Policy', '', ...rest, '', '_Scope:_ every laptop.')), []);
  assert.deepEqual(await named(policy('# Access Control Policy', '', ...rest, '', 'Laptops are in *Scope* here.')), ['Scope']);
  assert.deepEqual(await named(policy('# Access Control Policy', '', ...rest, '', '*Scope*of laptops.')), ['Scope']);
});

test('policy-missing-section passes over a policy file with no front matter (schema reports it)', async () => {
  const files = { ...baseRepo(), 'policies/notes.md': '# Notes\n\nNo front matter here.\n' };
  assert.deepEqual((await diagnose(files)).filter((d) => d.code === 'policy-missing-section' || d.code === 'internal-error'), []);
});

test('policy-missing-section: a topic heading is one with a part no section name covers', async () => {
  const rest = ['## Purpose', '', 'T.', '', '## Roles', '', 'T.', '', '## Exceptions', '', 'T.', '', '## Enforcement', '', 'T.'];
  // "rules" alone does not name the statements section, but it is not a known name either: a topic.
  assert.deepEqual(await named(policy('# Access Control Policy', '', '## Scope and Rules', '', 'Laptops are encrypted.', '', ...rest)), []);
  // "The Definitions" is the definitions section: no topic.
  assert.deepEqual(await named(policy('# Access Control Policy', '', '## Scope', '', 'T.', '', '## The Definitions', '', 'A laptop is a computer.', '', ...rest)), ['Policy statements']);
});

test('policy-missing-section: a setext heading is read as a heading, not as a label', async () => {
  const rest = ['## Purpose', '', 'T.', '', '## Roles', '', 'T.', '', '## Rules', '', 'T.', '', '## Exceptions', '', 'T.', '', '## Enforcement', '', 'T.'];
  assert.deepEqual(await named(policy('# Access Control Policy', '', ...rest, '', '_Scope_ of work', '---------------', '', 'Every laptop.')), ['Scope']);
  assert.deepEqual(await named(policy('# Access Control Policy', '', ...rest, '', '   _Scope_', '   ---', '', 'Every laptop.')), []);
});

test('policy-missing-section: shared_sections covers only the sections it names; the finding carries the section name', async () => {
  let files = edit(baseRepo(), 'policies/access.md', '## Exceptions', '## Notes');
  files = edit(files, 'policies/access.md', '## Enforcement\n', '');
  const gov = ['---', 'id: POL-GOV', 'title: Policy Management', 'owner: alice@example.com', 'last_reviewed: 2026-03-01', '---', '# Policy Management', '',
    '## Purpose', '', 'T.', '', '## Scope', '', 'T.', '', '## Roles', '', 'T.', '', '## Rules', '', 'T.', '', '## Exceptions', '', 'T.', '', '## Enforcement', '', 'T.'].join('\n');
  const shared = { ...files, 'soc2.yaml': files['soc2.yaml'] + 'shared_sections:\n  Purpose: POL-GOV\n  Enforcement: POL-GOV\n', 'policies/gov.md': gov };
  const { project } = await loadProject(new MemoryWorkspace(shared), { checks: CHECKS, today: TODAY });
  assert.deepEqual(project.allDiagnostics().filter((d) => d.code === 'policy-missing-section' || d.code === 'internal-error').map((d) => [d.file, d.data]),
    [['policies/access.md', { section: 'Exceptions' }]]);
});
