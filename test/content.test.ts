/**
 * The content we ship for people to start from: every control snippet, the policy snippets, every
 * policy template and the control library must parse, validate and map only real criteria, and the
 * wording checks must have nothing to say about them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { parsePolicy } from '../server/src/engine/parse-policy';
import { parseControls } from '../server/src/engine/parse-controls';
import { TSC_2017 } from '../server/src/catalog/tsc2017';
import { BUNDLED_TEMPLATES } from '../server/src/scaffold/templates.generated';
import { fillPolicy, scaffold } from '../server/src/scaffold/scaffold';
import { CATEGORY_IDS } from '../server/src/scaffold/options';
import { expandSnippet, SNIPPET_VARIABLES } from './helpers/snippets';
import { CHECKS } from '../server/src/checks';

const ROOT = join(__dirname, '..');
type Snippet = { prefix: string[]; body: string[]; scope: string };
const CONTROL_SNIPPETS = JSON.parse(readFileSync(join(ROOT, 'snippets', 'controls.code-snippets.json'), 'utf8')) as Record<string, Snippet>;
const POLICY_SNIPPETS = JSON.parse(readFileSync(join(ROOT, 'snippets', 'policy.code-snippets.json'), 'utf8')) as Record<string, Snippet>;
const REAL = new Set(TSC_2017.criteria.map((c) => c.id));
const TODAY = '2026-07-15';
const ALL_IN_SCOPE = `organization: Content Co\nreport: { type: 1 }\nscope:\n  categories: [${CATEGORY_IDS.join(', ')}]\n`;
const expand = (s: Snippet) => expandSnippet(s.body.join('\n'), SNIPPET_VARIABLES);

async function diagnose(files: Record<string, string>) {
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  return { project, diagnostics: project.allDiagnostics() };
}

test('the snippet expander resolves defaults, choices, variables and escapes', () => {
  assert.equal(expandSnippet('a ${1:x ${2:y}} ${3|p\\,q,r|} $CURRENT_YEAR-${CURRENT_MONTH} \\$5 \\} $0', SNIPPET_VARIABLES), 'a x y p,q 2026-07 $5 } ');
  assert.throws(() => expandSnippet('${1:open', SNIPPET_VARIABLES), /unclosed/);
  assert.throws(() => expandSnippet('$NOPE', SNIPPET_VARIABLES), /unknown variable NOPE/);
});

test('at least 30 control snippets, covering every control the issue lists', () => {
  const controls = Object.values(CONTROL_SNIPPETS).filter((s) => s.prefix.some((p) => /^soc2-control-/.test(p)));
  assert.ok(controls.length >= 30, `${controls.length} control snippets`);
  const prefixes = new Set(controls.flatMap((s) => s.prefix));
  const topics = ['access-provisioning', 'access-review', 'access-removal', 'mfa', 'password', 'privileged-access', 'sso',
    'encryption-at-rest', 'encryption-in-transit', 'key-management', 'logging', 'log-review', 'intrusion-detection',
    'vulnerability-scanning', 'pentest', 'patching', 'endpoint-protection', 'change-approval', 'code-review', 'environments',
    'emergency-change', 'backups', 'restore-test', 'dr-test', 'incident-response-plan', 'postmortem', 'security-training',
    'background-check', 'onboarding', 'code-of-conduct', 'vendor-review', 'vendor-contracts', 'risk-assessment',
    'management-oversight', 'asset-inventory', 'data-classification', 'data-retention', 'capacity-monitoring', 'confidential-disposal'];
  assert.deepEqual(topics.filter((t) => !prefixes.has(`soc2-control-${t}`)), []);
});

test('every control snippet, expanded with its defaults, is a valid control mapping only real criteria', async () => {
  // Control snippets are list items (one file each here); the controls-file snippet is a whole file, in a repo of its own
  // since its example id is one of the library's.
  const names = Object.keys(CONTROL_SNIPPETS).filter((n) => !CONTROL_SNIPPETS[n].prefix.includes('soc2-controls-file'));
  const items: Record<string, string> = { 'soc2.yaml': ALL_IN_SCOPE };
  names.forEach((name, i) => { items[`controls/s${String(i).padStart(2, '0')}.yaml`] = `controls:\n${expand(CONTROL_SNIPPETS[name])}\n`; });
  const whole = { 'soc2.yaml': ALL_IN_SCOPE, 'controls/new.yaml': `${expand(CONTROL_SNIPPETS['SOC 2 controls file'])}\n` };
  const controls = [];
  for (const files of [items, whole]) {
    const { project, diagnostics } = await diagnose(files);
    const bad = diagnostics.filter((d) => ['schema', 'unknown-criterion', 'yaml-syntax', 'duplicate-id', 'control-unmapped'].includes(d.code));
    assert.deepEqual(bad.map((d) => `${d.file}:${d.range.start.line + 1} ${d.code} ${d.message}`), []);
    controls.push(...project.allControls());
  }
  assert.equal(controls.length, names.length + 1);
  for (const c of controls) {
    assert.equal(c.owner?.value, 'owner@example.com', c.id);
    assert.equal(c.lastReviewed?.value, '2026-07-15', c.id);
    assert.equal(c.status?.value, 'planned', c.id);
    assert.ok(c.criteria.length > 0 && c.criteria.every((k) => REAL.has(k.value)), `${c.id}: ${c.criteria.map((k) => k.value)}`);
  }
});

test('the policy skeleton snippet, and front matter plus every section snippet, make a valid policy with every section', async () => {
  const skeleton = expand(POLICY_SNIPPETS['SOC 2 policy (full skeleton)']);
  const sections = ['front matter', 'section: Purpose', 'section: Scope', 'section: Roles and responsibilities', 'section: Policy statements',
    'section: Exceptions', 'section: Enforcement', 'section: Review and approval'].map((n) => expand(POLICY_SNIPPETS[`SOC 2 policy ${n}`]));
  const assembled = sections[0].replace(/\n$/, '') + '\n\n# Assembled Policy\n\n' + sections.slice(1).join('\n');
  for (const [name, text] of [['skeleton', skeleton], ['assembled', assembled]]) {
    const parsed = parsePolicy(`policies/${name}.md`, text);
    assert.deepEqual(parsed.problems, [], name);
    assert.ok(parsed.policy!.criteria.every((k) => REAL.has(k.value)), name);
    const { diagnostics } = await diagnose({ 'soc2.yaml': ALL_IN_SCOPE, 'policies/p.md': text });
    assert.deepEqual(diagnostics.filter((d) => ['schema', 'frontmatter-syntax', 'unknown-criterion', 'policy-missing-section'].includes(d.code)), [], name);
  }
});

test('every policy template, filled in, validates, maps only real criteria and names only library controls', () => {
  const library = parseControls('templates/control-library.yaml', BUNDLED_TEMPLATES.controlLibrary.replace(/\{\{(owner|today)\}\}/g, (_, k: string) => (k === 'today' ? TODAY : 'x')));
  assert.deepEqual(library.problems, []);
  const libraryIds = new Set(library.controls.map((c) => c.id));
  assert.equal(library.controls.length, 43);
  for (const c of library.controls) assert.ok(c.criteria.every((k) => REAL.has(k.value)), `${c.id} maps ${c.criteria.map((k) => k.value)}`);
  assert.ok(BUNDLED_TEMPLATES.policies.length >= 12);
  for (const t of BUNDLED_TEMPLATES.policies) {
    const text = fillPolicy(t, { organization: 'Content Co', owner: 'lead@content.example', today: TODAY });
    const parsed = parsePolicy(`policies/${t.name}.md`, text);
    assert.deepEqual(parsed.problems, [], t.name);
    const p = parsed.policy!;
    assert.equal(p.id, t.id);
    assert.ok(p.criteria.length > 0 && p.criteria.every((k) => REAL.has(k.value)), `${t.name}: ${p.criteria.map((k) => k.value)}`);
    assert.deepEqual(p.controls.map((c) => c.value).filter((id) => !libraryIds.has(id)), [], t.name);
    assert.deepEqual(p.controls.map((c) => c.value), [...t.controls], t.name);
  }
});

test('all templates and their controls together: no finding but the gaps of planned controls', async () => {
  const files = Object.fromEntries(scaffold({ organization: 'Content Co', reportType: 1, categories: CATEGORY_IDS, owner: 'lead@content.example',
    today: TODAY, templates: BUNDLED_TEMPLATES.policies.map((t) => t.name) }));
  const { diagnostics } = await diagnose(files);
  // vague-language, policy-missing-section, one-sided-link, unknown-reference... all quiet on the shipped text.
  assert.deepEqual([...new Set(diagnostics.map((d) => d.code))], ['unmapped-criterion']);
});
