import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { riskRepo } from '../risk-helpers';

/** The check's findings with their data, after making sure no check crashed on the input (a crash leaves it silent too). */
async function exact(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'risk-acceptance-expired').map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message, data: d.data }));
}

test('risk-acceptance-expired fires on an accepted risk past its review, instead of stale-review', async () => {
  const files = riskRepo({ treatment: 'accept', last_reviewed: '2025-06-30' });
  const f = await findings(files, 'risk-acceptance-expired');
  assert.deepEqual(f, [{
    at: 'risks/register.yaml:10:20', severity: 'warning',
    message: 'Risk R-01 was accepted, but the acceptance lapsed on 2026-06-30 (15 days ago) when its review fell due; review the risk and record the decision again (last reviewed 2025-06-30).',
  }]);
  assert.deepEqual(await findings(files, 'stale-review'), []);
});

test('risk-acceptance-expired honours the risk review_cycle', async () => {
  const files = riskRepo({ treatment: 'accept', last_reviewed: '2026-03-01' }, '    review_cycle: quarterly');
  assert.deepEqual((await findings(files, 'risk-acceptance-expired')).map((x) => x.at), ['risks/register.yaml:10:20']);
});

test('risk-acceptance-expired is quiet for a current acceptance and for mitigated risks', async () => {
  assert.deepEqual(await findings(riskRepo({ treatment: 'accept' }), 'risk-acceptance-expired'), []);
  const stale = riskRepo({ last_reviewed: '2025-06-30' });
  assert.deepEqual(await findings(stale, 'risk-acceptance-expired'), []);
  // a mitigated risk past its review is an ordinary stale review
  assert.deepEqual((await findings(stale, 'stale-review')).map((x) => x.at), ['risks/register.yaml:10:20']);
});

test('risk-acceptance-expired: due today has not lapsed; due yesterday has, with the due date as data', async () => {
  assert.deepEqual(await exact(riskRepo({ treatment: 'accept', last_reviewed: '2025-07-15' })), []);
  assert.deepEqual(await exact(riskRepo({ treatment: 'accept', last_reviewed: '2025-07-14' })), [{
    at: 'risks/register.yaml:10:20',
    message: 'Risk R-01 was accepted, but the acceptance lapsed on 2026-07-14 (1 day ago) when its review fell due; review the risk and record the decision again (last reviewed 2025-07-14).',
    data: { due: '2026-07-14' },
  }]);
});

test('risk-acceptance-expired is quiet, and does not crash, without a treatment or a readable review date', async () => {
  assert.deepEqual(await exact(riskRepo({ treatment: 'accept', last_reviewed: null })), []);
  assert.deepEqual(await exact(riskRepo({ treatment: 'accept', last_reviewed: 'March' })), []);
  assert.deepEqual(await exact(riskRepo({ treatment: null, last_reviewed: '2025-06-30' })), []);
});

test('risk-acceptance-expired says nothing on a file too large to read', async () => {
  const files = edit(riskRepo({ treatment: 'accept', last_reviewed: '2025-06-30' }, '#' + 'x'.repeat(3000)), 'soc2.yaml', 'scope:', 'limits:\n  max_file_bytes: 2000\nscope:');
  assert.deepEqual((await diagnose(files)).filter((d) => d.file === 'risks/register.yaml').map((d) => d.code), ['file-too-large']);
});
