/**
 * The editor's "Preview Published Policy": the language server renders the open policy from its unsaved text
 * with the publishing code (same header block, same sanitising), with its git revision history in a trusted
 * workspace; the webview frame has no script and a nonce-only CSP. Run `npm run build` first.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../lsp-client';
import { baseRepo, TODAY } from '../helpers';
import { commitFiles, initRepo, removeDir, tempDir } from '../git-helpers';
import { PublishPreviewRequest, type PublishPreviewResult } from '../../server/src/lsp/protocol';
import { renderPreviewHtml } from '../../client/src/publish-preview-html';
import { XSS_PAYLOADS } from '../hostile-fixture';
import { elementsOf } from './site-helpers';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));
const POLICY = 'policies/access.md';

test('the server previews the open policy from its unsaved text, sanitised, with its revision history', async () => {
  const dir = tempDir('soc2-preview-'); dirs.push(dir);
  initRepo(dir);
  const sha = commitFiles(dir, baseRepo(), '2026-02-01', 'Adopt the access policy');
  const client = await LspClient.start({ folders: [dir], initializationOptions: { today: TODAY, debounceMs: 0, trusted: true } });
  try {
    await client.indexed;
    const uri = pathToFileURL(join(dir, POLICY)).href;
    const text = readFileSync(join(dir, POLICY), 'utf8');
    client.open(uri, text);
    const first = await client.connection.sendRequest<PublishPreviewResult | null>(PublishPreviewRequest, { uri });
    assert.equal(first?.title, 'Access Control Policy');
    const els = elementsOf(first!.html);
    assert.ok(els.some((e) => e.tag === 'th' && e.text === 'Next review'), 'the header block');
    const history = els.find((e) => e.tag === 'section' && e.attrs.class === 'history')!;
    assert.ok(history.text.includes('Adopt the access policy') && history.text.includes(sha.slice(0, 12)), history.text);

    // Live: an unsaved edit with a payload shows at once, as text.
    client.change(uri, [{ text: `${text}\n${XSS_PAYLOADS.script} [x](javascript:alert(9))\n\nSee AC-01.\n` }]);
    const second = await client.connection.sendRequest<PublishPreviewResult | null>(PublishPreviewRequest, { uri });
    const after = elementsOf(second!.html);
    assert.ok(!after.some((e) => e.tag === 'script'), 'no script element');
    assert.ok(after.find((e) => e.attrs.class === 'policy-body')!.text.includes('<script>alert(1)</script>'), 'the payload is shown as text');
    assert.ok(!after.some((e) => /javascript:/i.test(e.attrs.href ?? '')), 'no javascript: link');
    assert.ok(after.some((e) => e.tag === 'a' && e.attrs.href === 'controls.html#control-AC-01'), 'control ids link as in the site');
    assert.match(history.text + after.find((e) => e.attrs.class === 'history')!.text, /not committed yet/);

    const soc2 = pathToFileURL(join(dir, 'soc2.yaml')).href;
    client.open(soc2, readFileSync(join(dir, 'soc2.yaml'), 'utf8'));
    assert.equal(await client.connection.sendRequest(PublishPreviewRequest, { uri: soc2 }), null, 'not a policy');
  } finally {
    await client.stop();
  }
});

test('the preview frame runs no script and allows only its own nonce-tagged style', () => {
  const html = renderPreviewHtml({ result: { title: XSS_PAYLOADS.img, html: '<p>body</p>' } }, 'Nonce0123456789abcdef');
  const els = elementsOf(html);
  assert.deepEqual(els.filter((e) => e.tag === 'script'), []);
  assert.equal(els.find((e) => e.tag === 'meta' && e.attrs['http-equiv'])?.attrs.content, "default-src 'none'; style-src 'nonce-Nonce0123456789abcdef'; base-uri 'none'; form-action 'none'");
  assert.equal(els.find((e) => e.tag === 'title')?.text, XSS_PAYLOADS.img);
  assert.deepEqual(els.filter((e) => e.tag === 'style').map((e) => e.attrs.nonce), ['Nonce0123456789abcdef']);
  assert.throws(() => renderPreviewHtml({}, 'bad nonce"'), /invalid nonce/);
  assert.match(renderPreviewHtml({ message: '<b>not a policy</b>' }, 'Nonce0123456789abcdef'), /&#60;b&#62;not a policy/);
});
