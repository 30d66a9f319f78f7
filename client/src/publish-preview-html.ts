/**
 * The frame of the "Preview Published Policy" webview. The body comes from the language server already
 * rendered and sanitised by the publishing code (server/src/publish); the title is escaped here. No script
 * at all, and a CSP that allows only the one inline stylesheet carrying this nonce.
 */
import { STYLESHEET } from '../../server/src/publish/style';
import { esc } from '../../server/src/publish/html';
import type { PublishPreviewResult } from '../../server/src/lsp/protocol';

/** Webview-only adjustments: the editor's colours and width, since the published stylesheet targets paper and browsers. */
const PREVIEW_CSS = 'body{background:var(--vscode-editor-background);color:var(--vscode-editor-foreground)}main{max-width:900px}a{color:var(--vscode-textLink-foreground)}th,.meta th{background:var(--vscode-editorWidget-background);color:inherit}code,pre{background:var(--vscode-textCodeBlock-background);color:inherit}';

export function previewCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
}

export function renderPreviewHtml(state: { result?: PublishPreviewResult | null; message?: string }, nonce: string): string {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(nonce)) throw new Error('invalid nonce');
  const body = state.result ? state.result.html : `<p class="note">${esc(state.message ?? 'Open a policy (a Markdown file under policies/) to preview it as it will be published.')}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${previewCsp(nonce)}">
<title>${esc(state.result?.title ?? 'Published policy')}</title>
<style nonce="${nonce}">${STYLESHEET}${PREVIEW_CSS}</style>
</head>
<body>
<main>
<article class="policy-page">
${body}
</article>
</main>
</body>
</html>
`;
}
