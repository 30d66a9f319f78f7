import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

const planned = (target: string, status = 'planned') => edit(baseRepo(), 'controls/access.yaml', '    status: implemented\n', `    status: ${status}\n    target_date: ${target}\n    tracking: SEC-142\n`);

test('remediation-overdue fires once the target date of a planned or partial control has passed', async () => {
  assert.deepEqual(await findings(planned('2026-07-14'), 'remediation-overdue'), [
    { at: 'controls/access.yaml:7:18', severity: 'warning', message: 'Control AC-01 is still planned; its target date 2026-07-14 passed 1 day ago. Tracked in SEC-142. Make it operate, or set a new date with the reason.' },
  ]);
  assert.equal((await findings(planned('2026-01-01', 'partial'), 'remediation-overdue')).length, 1);
});

test('remediation-overdue is quiet on the target date, before it, and for implemented controls', async () => {
  assert.deepEqual(await findings(planned('2026-07-15'), 'remediation-overdue'), []);
  assert.deepEqual(await findings(planned('2026-09-30'), 'remediation-overdue'), []);
  assert.deepEqual(await findings(planned('2026-01-01', 'implemented'), 'remediation-overdue'), []);
});
