import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';
import { VAGUE_TERMS } from '../../server/src/catalog/wording';

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

/** vague-language diagnostics whole: range, message and data. */
async function whole(files: Record<string, string>) {
  return (await diagnose(files)).filter((d) => d.code === 'vague-language').map((d) => ({
    range: `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`, message: d.message, data: d.data,
  }));
}
const TRIGGER = 'say what triggers it and who acts (e.g. "when a role changes, the manager requests …")';

test('vague-language data: the first phrase and every open one, normalised; the message quotes them as written, white space collapsed', async () => {
  assert.deepEqual(await whole(withPurpose('Periodically, access is removed in a timely manner as appropriate.')), [{
    range: '16:1-16:13', data: { phrase: 'periodically', phrases: ['periodically', 'in a timely manner', 'as appropriate'] },
    message: '"Periodically", "in a timely manner" and "as appropriate" are vague: an auditor cannot test this requirement. Instead, say who does it and how often (e.g. "the Security Lead reviews … quarterly").',
  }]);
  assert.deepEqual(await whole(withPurpose('Access is granted As\n  Needed by the owner.')), [{
    range: '16:19-17:9', data: { phrase: 'as needed', phrases: ['as needed'] },
    message: `"As Needed" is vague: an auditor cannot test this requirement. Instead, ${TRIGGER}.`,
  }]);
  // An old Mac line end (a lone CR) is a line break too.
  assert.deepEqual((await whole(withPurpose('Access is granted by the\rowner as needed.'))).map((x) => x.range), ['17:7-17:16']);
});

test('vague-language: what answers each kind of phrase, and what does not', async () => {
  const quiet = [
    'Access is reviewed regularly, every quarter.',
    'Access is removed promptly, within 2 days.',
    'Access is removed in a timely manner, the same business day.',
    'MFA is used where possible; other cases go through the exceptions process.',
    'Servers follow industry standard hardening from CIS.',
    'Access is granted as needed, within 24 hours of a ticket.',
    'Keys are stored with adequate protection such as an HSM.',
    'Backups are kept with sufficient detail to reconstruct events.',
  ];
  for (const q of quiet) assert.deepEqual(await findings(withPurpose(q), 'vague-language'), [], q);
  const loud = [
    'Access is reviewed regularly upon termination.', // an event is no interval
    'Access is reviewed appropriately every quarter.', // a frequency does not say against what
    'Servers follow industry standard hardening every month.',
    'MFA is used where possible, every day.',
    'Access is removed promptly such as on the last day.',
  ];
  for (const l of loud) assert.equal((await findings(withPurpose(l), 'vague-language')).length, 1, l);
});

test('vague-language is quiet in sections that state no requirement', async () => {
  assert.deepEqual(await findings(edit(baseRepo(), 'policies/access.md', PURPOSE, 'Access is reviewed periodically, as needed.'), 'vague-language'), []);
  const background = edit(baseRepo(), 'policies/access.md', '## Exceptions\n', '## Background\n\nAccess was reviewed periodically.\n\n## Exceptions\n');
  assert.deepEqual(await findings(background, 'vague-language'), []);
  // The next heading ends the section: its rules are read again.
  const after = edit(background, 'policies/access.md', 'The security lead approves exceptions in writing, with an end date.', 'The security lead approves exceptions as needed.');
  assert.deepEqual((await findings(after, 'vague-language')).map((x) => x.at), ['policies/access.md:32:39']);
});

test('vague_language words: blanks are skipped, a built-in keeps its own advice, and written characters match literally', async () => {
  const files = config(withPurpose('We run c++ builds promptly, not cxx builds.'), 'vague_language:\n  words: ["", "  ", Promptly, "c++   builds"]\n');
  assert.deepEqual((await whole(files)).map((x) => [x.range, x.message, x.data]), [['16:8-16:18',
    '"c++ builds" and "promptly" are vague: an auditor cannot test this requirement. Instead, say who does what, and how often or by when.',
    { phrase: 'c++ builds', phrases: ['c++ builds', 'promptly'] }]]);
  const promptly = await whole(config(withPurpose('Access is removed promptly.'), 'vague_language:\n  words: [Promptly]\n'));
  assert.match(promptly[0].message, /Instead, give a deadline and who meets it/);
});

test('vague_language ignore may remove every phrase: then nothing is reported (and nothing hangs)', async () => {
  const all = VAGUE_TERMS.map((t) => JSON.stringify(t.phrase)).join(', ');
  const files = config(withPurpose('Access is reviewed periodically, as needed, where possible, promptly, with robust tools.'), `vague_language:\n  words: [Robust]\n  ignore: [${all}, " ROBUST "]\n`);
  assert.deepEqual(await findings(files, 'vague-language'), []);
});

test('vague-language: a list answers across an item\'s second paragraph, within twenty sentences, not beyond the list', async () => {
  const across = withPurpose('Logs are reviewed on a regular basis:\n\n- by the security team;\n\n  with a written record kept.\n\n- monthly for audit logs.');
  assert.deepEqual(await findings(across, 'vague-language'), []);
  const items = (n: number) => Array.from({ length: n }, (_, k) => `- item ${k + 1} by the team;`).join('\n');
  const twenty = withPurpose(`Logs are reviewed on a regular basis:\n\n${items(19)}\n- monthly for audit logs.`);
  assert.deepEqual(await findings(twenty, 'vague-language'), []);
  const late = withPurpose(`Logs are reviewed on a regular basis:\n\n${items(20)}\n- monthly for audit logs.`);
  assert.equal((await findings(late, 'vague-language')).length, 1);
  const afterList = withPurpose('Logs are reviewed on a regular basis:\n\n- by the security team.\n\nA new paragraph.\n\nAudit logs are kept monthly.');
  assert.equal((await findings(afterList, 'vague-language')).length, 1);
  const nested = withPurpose('- Logs are reviewed on a regular basis:\n  - audit logs monthly;\n- Reports go out.');
  assert.deepEqual(await findings(nested, 'vague-language'), []);
});

test('vague-language: exemptions hold across line breaks and end where their clause ends', async () => {
  const quiet = [
    'Input is validated with regular\nexpressions.',
    'Access is removed promptly, within 2\nbusiness days.',
    'Staff quote the vendor\'s \u201cbest effort\u201d clause verbatim.',
    '- The purpose of this list is to review access as needed.',
    'Backups are kept so that restores are possible when needed.',
  ];
  for (const q of quiet) assert.deepEqual(await findings(withPurpose(q), 'vague-language'), [], q);
  const loud = 'Backups are kept in order to limit loss; restores are tested as needed.';
  assert.deepEqual((await findings(withPurpose(loud), 'vague-language')).map((x) => x.at), ['policies/access.md:16:62'], loud);
});

test('vague-language: more of what answers and what does not', async () => {
  const quiet = [
    'Within 24 hours, access is removed promptly.', // the answer may open the sentence, capitalised
    'Access is reviewed regularly, quarterly and upon termination.', // one periodic frequency is enough beside an event
  ];
  for (const q of quiet) assert.deepEqual(await findings(withPurpose(q), 'vague-language'), [], q);
  const loud = [
    'Managers hold regular accountability reviews.', // "regular account" is not "regular accounts"
    'Staff scan reasonably often.', // "can reasonably" is a term of art, "scan reasonably" is not
    'Logs are reviewed periodically, and the purpose of this is audit.', // an opening only counts at the start
  ];
  for (const l of loud) assert.equal((await findings(withPurpose(l), 'vague-language')).length, 1, l);
});

test('vague_language words: the longest phrase wins where one starts another', async () => {
  const files = config(withPurpose('Teams use robust tooling.'), 'vague_language:\n  words: [robust, robust tooling]\n');
  assert.deepEqual((await whole(files)).map((x) => [x.range, x.data]), [['16:11-16:25', { phrase: 'robust tooling', phrases: ['robust tooling'] }]]);
});

test('vague-language: a table is a definitions table when any header names terms', async () => {
  const table = withPurpose('| Term | Notes |\n|---|---|\n| Asset | anything of value, as needed |');
  assert.deepEqual(await findings(table, 'vague-language'), []);
});

test('vague-language: a list ends at the second sentence after it, and may close the policy', async () => {
  const later = withPurpose('Logs are reviewed on a regular basis:\n\n- by the security team.\n\nA new paragraph. It has two sentences.\n\n- audit logs monthly.');
  assert.equal((await findings(later, 'vague-language')).length, 1);
  const last = edit(baseRepo(), 'policies/access.md', 'The CEO approves this policy.', 'The CEO approves it on a regular basis:\n\n- by the board.');
  assert.deepEqual((await diagnose(last)).filter((d) => d.code === 'vague-language' || d.code === 'internal-error').map((d) => d.code), ['vague-language']);
});

test('vague-language: a policy that cannot be read gets file-unreadable and nothing else', async () => {
  const files = { ...baseRepo(), 'policies/access.md': new Uint8Array([0, 1, 2, 0, 255]) };
  assert.deepEqual((await diagnose(files)).filter((d) => d.file === 'policies/access.md').map((d) => d.code), ['file-unreadable']);
});

test('vague-language: a sentence whose vague words are all answered, or a matcher with no phrases, ends without an internal-error', async () => {
  const answered = withPurpose('Logs are reviewed in a timely manner, at least monthly.');
  const none = config(withPurpose('Access is reviewed periodically.'), `vague_language:\n  ignore: [${VAGUE_TERMS.map((t) => JSON.stringify(t.phrase)).join(', ')}]\n`);
  for (const files of [answered, none]) assert.deepEqual((await diagnose(files)).filter((d) => d.code === 'internal-error' || d.code === 'vague-language'), []);
});

test('vague-language: only a sentence ending with ":" reads the list after it, and only its items answer', async () => {
  const midColon = withPurpose('Scope: logs are reviewed on a regular basis.\n\n- audit logs monthly.');
  assert.equal((await findings(midColon, 'vague-language')).length, 1);
  const paragraph = withPurpose('Logs are reviewed on a regular basis:\n\n- by the security team.\n\n  Audit logs monthly.\n\n- with a written record.');
  assert.equal((await findings(paragraph, 'vague-language')).length, 1);
});
