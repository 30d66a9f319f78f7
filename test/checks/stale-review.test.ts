import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';
import { riskRepo } from '../risk-helpers';
import { lineOf, vendorRepo } from '../vendor-helpers';

/** The check's findings with their data, after making sure no check crashed on the input (a crash leaves it silent too). */
async function stale(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'stale-review').map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message, data: d.data }));
}

test('stale-review fires when last_reviewed + cycle is before today', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: 2025-05-12');
  const f = await findings(files, 'stale-review');
  assert.deepEqual(f.map((x) => x.at), ['policies/access.md:5:16']);
  assert.equal(f[0].message, 'Policy POL-AC was due for review on 2026-05-12 (64 days ago); last reviewed 2025-05-12.');
});

test('stale-review honours review_cycle names, day counts and the repo default', async () => {
  const quarterly = edit(baseRepo(), 'controls/access.yaml', 'last_reviewed: 2026-03-01', 'last_reviewed: 2026-03-01\n    review_cycle: quarterly');
  assert.deepEqual((await findings(quarterly, 'stale-review')).map((x) => x.at), ['controls/access.yaml:9:20']);
  const days = edit(baseRepo(), 'controls/access.yaml', 'last_reviewed: 2026-03-01', 'last_reviewed: 2026-03-01\n    review_cycle: 200');
  assert.deepEqual(await findings(days, 'stale-review'), []);
  const dflt = edit(baseRepo(), 'soc2.yaml', 'scope:', 'review:\n  default_cycle: monthly\nscope:');
  assert.equal((await findings(dflt, 'stale-review')).length, 2);
});

test('stale-review is quiet for current reviews', async () => {
  assert.deepEqual(await findings(baseRepo(), 'stale-review'), []);
});

test('stale-review covers risks', async () => {
  const { riskRepo } = await import('../risk-helpers');
  const f = await findings(riskRepo({ last_reviewed: '2025-05-12' }), 'stale-review');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [['risks/register.yaml:10:20', 'Risk R-01 was due for review on 2026-05-12 (64 days ago); last reviewed 2025-05-12.']]);
  assert.deepEqual(await findings(riskRepo(), 'stale-review'), []);
});

test('stale-review boundaries: due today is not stale; due yesterday is, "1 day ago" (issue 20, bug 10)', async () => {
  // annual default: reviewed 2025-07-15 falls due 2026-07-15, which is TODAY.
  const dueToday = edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: 2025-07-15');
  assert.deepEqual(await findings(dueToday, 'stale-review'), []);
  const dueYesterday = edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: 2025-07-14');
  const f = await findings(dueYesterday, 'stale-review');
  assert.deepEqual(f.map((x) => x.message), ['Policy POL-AC was due for review on 2026-07-14 (1 day ago); last reviewed 2025-07-14.']);
});

test('stale-review: a day-count cycle is measured in days from the last review', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', 'last_reviewed: 2026-03-01', 'last_reviewed: 2026-03-01\n    review_cycle: 135');
  // 2026-03-01 + 135 days = 2026-07-14: one day overdue on 2026-07-15; 136 days is due today.
  assert.deepEqual((await findings(files, 'stale-review')).map((x) => x.message), ['Control AC-01 was due for review on 2026-07-14 (1 day ago); last reviewed 2026-03-01.']);
  assert.deepEqual(await findings(edit(files, 'controls/access.yaml', 'review_cycle: 135', 'review_cycle: 136'), 'stale-review'), []);
});

test('stale-review covers vendors and carries the due date as data', async () => {
  const fields = { last_reviewed: '2025-05-12' };
  assert.deepEqual(await stale(vendorRepo(fields)), [{
    at: `vendors/register.yaml:${lineOf(fields, 'last_reviewed')}:20`,
    message: 'Vendor V-CLOUD was due for review on 2026-05-12 (64 days ago); last reviewed 2025-05-12.',
    data: { due: '2026-05-12' },
  }]);
  assert.deepEqual(await stale(vendorRepo()), []);
});

test('stale-review leaves an accepted risk to risk-acceptance-expired, and a not-applicable control alone', async () => {
  assert.deepEqual(await stale(riskRepo({ treatment: 'accept', last_reviewed: '2025-05-12' })), []);
  assert.deepEqual((await stale(riskRepo({ treatment: 'transfer', last_reviewed: '2025-05-12' }))).map((x) => x.at), ['risks/register.yaml:10:20']);
  const old = edit(baseRepo(), 'controls/access.yaml', 'last_reviewed: 2026-03-01', 'last_reviewed: 2025-05-12');
  assert.deepEqual((await stale(old)).map((x) => x.message), ['Control AC-01 was due for review on 2026-05-12 (64 days ago); last reviewed 2025-05-12.']);
  assert.deepEqual(await stale(edit(old, 'controls/access.yaml', 'status: implemented', 'status: not-applicable')), []);
});

test('stale-review is quiet, and does not crash, on an unreadable review date or none', async () => {
  assert.deepEqual(await stale(edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01', 'last_reviewed: March')), []);
  assert.deepEqual(await stale(edit(baseRepo(), 'controls/access.yaml', '    last_reviewed: 2026-03-01\n', '')), []);
  assert.deepEqual(await stale(riskRepo({ last_reviewed: null, treatment: null })), []);
});

test('stale-review: a control with no status is still reviewed', async () => {
  const files = edit(edit(baseRepo(), 'controls/access.yaml', '    status: implemented\n', ''), 'controls/access.yaml', 'last_reviewed: 2026-03-01', 'last_reviewed: 2025-05-12');
  assert.deepEqual((await stale(files)).map((x) => x.message), ['Control AC-01 was due for review on 2026-05-12 (64 days ago); last reviewed 2025-05-12.']);
});
