import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

const PURPOSE = 'Only the people a job requires can use our systems.';
const withText = (text: string) => edit(baseRepo(), 'policies/access.md', PURPOSE, text);

test('policy-placeholder reports unfilled template text, each on its own range', async () => {
  const f = await findings(withText('[Company Name] lets {{company}} staff and <<Owner>> in; [person responsible for access] decides. TBD. TODO: review. Lorem ipsum dolor.'), 'policy-placeholder');
  assert.deepEqual(f.map((x) => `${x.at} ${/^"([^"]+)"/.exec(x.message)?.[1]}`), [
    'policies/access.md:16:1 [Company Name]', 'policies/access.md:16:21 {{company}}', 'policies/access.md:16:43 <<Owner>>',
    'policies/access.md:16:57 [person responsible for access]', 'policies/access.md:16:98 TBD', 'policies/access.md:16:103 TODO',
    'policies/access.md:16:117 Lorem ipsum']);
  assert.ok(f.every((x) => x.severity === 'warning'));
});

test('policy-placeholder leaves links, checkboxes and ordinary words alone', async () => {
  const text = 'See [the Company Name guide](https://x.example) and [Owner Handbook][ref]. - [ ] done - [x] checked. We have a todo list.';
  assert.deepEqual(await findings(withText(text), 'policy-placeholder'), []);
  assert.deepEqual(await findings(baseRepo(), 'policy-placeholder'), []);
});

test('policy-placeholder: a stub policy says which criteria it claims', async () => {
  const stub = ['---', 'id: POL-BC', 'title: Continuity Policy', 'owner: alice@example.com', 'criteria: [CC9.1, A1.2]', '---', '# Continuity Policy', '', 'Coming soon.', ''].join('\n');
  const f = await findings({ ...baseRepo(), 'policies/bc.md': stub }, 'policy-placeholder');
  assert.deepEqual(f.map((x) => x.at), ['policies/bc.md:7:1']);
  assert.equal(f[0].message, 'Policy POL-BC is a stub (2 words of text) yet maps CC9.1, A1.2: those criteria count toward readiness with nothing behind them. Write the policy, or remove its criteria until it exists.');
});
