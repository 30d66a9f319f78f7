/**
 * The minimal-edit helpers behind the quick fixes, on the YAML shapes people write: each case gives the
 * exact text after the edit, so any byte changed outside the insertion shows up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseControls } from '../server/src/engine/parse-controls';
import { parsePolicy } from '../server/src/engine/parse-policy';
import { addKeyToControl, addKeyToFrontMatter, appendControl, appendToList, FileText, replaceScalar } from '../server/src/lsp/edits';
import { applyEdits } from './lsp-client';

/** Adds P-9 to the first control's `policies` (or adds the key), as the one-sided-link fix does. */
function addPolicy(text: string): string | undefined {
  const { controls } = parseControls('c.yaml', text);
  const c = controls[0];
  const f = new FileText('c.yaml', text);
  const edit = c.policiesKey ? appendToList(f, c.policiesKey, c.policies, 'P-9') : addKeyToControl(f, c, 'policies', '[P-9]');
  return edit && applyEdits(text, [edit]);
}

test('appending to a control list keeps its style', () => {
  const cases: [string, string | undefined][] = [
    ['id: A-1\npolicies: [P-1]  # why\n', 'id: A-1\npolicies: [P-1, P-9]  # why\n'],
    ['id: A-1\npolicies: []\n', 'id: A-1\npolicies: [P-9]\n'],
    ['id: A-1\npolicies: [ ]  # none\n', 'id: A-1\npolicies: [P-9 ]  # none\n'],
    ['id: A-1\npolicies:\n', 'id: A-1\npolicies: [P-9]\n'],
    ['id: A-1\npolicies:   # later\ntitle: x\n', 'id: A-1\npolicies: [P-9]   # later\ntitle: x\n'],
    ["id: A-1\npolicies:\n- 'P-1'\n", "id: A-1\npolicies:\n- 'P-1'\n- 'P-9'\n"],
    ['id: A-1\npolicies:\n    -   P-1 # first\n# tail\n', 'id: A-1\npolicies:\n    -   P-1 # first\n    -   P-9\n# tail\n'],
    ['id: A-1\npolicies: [\n  P-1,\n  P-2\n]\n', 'id: A-1\npolicies: [\n  P-1,\n  P-2, P-9\n]\n'],
    ['id: A-1\r\npolicies:\r\n  - P-1\r\n', 'id: A-1\r\npolicies:\r\n  - P-1\r\n  - P-9\r\n'],
    ['controls:\n- id: A-1\n  title: x\n\n# next\n', 'controls:\n- id: A-1\n  title: x\n  policies: [P-9]\n\n# next\n'],
    ['id: A-1\ntitle: x', 'id: A-1\ntitle: x\npolicies: [P-9]'],
    // Shapes a minimal edit cannot extend safely are left alone.
    ['id: A-1\npolicies: P-1\n', undefined],
    ['{ id: A-1 }\n', undefined],
  ];
  for (const [before, after] of cases) assert.equal(addPolicy(before), after, JSON.stringify(before));
});

test('appending a control follows the file layout: list item or new YAML document', () => {
  const fields = ['id: A-2', 'title: ""'];
  const add = (text: string) => {
    const { controls } = parseControls('c.yaml', text);
    const edit = appendControl(new FileText('c.yaml', text), controls, fields);
    return edit && applyEdits(text, [edit]);
  };
  assert.equal(add('controls:\n    - id: A-1\n      title: x\n# end\n'), 'controls:\n    - id: A-1\n      title: x\n    - id: A-2\n      title: ""\n# end\n');
  assert.equal(add('id: A-1\r\ntitle: x\r\n'), 'id: A-1\r\ntitle: x\r\n---\r\nid: A-2\r\ntitle: ""\r\n');
  assert.equal(add('id: A-1\ntitle: x'), 'id: A-1\ntitle: x\n---\nid: A-2\ntitle: ""\n');
});

test('front matter: append to the controls list, or add the key above the closing fence', () => {
  const add = (text: string) => {
    const { policy } = parsePolicy('p.md', text);
    const f = new FileText('p.md', text);
    const edit = policy!.controlsKey ? appendToList(f, policy!.controlsKey, policy!.controls, 'A-9') : addKeyToFrontMatter(f, policy!, 'controls', '[A-9]');
    return edit && applyEdits(text, [edit]);
  };
  assert.equal(add('---\nid: P-1\n---\n# x\n'), '---\nid: P-1\ncontrols: [A-9]\n---\n# x\n');
  assert.equal(add('---\r\nid: P-1\r\ncontrols: []\r\n---\r\n'), '---\r\nid: P-1\r\ncontrols: [A-9]\r\n---\r\n');
  assert.equal(add('---\nid: P-1\ncontrols:\n  - "A-1"   # c\n# end\n---\n'), '---\nid: P-1\ncontrols:\n  - "A-1"   # c\n  - "A-9"\n# end\n---\n');
});

test('replacing a scalar keeps its quotes', () => {
  const text = "a: 'cc6.1'\nb: \"2025-01-01\"\nc: x\n";
  const f = new FileText('c.yaml', text);
  const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
  assert.equal(applyEdits(text, [replaceScalar(f, range(0, 3, 10), 'CC6.1')]), "a: 'CC6.1'\nb: \"2025-01-01\"\nc: x\n");
  assert.equal(applyEdits(text, [replaceScalar(f, range(1, 3, 15), '2026-07-15')]), "a: 'cc6.1'\nb: \"2026-07-15\"\nc: x\n");
  assert.equal(applyEdits(text, [replaceScalar(f, range(2, 3, 4), 'y')]), "a: 'cc6.1'\nb: \"2025-01-01\"\nc: y\n");
});
