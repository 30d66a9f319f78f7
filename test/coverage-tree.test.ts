import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCoverageTree, type CoverageNode } from '../client/src/coverage-tree';
import { benignRoot, hostileRoot, resultOf } from './helpers/summary-fixture';

/** label/icon/status/children in one line per node, for exact comparisons. */
function outline(nodes: CoverageNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.kind} ${n.label}${n.icon ? ` [${n.icon}]` : ''}${n.description ? ` — ${n.description}` : ''}`,
    ...outline(n.children, depth + 1),
  ]);
}

test('no summary or no roots: an empty tree (the view shows its welcome text)', () => {
  assert.deepEqual(buildCoverageTree(undefined), []);
  assert.deepEqual(buildCoverageTree(resultOf()), []);
});

test('one root: in-scope categories → criteria with status icons → controls then policies', () => {
  assert.deepEqual(outline(buildCoverageTree(resultOf(benignRoot()))), [
    'category Security [verified] — 2/3 covered · 1 partial · 1 excluded',
    '  criterion CC1.1 [pass] — covered · Summary of CC1.1',
    '    control GOV-01 [checklist] — control · controls/governance.yaml:2',
    '    policy POL-IS [book] — policy · policies/information-security.md:2',
    '  criterion CC6.1 [pass] — covered · Summary of CC6.1',
    '    control AC-01 [checklist] — control · controls/access.yaml:3',
    '    control AC-02 [checklist] — control · controls/access.yaml:14',
    '    policy POL-AC [book] — policy · policies/access-control.md:2',
    '    policy POL-IS [book] — policy · policies/information-security.md:2',
    '  criterion CC6.4 [circle-slash] — excluded · Carved out to the cloud provider.',
    '  criterion CC7.2 [warning] — partial · Summary of CC7.2',
    '    control MON-01 [checklist] — control · controls/monitoring.yaml:1',
    'category Availability [shield] — 0/2 covered · 2 gaps',
    '  criterion A1.1 [error] — gap · Summary of A1.1',
    '  criterion A1.2 [error] — gap · Summary of A1.2',
    '    policy POL-BC [book] — policy · not found',
  ]);
});

test('criterion nodes carry status, icon colour and a tooltip; items carry their location', () => {
  const [security, availability] = buildCoverageTree(resultOf(benignRoot()));
  const cc61 = security!.children[1]!;
  assert.equal(cc61.status, 'covered');
  assert.equal(cc61.iconColor, 'testing.iconPassed');
  assert.equal(cc61.tooltip, 'CC6.1 — CC6 series\nSummary of CC6.1\n\ncovered by an implemented control');
  assert.deepEqual(cc61.children.map((c) => c.location), [
    { root: 'file:///work/acme', file: 'controls/access.yaml', line: 3 },
    { root: 'file:///work/acme', file: 'controls/access.yaml', line: 14 },
    { root: 'file:///work/acme', file: 'policies/access-control.md', line: 2 },
    { root: 'file:///work/acme', file: 'policies/information-security.md', line: 2 },
  ]);
  assert.deepEqual(security!.children.map((c) => [c.status, c.iconColor]), [
    ['covered', 'testing.iconPassed'], ['covered', 'testing.iconPassed'], ['excluded', 'disabledForeground'], ['partial', 'list.warningForeground'],
  ]);
  const a12 = availability!.children[1]!;
  assert.equal(a12.iconColor, 'list.errorForeground');
  assert.equal(a12.children[0]!.location, undefined, 'an id without a known definition opens nothing');
});

test('keys are unique across the tree, even for a control under several criteria', () => {
  const keys: string[] = [];
  const walk = (ns: CoverageNode[]) => { for (const n of ns) { keys.push(n.key); walk(n.children); } };
  walk(buildCoverageTree(resultOf(benignRoot())));
  assert.equal(keys.length, 16);
  assert.equal(new Set(keys).size, keys.length);
});

test('several roots: one node per root, each with its own categories and links', () => {
  const tree = buildCoverageTree(resultOf(benignRoot('file:///work/a'), benignRoot('file:///work/b')));
  assert.deepEqual(tree.map((n) => [n.kind, n.label, n.description, n.children.map((c) => c.label)]), [
    ['root', 'Acme SaaS, Inc.', '58% ready', ['Security', 'Availability']],
    ['root', 'Acme SaaS, Inc.', '58% ready', ['Security', 'Availability']],
  ]);
  assert.equal(tree[1]!.children[0]!.children[0]!.children[0]!.location?.root, 'file:///work/b');
  assert.notEqual(tree[0]!.children[0]!.key, tree[1]!.children[0]!.key);
});

test('hostile data: unknown statuses are dropped, prototype-named ids get no location', () => {
  const { root } = hostileRoot();
  root.summary.criteria[0]!.controls.push('constructor', '__proto__');
  const [category] = buildCoverageTree(resultOf(root));
  assert.deepEqual(category!.children.map((c) => c.status), ['covered', 'partial', 'excluded']);
  const items = category!.children[0]!.children;
  assert.deepEqual(items.slice(-4).map((i) => [i.label, i.location === undefined]), [
    ['constructor', true], ['__proto__', true], [`'><svg/onload=alert(1)>`, false], ['javascript:alert(1)', false],
  ]);
});
