import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

const PURPOSE = 'Only the people a job requires can use our systems.';
const withPurpose = (text: string, files = baseRepo()) => edit(files, 'policies/access.md', PURPOSE, text);
const config = (files: Record<string, string>, yaml: string) => ({ ...files, 'soc2.yaml': files['soc2.yaml'] + yaml });

test('vague-language fires on each vague word, with its range and what to write instead', async () => {
  const f = await findings(withPurpose('Periodically, access is removed in a timely manner as appropriate.'), 'vague-language');
  assert.deepEqual(f, [
    { at: 'policies/access.md:16:1', severity: 'info',
      message: '"Periodically" is vague: an auditor cannot test it. Instead, say who does it and how often (e.g. "the Security Lead reviews … quarterly").' },
    { at: 'policies/access.md:16:33', severity: 'info',
      message: '"in a timely manner" is vague: an auditor cannot test it. Instead, give a deadline and who meets it (e.g. "the IT Lead … within 24 hours", "within 5 business days").' },
    { at: 'policies/access.md:16:52', severity: 'info',
      message: '"as appropriate" is vague: an auditor cannot test it. Instead, say who decides and against what standard (e.g. "approved by the system owner", "AES-256", "TLS 1.2 or later").' },
  ]);
});

test('vague-language ranges cover the word exactly, on continuation lines and across a line break (CRLF too)', async () => {
  const files = withPurpose('Access is granted by the\nsystem owner as\r\nneeded and reviewed regularly.');
  const d = (await diagnose(files)).filter((x) => x.code === 'vague-language').map((x) => x.range);
  assert.deepEqual(d, [
    { start: { line: 16, character: 13 }, end: { line: 17, character: 6 } },
    { start: { line: 17, character: 20 }, end: { line: 17, character: 29 } },
  ]);
});

test('vague-language matches whole words only, and never in code, comments, link targets, headings or front matter', async () => {
  let files = withPurpose('Irregularly shaped, inappropriate-looking and unreasonable text; see `run as needed` <!-- review as appropriate --> and [the guide](https://x.example/periodically).');
  files = edit(files, 'policies/access.md', '## Scope', '## Appropriate scope');
  files = edit(files, 'policies/access.md', 'title: Access Control Policy', 'title: Appropriate Access Policy');
  files = edit(files, 'policies/access.md', '## Exceptions\n', '## Exceptions\n\n```\nreview periodically as needed\n```\n');
  assert.deepEqual(await findings(files, 'vague-language'), []);
});

test('vague_language in soc2.yaml adds words, ignores words, and switches the check off', async () => {
  const files = withPurpose('Access is reviewed periodically with a robust tool, as needed.');
  const at = async (f: Record<string, string>) => (await findings(f, 'vague-language')).map((x) => `${x.at} ${x.message.slice(0, x.message.indexOf(' is vague'))}`);
  assert.deepEqual(await at(files), ['policies/access.md:16:20 "periodically"', 'policies/access.md:16:53 "as needed"']);
  const custom = config(files, 'vague_language:\n  words: [Robust]\n  ignore: [periodically]\n');
  assert.deepEqual(await at(custom), ['policies/access.md:16:40 "robust"', 'policies/access.md:16:53 "as needed"']);
  const added = (await findings(custom, 'vague-language'))[0].message;
  assert.equal(added, '"robust" is vague: an auditor cannot test it. Instead, say who does what, and how often or by when.');
  assert.deepEqual(await findings(config(files, 'vague_language:\n  enabled: false\n'), 'vague-language'), []);
  assert.deepEqual(await findings(config(files, 'checks:\n  vague-language: off\n'), 'vague-language'), []);
  assert.deepEqual((await findings(config(files, 'checks:\n  vague-language: warning\n'), 'vague-language')).map((x) => x.severity), ['warning', 'warning']);
});

test('vague-language is quiet on precise wording', async () => {
  assert.deepEqual(await findings(withPurpose('The IT Lead removes access within 24 hours of termination.'), 'vague-language'), []);
  assert.deepEqual(await findings(baseRepo(), 'vague-language'), []);
});
