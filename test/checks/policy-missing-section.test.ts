import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

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

test('policy-missing-section goes on the id line when the policy has no title heading', async () => {
  const f = await findings(policy('Access is reviewed quarterly by each system owner (AC-01).'), 'policy-missing-section');
  assert.deepEqual(f.map((x) => x.at), Array(7).fill('policies/access.md:2:5'));
  assert.deepEqual(f.map((x) => /no "([^"]+)"/.exec(x.message)![1]),
    ['Purpose', 'Scope', 'Roles and responsibilities', 'Policy statements', 'Exceptions', 'Enforcement', 'Review and approval']);
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
