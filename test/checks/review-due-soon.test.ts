import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';
import { lineOf, vendorRepo } from '../vendor-helpers';

/** The check's findings with their data, after making sure no check crashed on the input (a crash leaves it silent too). */
async function soon(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'review-due-soon').map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message, data: d.data }));
}

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

test('review-due-soon covers controls and vendors, with the due date as data', async () => {
  const control = edit(baseRepo(), 'controls/access.yaml', 'last_reviewed: 2026-03-01', 'last_reviewed: 2025-08-01');
  assert.deepEqual(await soon(control), [{ at: 'controls/access.yaml:9:20', message: 'Control AC-01 is due for review on 2026-08-01 (in 17 days).', data: { due: '2026-08-01' } }]);
  assert.deepEqual(await soon(edit(control, 'controls/access.yaml', 'status: implemented', 'status: not-applicable')), []);
  const fields = { last_reviewed: '2025-08-01' };
  assert.deepEqual(await soon(vendorRepo(fields)), [{
    at: `vendors/register.yaml:${lineOf(fields, 'last_reviewed')}:20`, message: 'Vendor V-CLOUD is due for review on 2026-08-01 (in 17 days).', data: { due: '2026-08-01' },
  }]);
});

test('review-due-soon honours review.due_soon_days and a review_cycle, and is quiet on an unreadable date', async () => {
  const files = edit(edit(baseRepo(), 'soc2.yaml', 'scope:', 'review:\n  due_soon_days: 5\nscope:'), 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: 2025-07-20');
  assert.deepEqual((await soon(files)).map((x) => x.message), ['Policy POL-AC is due for review on 2026-07-20 (in 5 days).']);
  assert.deepEqual(await soon(edit(files, 'policies/access.md', 'last_reviewed: 2025-07-20', 'last_reviewed: 2025-07-21')), []);
  const cycle = edit(baseRepo(), 'controls/access.yaml', 'last_reviewed: 2026-03-01', 'last_reviewed: 2026-05-01\n    review_cycle: quarterly');
  assert.deepEqual((await soon(cycle)).map((x) => x.message), ['Control AC-01 is due for review on 2026-08-01 (in 17 days).']);
  assert.deepEqual(await soon(edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: March')), []);
});
