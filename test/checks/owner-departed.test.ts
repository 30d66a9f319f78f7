import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';
import { peopleRepo } from '../people-helpers';
import { riskRepo } from '../risk-helpers';
import { ownersIn } from '../../server/src/checks/owners';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { CHECKS } from '../../server/src/checks';

/** owner-departed findings in full, and any internal error (a check that throws) beside them. */
async function full(files: Record<string, string>, today?: string) {
  return (await diagnose(files, today)).filter((d) => d.code === 'owner-departed' || d.code === 'internal-error').map((d) => ({
    at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, code: d.code, message: d.message,
    related: d.related?.map((r) => `${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`), data: d.data,
  }));
}

test('owner-departed fires when the owner left before today, naming the day and offering colleagues', async () => {
  const files = edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', 'dan@example.com');
  assert.deepEqual(await findings(files, 'owner-departed'), [
    { at: 'controls/access.yaml:4:12', severity: 'warning', message: 'The owner of control AC-01, Dan Okafor <dan@example.com>, left on 2026-03-31: name a current owner.' },
  ]);
  // Nobody else is an IT Manager; bob and carol share dan's team.
  assert.deepEqual(await full(files), [{
    at: 'controls/access.yaml:4:12', code: 'owner-departed',
    message: 'The owner of control AC-01, Dan Okafor <dan@example.com>, left on 2026-03-31: name a current owner.',
    related: ['people.yaml:26:10 Dan Okafor\'s last day'],
    data: { candidates: ['bob@example.com', 'carol@example.com'] },
  }]);
});

test('owner-departed is quiet on the last day itself, and for current owners', async () => {
  const files = edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', 'dan@example.com');
  assert.deepEqual(await findings(files, 'owner-departed', '2026-03-31'), []);
  assert.equal((await findings(files, 'owner-departed', '2026-04-01')).length, 1);
  assert.deepEqual(await full(peopleRepo()), []);
});

test('owner-departed is quiet without a roster, and for an owner the roster does not know (unknown-owner says that)', async () => {
  assert.deepEqual(await full(edit(baseRepo(), 'controls/access.yaml', 'bob@example.com', 'dan@example.com')), []);
  assert.deepEqual(await full(edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', 'zed@example.com')), []);
  // A control with no owner at all is missing-owner's.
  assert.deepEqual(await full(edit(peopleRepo(), 'controls/access.yaml', '    owner: bob@example.com\n', '')), []);
});

test('owner-departed covers risk owners, policy owners and policy approvers, each with its role', async () => {
  const risk = { ...riskRepo({ owner: 'dan@example.com' }), 'people.yaml': peopleRepo()['people.yaml'] };
  assert.deepEqual((await full(risk)).map((f) => [f.at, f.message]), [
    ['risks/register.yaml:4:12', 'The owner of risk R-01, Dan Okafor <dan@example.com>, left on 2026-03-31: name a current owner.'],
  ]);
  const policy = edit(peopleRepo(), 'policies/access.md', 'owner: alice@example.com\n', 'owner: dan@example.com\napprover: Dan Okafor\n');
  assert.deepEqual((await full(policy)).map((f) => [f.at, f.message]), [
    ['policies/access.md:4:8', 'The owner of policy POL-AC, Dan Okafor <dan@example.com>, left on 2026-03-31: name a current owner.'],
    ['policies/access.md:5:11', 'The approver of policy POL-AC, Dan Okafor <dan@example.com>, left on 2026-03-31: name a current approver.'],
  ]);
  // A blank approver names nobody: nothing to look up, nothing thrown.
  const blank = edit(peopleRepo(), 'policies/access.md', 'owner: alice@example.com\n', 'owner: alice@example.com\napprover: "  "\n');
  assert.deepEqual(await full(blank), []);
});

/** A roster around one departed person (eve: role Auditor, team Risk) to test who is offered in her place. */
function roster(eve: string[], others: string[][]): Record<string, string> {
  const files = edit(baseRepo(), 'controls/access.yaml', 'bob@example.com', 'eve');
  return { ...files, 'people.yaml': ['people:', '  - id: eve', ...eve.map((l) => `    ${l}`), ...others.flatMap(([id, ...lines]) => [`  - id: ${id}`, ...lines.map((l) => `    ${l}`)]), ''].join('\n') };
}

test('owner-departed offers active colleagues of the same role first, then of the same team, at most three, each once', async () => {
  const files = roster(['role: Auditor', 'team: Risk', 'end: 2026-05-01'], [
    ['team1', 'email: team1@example.com', 'role: Analyst', 'team: Risk'],
    ['both', 'email: both@example.com', 'role: Auditor', 'team: Risk'],
    ['gone', 'email: gone@example.com', 'role: Auditor', 'team: Risk', 'end: 2026-06-01'],
    ['later', 'email: later@example.com', 'role: Auditor', 'start: 2026-09-01'],
    ['stranger', 'email: stranger@example.com', 'role: Analyst', 'team: Sales'],
    ['role2', 'role: Auditor', 'team: Finance'],
    ['team2', 'email: team2@example.com', 'role: Analyst', 'team: Risk'],
  ]);
  assert.deepEqual(await full(files), [{
    at: 'controls/access.yaml:4:12', code: 'owner-departed',
    message: 'The owner of control AC-01, eve, left on 2026-05-01: name a current owner.',
    related: ['people.yaml:5:10 eve\'s last day'],
    // role2 has no email: offered by id.
    data: { candidates: ['both@example.com', 'role2', 'team1@example.com'] },
  }]);
});

test('owner-departed: without a role or a team, nobody is offered on that ground', async () => {
  const noRole = roster(['team: Risk', 'end: 2026-05-01'], [['a', 'email: a@example.com', 'team: Risk'], ['b', 'email: b@example.com', 'team: Sales']]);
  assert.deepEqual((await full(noRole)).map((f) => f.data), [{ candidates: ['a@example.com'] }]);
  const noTeam = roster(['role: Auditor', 'end: 2026-05-01'], [['a', 'email: a@example.com', 'role: Auditor'], ['b', 'email: b@example.com', 'role: Analyst']]);
  assert.deepEqual((await full(noTeam)).map((f) => f.data), [{ candidates: ['a@example.com'] }]);
  const neither = roster(['end: 2026-05-01'], [['a', 'email: a@example.com'], ['b', 'email: b@example.com', 'role: Analyst', 'team: Risk']]);
  assert.deepEqual((await full(neither)).map((f) => f.data), [{ candidates: [] }]);
});

test('owner-departed: a risk with no owner is left to missing-owner', async () => {
  assert.deepEqual(await full({ ...riskRepo({ owner: null }), 'people.yaml': peopleRepo()['people.yaml'] }), []);
});

test('ownersIn lists every owner and approver with its role and label, and skips a blank approver', async () => {
  const files = edit({ ...riskRepo(), 'people.yaml': peopleRepo()['people.yaml'] }, 'policies/access.md', 'owner: alice@example.com\n', 'owner: alice@example.com\napprover: Sam Ng\n');
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: '2026-07-15' });
  const of = (path: string) => ownersIn(project.file(path)!).map((o) => `${o.role} of ${o.label}: ${o.value.value} @${o.value.range.start.line + 1}:${o.value.range.start.character + 1}`);
  assert.deepEqual(of('controls/access.yaml'), ['owner of control AC-01: bob@example.com @4:12']);
  assert.deepEqual(of('risks/register.yaml'), ['owner of risk R-01: carol@example.com @4:12']);
  assert.deepEqual(of('policies/access.md'), ['owner of policy POL-AC: alice@example.com @4:8', 'approver of policy POL-AC: Sam Ng @5:11']);
  const blank = await loadProject(new MemoryWorkspace(edit(files, 'policies/access.md', 'approver: Sam Ng', 'approver: "  "')), { checks: CHECKS, today: '2026-07-15' });
  assert.deepEqual(ownersIn(blank.project.file('policies/access.md')!).map((o) => o.role), ['owner']);
});
