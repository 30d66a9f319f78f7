import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

const PURPOSE = 'Only the people a job requires can use our systems.';
const withText = (text: string) => edit(baseRepo(), 'policies/access.md', PURPOSE, text);

test('policy-placeholder reports unfilled template text, each on its own range', async () => {
  const f = await findings(withText('[Company Name] lets {{company}} staff and <<Owner>> in; [person responsible for access] decides. TBD. TODO: review. Lorem ipsum dolor.'), 'policy-placeholder');
  assert.deepEqual(f.map((x) => `${x.at} ${/^"([^"]+)"/.exec(x.message)?.[1]}`), [
    'policies/access.md:16:1 [Company Name]', 'policies/access.md:16:21 {{company}}', 'policies/access.md:16:43 <<Owner>>',
    'policies/access.md:16:57 [person responsible for access]', 'policies/access.md:16:98 TBD', 'policies/access.md:16:103 TODO',
    'policies/access.md:16:117 Lorem ipsum']);
  assert.ok(f.every((x) => x.severity === 'warning'));
});

test('policy-placeholder leaves links, checkboxes and ordinary words alone', async () => {
  const text = 'See [the Company Name guide](https://x.example) and [Owner Handbook][ref]. - [ ] done - [x] checked. We have a todo list.';
  assert.deepEqual(await findings(withText(text), 'policy-placeholder'), []);
  assert.deepEqual(await findings(baseRepo(), 'policy-placeholder'), []);
});

test('policy-placeholder: a stub policy says which criteria it claims', async () => {
  const stub = ['---', 'id: POL-BC', 'title: Continuity Policy', 'owner: alice@example.com', 'criteria: [CC9.1, A1.2]', '---', '# Continuity Policy', '', 'Coming soon.', ''].join('\n');
  const f = await findings({ ...baseRepo(), 'policies/bc.md': stub }, 'policy-placeholder');
  assert.deepEqual(f.map((x) => x.at), ['policies/bc.md:7:1']);
  assert.equal(f[0].message, 'Policy POL-BC is a stub (2 words of text) yet maps CC9.1, A1.2: those criteria count toward readiness with nothing behind them. Write the policy, or remove its criteria until it exists.');
});

/** Every finding of the check with its whole range and data; no check may have crashed on the input. */
async function exact(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'policy-placeholder').map((d) => ({
    at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`, message: d.message, data: d.data,
  }));
}
const says = (written: string, label: string) => `"${written}" is unfilled template text (${label}): write what is true of your organization, or remove it.`;

test('policy-placeholder: each kind of template text is named in the message, and the data keeps it as written', async () => {
  const f = await exact(withText('[Company   Name] joins {{ org }} and <<Owner>>. TBD. FIXME now. Lorem ipsum.'));
  assert.deepEqual(f, [
    { at: 'policies/access.md:16:1-16:17', message: says('[Company Name]', 'bracketed placeholder'), data: { placeholder: '[Company   Name]' } },
    { at: 'policies/access.md:16:24-16:33', message: says('{{ org }}', 'template variable'), data: { placeholder: '{{ org }}' } },
    { at: 'policies/access.md:16:38-16:47', message: says('<<Owner>>', 'template variable'), data: { placeholder: '<<Owner>>' } },
    { at: 'policies/access.md:16:49-16:52', message: says('TBD', 'TBD'), data: { placeholder: 'TBD' } },
    { at: 'policies/access.md:16:54-16:59', message: says('FIXME', 'TODO'), data: { placeholder: 'FIXME' } },
    { at: 'policies/access.md:16:65-16:76', message: says('Lorem ipsum', 'lorem ipsum'), data: { placeholder: 'Lorem ipsum' } },
  ]);
});

test('policy-placeholder: words that only count in capitals are left alone in any other case', async () => {
  const f = await exact(withText('The [ACME CORP] team and [Acme Corp] staff; tbd, Tbd, todo, Fixme and TODO.'));
  assert.deepEqual(f.map((x) => `${x.at} ${x.message}`), [
    `policies/access.md:16:5-16:16 ${says('[ACME CORP]', 'bracketed placeholder')}`,
    `policies/access.md:16:71-16:75 ${says('TODO', 'TODO')}`,
  ]);
});

test('policy-placeholder: positions in a sentence that spans lines, with LF, CRLF and CR line ends', async () => {
  const text = 'Staff of\nthe [Company Name] firm and\n  all {{ org  name }} users sign in.';
  for (const [eol, name] of [['\n', 'LF'], ['\r\n', 'CRLF'], ['\r', 'CR']]) {
    const files = withText(text);
    files['policies/access.md'] = files['policies/access.md'].replace(/\n/g, eol);
    assert.deepEqual(await exact(files), [
      { at: 'policies/access.md:17:5-17:19', message: says('[Company Name]', 'bracketed placeholder'), data: { placeholder: '[Company Name]' } },
      { at: 'policies/access.md:18:7-18:22', message: says('{{ org name }}', 'template variable'), data: { placeholder: '{{ org  name }}' } },
    ], name);
  }
});

const stub = (body: string, criteria = 'criteria: [CC9.1, A1.2]\n') => ({
  ...baseRepo(),
  'policies/bc.md': `---\nid: POL-BC\ntitle: Continuity Policy\nowner: alice@example.com\n${criteria}---\n# Continuity Policy\n\n${body}\n`,
});
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

test('policy-placeholder: a body under 30 words is a stub; headings and marks without letters do not count', async () => {
  // 29 words in three sentences, plus a dash; with the two heading words the file holds 31.
  const body29 = `${words(10)}. ${words(10)}. - ${words(9)}.`;
  const f = await exact(stub(body29));
  assert.deepEqual(f, [{
    at: 'policies/bc.md:7:1-7:20',
    message: 'Policy POL-BC is a stub (29 words of text) yet maps CC9.1, A1.2: those criteria count toward readiness with nothing behind them. Write the policy, or remove its criteria until it exists.',
    data: { words: 29, criteria: ['CC9.1', 'A1.2'] },
  }]);
  // 30 words, split over sentences, are a policy.
  assert.deepEqual(await exact(stub(`${words(10)}. ${words(10)}. ${words(10)}.`)), []);
});

test('policy-placeholder: a one-word stub mapping no criteria says so in the singular, with no claim', async () => {
  assert.deepEqual(await exact(stub('Draft.', 'controls: [AC-01]\n')), [{
    at: 'policies/bc.md:7:1-7:20',
    message: 'Policy POL-BC is a stub (1 word of text). Write the policy, or remove its criteria until it exists.',
    data: { words: 1, criteria: [] },
  }]);
});

test('policy-placeholder says nothing on a policy too large to read', async () => {
  const files = edit(withText(`TODO ${'x'.repeat(3000)}`), 'soc2.yaml', 'scope:', 'limits:\n  max_file_bytes: 2000\nscope:');
  assert.deepEqual((await diagnose(files)).filter((d) => d.file === 'policies/access.md').map((d) => d.code), ['file-too-large']);
});
