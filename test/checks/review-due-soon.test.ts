import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('review-due-soon fires within due_soon_days', async () => {
  const f = await findings(edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: 2025-08-01'), 'review-due-soon');
  assert.deepEqual(f.map((x) => [x.at, x.severity]), [['policies/access.md:5:16', 'info']]);
  assert.match(f[0].message, /due for review on 2026-08-01 \(in 17 days\)/);
});

test('review-due-soon is quiet outside the window and after the due date', async () => {
  assert.deepEqual(await findings(edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: 2025-08-20'), 'review-due-soon'), []);
  assert.deepEqual(await findings(edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: 2025-07-01'), 'review-due-soon'), []);
});

test('review-due-soon covers risks, accepted ones included', async () => {
  const { riskRepo } = await import('../risk-helpers');
  const f = await findings(riskRepo({ treatment: 'accept', last_reviewed: '2025-08-01' }), 'review-due-soon');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [['risks/register.yaml:10:20', 'Risk R-01 is due for review on 2026-08-01 (in 17 days).']]);
  assert.deepEqual(await findings(riskRepo(), 'review-due-soon'), []);
});

test('review-due-soon boundaries: due today, in 1 day, and exactly due_soon_days away (issue 20, bug 10)', async () => {
  const at = (last: string) => edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01', `last_reviewed: ${last}`);
  assert.deepEqual((await findings(at('2025-07-15'), 'review-due-soon')).map((x) => x.message), ['Policy POL-AC is due for review on 2026-07-15 (today).']);
  assert.deepEqual((await findings(at('2025-07-16'), 'review-due-soon')).map((x) => x.message), ['Policy POL-AC is due for review on 2026-07-16 (in 1 day).']);
  // due_soon_days is 30: 2026-08-14 is 30 days away and reported; 2026-08-15 (31) is not; yesterday is stale, not soon.
  assert.deepEqual((await findings(at('2025-08-14'), 'review-due-soon')).map((x) => x.message), ['Policy POL-AC is due for review on 2026-08-14 (in 30 days).']);
  assert.deepEqual(await findings(at('2025-08-15'), 'review-due-soon'), []);
  assert.deepEqual(await findings(at('2025-07-14'), 'review-due-soon'), []);
});
