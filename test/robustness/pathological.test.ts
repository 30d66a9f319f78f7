/**
 * Inputs built to exhaust a parser: 100,000 levels of nesting in YAML and Markdown (a stack overflow
 * inside V8's regexp compiler aborts the whole process, so "it throws and we catch it" is not enough),
 * and keys that target JavaScript's prototypes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo } from '../helpers';
import { computeSummary } from '../../server/src/engine/summary';
import { at, DEEP_MARKDOWN, DEEP_YAML, diagnoseFiles, FILE_BUDGET_MS, MODES, ofFile, policyWith } from './support';

test('YAML nested 100,000 levels deep is refused fast with a syntax error, and the rest still checks', () => {
  for (const [shape, yaml] of Object.entries(DEEP_YAML)) {
    const targets: [string, string, string][] = [
      ['controls/deep.yaml', yaml, 'yaml-syntax'],
      ['policies/deep.md', `---\nid: POL-DEEP\n${yaml}---\n# Deep\n`, 'frontmatter-syntax'],
      ['soc2.yaml', `${baseRepo()['soc2.yaml']}${yaml}`, 'yaml-syntax'],
    ];
    for (const [file, text, code] of targets) {
      const { diagnostics, ms, project } = diagnoseFiles({ ...baseRepo(), [file]: text });
      assert.ok(ms < FILE_BUDGET_MS, `${shape} in ${file}: ${Math.round(ms)} ms`);
      const mine = ofFile(diagnostics, file).filter((d) => d.code === code);
      assert.ok(mine.length >= 1, `${shape} in ${file}: ${JSON.stringify(ofFile(diagnostics, file).map(at))}`);
      if (shape !== 'unclosed brackets') assert.match(mine[0].message, /nested more than 256 levels/, `${shape} in ${file}`);
      assert.deepEqual(project.file('controls/access.yaml')?.controls.map((c) => c.id), ['AC-01'], `${shape} in ${file}: the rest is read`);
    }
  }
});

test('lists and mappings used as keys are refused before they are expanded (nested ones took minutes)', () => {
  const cases = {
    'nested explicit keys': `${'? '.repeat(200)}a\n`,
    'explicit keys holding flow mappings': `${'? '.repeat(120)}${'{a: '.repeat(120)}1${'}'.repeat(120)}\n`,
    'a flow sequence as a key': 'title: x\n[a, b]: c\n',
  };
  for (const [shape, yaml] of Object.entries(cases)) {
    for (const [file, text] of [['controls/keys.yaml', yaml], ['policies/keys.md', `---\nid: POL-K\n${yaml}---\n# K\n`]]) {
      const { diagnostics, ms } = diagnoseFiles({ ...baseRepo(), [file]: text });
      assert.ok(ms < 1000, `${shape} in ${file}: ${Math.round(ms)} ms`);
      assert.ok(ofFile(diagnostics, file).some((d) => d.code === 'schema' && /key is a list or a mapping/.test(d.message)), `${shape} in ${file}: ${JSON.stringify(ofFile(diagnostics, file).map(at))}`);
    }
  }
});

test('brackets and blocks count together: 200 of each is refused', () => {
  const { diagnostics, ms } = diagnoseFiles({ ...baseRepo(), 'controls/both.yaml': `${'- '.repeat(200)}${'['.repeat(200)}${']'.repeat(200)}\n` });
  assert.ok(ms < FILE_BUDGET_MS);
  assert.match(ofFile(diagnostics, 'controls/both.yaml').map((d) => d.message).join('\n'), /nested more than 256 levels/);
});

test('YAML nested just under the limit still parses', () => {
  const { diagnostics } = diagnoseFiles({ ...baseRepo(), 'controls/ok.yaml': `id: OK-01\nx: ${'['.repeat(120)}${']'.repeat(120)}\ny:\n${'- '.repeat(120)}a\n` });
  assert.deepEqual(ofFile(diagnostics, 'controls/ok.yaml').filter((d) => d.code === 'yaml-syntax'), []);
  assert.ok(ofFile(diagnostics, 'controls/ok.yaml').some((d) => d.code === 'schema' && /Unknown field `x`/.test(d.message)));
});

test('Markdown nested 100,000 levels deep: both parse modes answer in time, and front matter still counts', () => {
  for (const mode of MODES) {
    for (const [shape, body] of Object.entries(DEEP_MARKDOWN)) {
      const { diagnostics, ms, project } = diagnoseFiles({ ...baseRepo(), 'policies/deep.md': policyWith(body) }, mode);
      assert.ok(ms < FILE_BUDGET_MS, `${shape} (${mode}): ${Math.round(ms)} ms`);
      assert.equal(project.file('policies/deep.md')?.policy?.id, 'POL-X', `${shape} (${mode})`);
      assert.deepEqual(ofFile(diagnostics, 'policies/deep.md').filter((d) => /syntax|internal/.test(d.code)), [], `${shape} (${mode})`);
    }
  }
});

test('the fast scanner and remark agree on pathological Markdown they both accept', () => {
  for (const [shape, body] of Object.entries(DEEP_MARKDOWN)) {
    const files = { ...baseRepo(), 'policies/deep.md': policyWith(body.slice(0, 3000)) };
    const [fast, remark] = MODES.map((m) => diagnoseFiles(files, m).diagnostics.filter((d) => d.file === 'policies/deep.md' && /syntax|schema|internal/.test(d.code)).map(at));
    assert.deepEqual(remark, fast, shape);
  }
});

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];

test('__proto__ and constructor keys and ids do not pollute Object.prototype and the model stays sane', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  const files = {
    ...baseRepo(),
    'soc2.yaml': `${baseRepo()['soc2.yaml']}__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\nchecks:\n  __proto__: off\n  constructor: off\n  toString: error\n`,
    'controls/proto.yaml': [
      '__proto__:', '  polluted: yes', 'controls:',
      '  - id: __proto__', '    owner: constructor', '    status: implemented', '    criteria: [CC6.2]', '    policies: [toString]',
      '    __proto__: { polluted: yes }', '    evidence:', '      - { name: x, collected: [2026-06-01], __proto__: { polluted: yes } }',
      '  - id: constructor', '    owner: __proto__', '    criteria: [hasOwnProperty, CC6.3]', '    constructor: { prototype: { polluted: yes } }',
      '',
    ].join('\n'),
    'policies/proto.md': '---\nid: hasOwnProperty\nowner: __proto__\n__proto__: { polluted: yes }\ncontrols: [__proto__, valueOf]\ncriteria: [__proto__]\n---\n# Proto\n\nThe constructor and __proto__ controls run quarterly.\n',
  };
  for (const mode of MODES) {
    const { project, diagnostics } = diagnoseFiles(files, mode);
    const summary = computeSummary(project);
    JSON.stringify(summary);
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before, 'no property was added to Object.prototype');
    for (const probe of [{}, Object.create(null) as object, [], new Map()]) assert.equal((probe as Record<string, unknown>).polluted, undefined);
    // The model: ids that are prototype names are ordinary ids.
    assert.deepEqual(project.controls('__proto__').map((c) => c.owner?.value), ['constructor']);
    assert.deepEqual(project.controls('constructor').map((c) => c.owner?.value), ['__proto__']);
    assert.equal(project.policies('hasOwnProperty')[0]?.owner?.value, '__proto__');
    for (const k of PROTO_KEYS) if (k !== '__proto__' && k !== 'constructor') assert.deepEqual(project.controls(k), [], k);
    assert.deepEqual(project.policies('toString'), []);
    assert.deepEqual(project.policies('constructor'), []);
    const found = diagnostics.map((d) => `${at(d)} ${d.message}`);
    assert.ok(found.some((f) => /unknown-reference .*policy toString, which does not exist/.test(f)), 'toString is not a policy');
    assert.ok(found.some((f) => /unknown-reference .*control valueOf, which does not exist/.test(f)), 'valueOf is not a control');
    assert.ok(found.some((f) => /unknown-criterion hasOwnProperty is not/.test(f)));
    assert.ok(found.some((f) => /schema Unknown field `__proto__`/.test(f)), 'the key is reported like any unknown field');
    // Switching checks off through `checks: { __proto__: off }` does not switch anything off.
    assert.ok(diagnostics.some((d) => d.code === 'missing-review-date'));
    assert.deepEqual(summary.owners.map((o) => o.owner).filter((o) => PROTO_KEYS.includes(o)).sort(), ['__proto__', 'constructor']);
    assert.equal(summary.criteria.find((c) => c.id === 'CC6.2')?.status, 'covered', 'the __proto__ control covers CC6.2');
    // Lookups keyed by id hold these ids as their own entries (a plain {} would answer with Object.prototype).
    for (const id of ['__proto__', 'constructor']) {
      assert.ok(Object.hasOwn(summary.locations, id), `locations.${id}`);
      assert.deepEqual(summary.locations[id], { file: 'controls/proto.yaml', line: id === '__proto__' ? 4 : 12 });
    }
    assert.ok(Object.hasOwn(summary.locations, 'hasOwnProperty'));
    assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(summary)).locations).sort(), ['AC-01', 'POL-AC', '__proto__', 'constructor', 'hasOwnProperty']);
  }
});
