import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

const PURPOSE = 'Only the people a job requires can use our systems.';
// The Purpose section states no requirement (vague-language stays quiet there), so the tests' rules go under a topic heading.
const withPurpose = (text: string, files = baseRepo()) => edit(edit(files, 'policies/access.md', PURPOSE, text), 'policies/access.md', '## Purpose', '## Access rules');
const config = (files: Record<string, string>, yaml: string) => ({ ...files, 'soc2.yaml': files['soc2.yaml'] + yaml });

test('vague-language gives one finding per sentence, on its first vague word, naming them all and what to write instead', async () => {
  const f = await findings(withPurpose('Periodically, access is removed in a timely manner as appropriate. Owners act promptly.'), 'vague-language');
  assert.deepEqual(f, [
    { at: 'policies/access.md:16:1', severity: 'info',
      message: '"Periodically", "in a timely manner" and "as appropriate" are vague: an auditor cannot test this requirement. Instead, say who does it and how often (e.g. "the Security Lead reviews … quarterly").' },
    { at: 'policies/access.md:16:79', severity: 'info',
      message: '"promptly" is vague: an auditor cannot test this requirement. Instead, give a deadline and who meets it (e.g. "the IT Lead … within 24 hours", "within 5 business days").' },
  ]);
});

test('vague-language ranges cover the word exactly, on continuation lines and across a line break (CRLF too)', async () => {
  const files = withPurpose('Access is granted by the\nsystem owner as\r\nneeded and reviewed regularly.');
  const d = (await diagnose(files)).filter((x) => x.code === 'vague-language').map((x) => x.range);
  assert.deepEqual(d, [{ start: { line: 16, character: 13 }, end: { line: 17, character: 6 } }]);
  const single = withPurpose('Access is granted by the\nsystem owner. It is reviewed\r\nregularly.');
  assert.deepEqual((await diagnose(single)).filter((x) => x.code === 'vague-language').map((x) => x.range), [{ start: { line: 17, character: 0 }, end: { line: 17, character: 9 } }]);
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
  const at = async (f: Record<string, string>) => (await findings(f, 'vague-language')).map((x) => `${x.at} ${x.message.slice(0, x.message.indexOf(' vague'))}`);
  assert.deepEqual(await at(files), ['policies/access.md:16:20 "periodically" and "as needed" are']);
  const custom = config(files, 'vague_language:\n  words: [Robust]\n  ignore: [periodically]\n');
  assert.deepEqual(await at(custom), ['policies/access.md:16:40 "robust" and "as needed" are']);
  const added = (await findings(config(files, 'vague_language:\n  words: [Robust]\n  ignore: [periodically, as needed]\n'), 'vague-language'))[0].message;
  assert.equal(added, '"robust" is vague: an auditor cannot test this requirement. Instead, say who does what, and how often or by when.');
  assert.deepEqual(await findings(config(files, 'vague_language:\n  enabled: false\n'), 'vague-language'), []);
  assert.deepEqual(await findings(config(files, 'checks:\n  vague-language: off\n'), 'vague-language'), []);
  assert.deepEqual((await findings(config(files, 'checks:\n  vague-language: warning\n'), 'vague-language')).map((x) => x.severity), ['warning']);
});

test('vague-language is quiet on precise wording', async () => {
  assert.deepEqual(await findings(withPurpose('The IT Lead removes access within 24 hours of termination.'), 'vague-language'), []);
  assert.deepEqual(await findings(baseRepo(), 'vague-language'), []);
});

test('vague-language is quiet where the words carry no vagueness, and fires on the same words in a rule', async () => {
  const quiet = [
    'Logs are reviewed in a timely manner, at least monthly.',
    'Logs must include sufficient information to identify who did what, when and where.',
    'Staff use adequate safeguards such as disk encryption and screen locks.',
    'There is no forced periodic password rotation.',
    'Managers add the appropriate user account to the matching directory group.',
    'Input is validated with regular expressions.',
    'The purpose of this policy is to set requirements for proper controls.',
    'Records are kept for seven years, as the law requires "for a reasonable period" of time.',
    'A breach is what the company knows of, or by exercising reasonable diligence would have known.',
    'Systems are hardened against the CIS benchmark in order to reduce risk where possible.',
  ];
  for (const q of quiet) assert.deepEqual(await findings(withPurpose(q), 'vague-language'), [], q);
  const loud = ['Restore tests are performed on a regular basis.', 'Admin rights are granted case-by-case.', 'MFA is used where supported.',
    'Staff try to lock screens.', 'Fixes ship within the defined timeframe.', 'The team performs regular backups.', 'Keys rotate whenever possible.'];
  for (const l of loud) assert.equal((await findings(withPurpose(l), 'vague-language')).length, 1, l);
});

test('vague-language: a sentence ending with ":" is answered by the list it introduces, and only by that list', async () => {
  const answered = withPurpose('Logs are reviewed on a regular basis:\n\n- security logs monthly;\n- audit logs every quarter.');
  assert.deepEqual(await findings(answered, 'vague-language'), []);
  const unanswered = withPurpose('Logs are reviewed on a regular basis:\n\n- by the security team;\n- with a written record.');
  assert.equal((await findings(unanswered, 'vague-language')).length, 1);
  const sibling = withPurpose('- Logs are reviewed on a regular basis:\n- Audit logs are kept for a year.\n- Reports go out monthly.');
  assert.equal((await findings(sibling, 'vague-language')).length, 1, 'a sibling item does not answer');
});

test('vague-language skips rows of a definitions table but reads rows of a schedule', async () => {
  const table = withPurpose('| Term | Meaning |\n|---|---|\n| Asset | anything of value, as needed |\n\n| System | Review |\n|---|---|\n| Finance | periodically |');
  assert.deepEqual((await findings(table, 'vague-language')).map((f) => f.at), ['policies/access.md:22:13']);
});
