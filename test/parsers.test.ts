import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseControls } from '../server/src/engine/parse-controls';
import { parsePolicy } from '../server/src/engine/parse-policy';
import { decodeText, LineIndex } from '../server/src/engine/text';
import type { Range } from '../server/src/engine/text';

const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

const control = 'controls:\n  - id: AC-01\n    owner: bob\n    criteria: [CC6.1, CC6.2]\n';

test('control positions are exact with LF and CRLF', () => {
  for (const eol of ['\n', '\r\n']) {
    const { controls, problems } = parseControls('c.yaml', control.replace(/\n/g, eol));
    assert.deepEqual(problems, [], JSON.stringify(eol));
    assert.equal(at(controls[0].idRange), '1:8-1:13');
    assert.equal(at(controls[0].criteria[1].range), '3:22-3:27');
    assert.equal(at(controls[0].owner!.range), '2:11-2:14');
  }
});

test('mixed line endings keep positions exact', () => {
  const { controls } = parseControls('c.yaml', 'controls:\r\n  - id: AC-01\n    owner: bob\r\n    criteria: [CC6.1]\n');
  assert.equal(at(controls[0].criteria[0].range), '3:15-3:20');
});

test('a BOM is dropped on decoding and positions count from the first real character', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('id: AC-01\n')]);
  const { text, invalidUtf8, binary } = decodeText(bytes);
  assert.equal(text, 'id: AC-01\n');
  assert.equal(invalidUtf8, false);
  assert.equal(binary, false);
  assert.equal(at(parseControls('c.yaml', text).controls[0].idRange), '0:4-0:9');
});

test('invalid UTF-8 and binary content are recognised', () => {
  assert.equal(decodeText(new Uint8Array([0x61, 0xff, 0x62])).invalidUtf8, true);
  assert.equal(decodeText(new Uint8Array([0x61, 0x00, 0x62])).binary, true);
});

test('multi-document YAML: every document holds controls, positions per document', () => {
  const { controls, problems } = parseControls('c.yaml', 'id: AC-01\ncriteria: [CC6.1]\n---\ncontrols:\n  - id: AC-02\n  - id: AC-03\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(controls.map((c) => `${c.id}@${c.idRange.start.line}`), ['AC-01@0', 'AC-02@4', 'AC-03@5']);
});

test('front matter fields carry positions in the whole file, CRLF included', () => {
  for (const eol of ['\n', '\r\n']) {
    const text = ['---', 'id: POL-AC', 'owner: alice', 'criteria:', '  - CC6.1', 'controls: [AC-01]', '---', '', '# Title', '', 'We review access quarterly (AC-01). Next sentence.', ''].join(eol);
    const { policy, problems } = parsePolicy('p.md', text);
    assert.deepEqual(problems, []);
    assert.equal(at(policy!.idRange), '1:4-1:10');
    assert.equal(at(policy!.criteria[0].range), '4:4-4:9');
    assert.equal(at(policy!.controls[0].range), '5:11-5:16');
    assert.deepEqual(policy!.mentions.map((m) => `${m.id}@${at(m.range)}`), ['AC-01@10:28-10:33']);
    assert.equal(at(policy!.sentences.find((s) => s.text.startsWith('We review'))!.range), '10:0-10:35');
    assert.deepEqual(policy!.sections.map((s) => s.title), ['Title']);
    assert.equal(policy!.sentences.find((s) => s.text.startsWith('We review'))!.frequencies[0].frequency, 'quarterly');
  }
});

test('sentence splitting keeps abbreviations and criterion ids together', () => {
  const { policy } = parsePolicy('p.md', '---\nid: P\n---\nSee e.g. CC6.1 for details. Owners act annually. Done!\n');
  assert.deepEqual(policy!.sentences.map((s) => s.text), ['See e.g. CC6.1 for details.', 'Owners act annually.', 'Done!']);
});

test('LineIndex maps offsets and positions both ways', () => {
  const li = new LineIndex('ab\r\ncd\ne');
  assert.deepEqual(li.position(4), { line: 1, character: 0 });
  assert.equal(li.offset({ line: 2, character: 0 }), 7);
  assert.equal(li.offset({ line: 0, character: 99 }), 2);
  assert.equal(li.lineCount, 3);
});
