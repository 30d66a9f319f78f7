import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings } from '../helpers';
import { riskRepo } from '../risk-helpers';

test('risk-unknown-control fires on each listed control that does not exist', async () => {
  const f = await findings(riskRepo({ controls: '[AC-01, AC-99]' }), 'risk-unknown-control');
  assert.deepEqual(f, [{ at: 'risks/register.yaml:8:23', severity: 'error', message: 'Risk R-01 lists control AC-99, which does not exist.' }]);
});

test('risk-unknown-control is quiet when every control exists', async () => {
  assert.deepEqual(await findings(riskRepo(), 'risk-unknown-control'), []);
  assert.deepEqual(await findings(riskRepo({ controls: null }), 'risk-unknown-control'), []);
});
