import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';
import { vendorRepo } from '../vendor-helpers';

const noControlDate = () => edit(baseRepo(), 'controls/access.yaml', '    last_reviewed: 2026-03-01\n', '');

test('missing-review-date fires without last_reviewed', async () => {
  assert.deepEqual(await findings(noControlDate(), 'missing-review-date'), [
    { at: 'controls/access.yaml:2:9', severity: 'warning', message: 'Control AC-01 has no `last_reviewed` date, so nobody can tell whether it is current.' },
  ]);
});

test('missing-review-date is quiet with a date', async () => {
  assert.deepEqual(await findings(baseRepo(), 'missing-review-date'), []);
});

test('missing-review-date: a not-applicable control is skipped; a planned one or one with no status is not', async () => {
  const at = async (files: Record<string, string>) => (await findings(files, 'missing-review-date')).map((x) => x.at);
  assert.deepEqual(await at(edit(noControlDate(), 'controls/access.yaml', 'status: implemented', 'status: not-applicable')), []);
  assert.deepEqual(await at(edit(noControlDate(), 'controls/access.yaml', 'status: implemented', 'status: planned')), ['controls/access.yaml:2:9']);
  assert.deepEqual(await at(edit(noControlDate(), 'controls/access.yaml', '    status: implemented\n', '')), ['controls/access.yaml:2:9']);
});

test('missing-review-date covers policies', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'last_reviewed: 2026-03-01\n', '');
  assert.deepEqual(await findings(files, 'missing-review-date'), [
    { at: 'policies/access.md:2:5', severity: 'warning', message: 'Policy POL-AC has no `last_reviewed` date, so nobody can tell whether it is current.' },
  ]);
});

test('missing-review-date covers risks', async () => {
  const { riskRepo } = await import('../risk-helpers');
  assert.deepEqual((await findings(riskRepo({ last_reviewed: null }), 'missing-review-date')).map((x) => [x.at, x.message]), [
    ['risks/register.yaml:2:9', 'Risk R-01 has no `last_reviewed` date, so nobody can tell whether the assessment is current.'],
  ]);
  assert.deepEqual(await findings(riskRepo(), 'missing-review-date'), []);
});

test('missing-review-date covers vendors', async () => {
  assert.deepEqual(await findings(vendorRepo({ last_reviewed: null }), 'missing-review-date'), [
    { at: 'vendors/register.yaml:2:9', severity: 'warning', message: 'Vendor V-CLOUD has no `last_reviewed` date, so nobody can tell when its assurance was last looked at.' },
  ]);
  assert.deepEqual(await findings(vendorRepo(), 'missing-review-date'), []);
});
