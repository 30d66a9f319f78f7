/** "SOC 2: Brief Owner…": picks an owner and opens their briefing (`soc2/brief`) as a Markdown preview. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BriefRequest, type BriefResult } from '../../server/src/lsp/protocol';

export async function briefOwner(client: LanguageClient | undefined, owner?: string): Promise<void> {
  if (!client) { void vscode.window.showErrorMessage('SOC 2: the language server is not running.'); return; }
  let who = owner;
  if (!who) {
    const { owners } = await client.sendRequest<BriefResult>(BriefRequest, { owner: '' });
    if (!owners.length) { void vscode.window.showInformationMessage('SOC 2: no policy, control or risk names an owner yet.'); return; }
    who = await vscode.window.showQuickPick(owners, { title: 'SOC 2: Brief Owner — whose briefing?' });
    if (!who) return;
  }
  const { markdown } = await client.sendRequest<BriefResult>(BriefRequest, { owner: who });
  const doc = await vscode.workspace.openTextDocument({ content: markdown, language: 'markdown' });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  } catch {
    // Without the built-in Markdown extension, the text itself is the briefing.
    await vscode.window.showTextDocument(doc, { preview: false });
  }
}
