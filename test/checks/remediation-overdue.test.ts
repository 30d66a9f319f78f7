import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

const planned = (target: string, status = 'planned', tracking = '    tracking: SEC-142\n') => edit(baseRepo(), 'controls/access.yaml', '    status: implemented\n', `    status: ${status}\n    target_date: ${target}\n${tracking}`);

/** The check's findings, after making sure no check crashed on the input (a crash would also leave it silent). */
async function overdue(files: Record<string, string>) {
  assert.deepEqual((await diagnose(files)).filter((d) => d.code === 'internal-error'), []);
  return findings(files, 'remediation-overdue');
}

test('remediation-overdue fires once the target date of a planned or partial control has passed', async () => {
  assert.deepEqual(await overdue(planned('2026-07-14')), [
    { at: 'controls/access.yaml:7:18', severity: 'warning', message: 'Control AC-01 is still planned; its target date 2026-07-14 passed 1 day ago. Tracked in SEC-142. Make it operate, or set a new date with the reason.' },
  ]);
  assert.deepEqual(await overdue(planned('2026-01-01', 'partial', '')), [
    { at: 'controls/access.yaml:7:18', severity: 'warning', message: 'Control AC-01 is still partial; its target date 2026-01-01 passed 195 days ago. Make it operate, or set a new date with the reason.' },
  ]);
});

test('remediation-overdue is quiet on the target date, before it, and for implemented controls', async () => {
  assert.deepEqual(await overdue(planned('2026-07-15')), []);
  assert.deepEqual(await overdue(planned('2026-09-30')), []);
  assert.deepEqual(await overdue(planned('2026-01-01', 'implemented')), []);
  assert.deepEqual(await overdue(planned('2026-01-01', 'not-applicable')), []);
});

test('remediation-overdue is quiet without a readable target date or without a status', async () => {
  assert.deepEqual(await overdue(edit(baseRepo(), 'controls/access.yaml', '    status: implemented\n', '    status: planned\n')), []);
  assert.deepEqual(await overdue(planned('next spring')), []);
  assert.deepEqual(await overdue(edit(baseRepo(), 'controls/access.yaml', '    status: implemented\n', '    target_date: 2026-01-01\n')), []);
});
