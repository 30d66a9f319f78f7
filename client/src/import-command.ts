/**
 * "SOC 2: Import…": asks for the kind of source, the source file(s) or folder and the target folder, then
 * runs the bundled CLI's `soc2 import` (the same code as on the command line, in a child process so the
 * Word and spreadsheet readers stay out of the extension host) and shows its report in a new document.
 */
import * as vscode from 'vscode';
import { fork } from 'node:child_process';

interface SourceKind { label: string; source: 'csv' | 'docx' | 'comply'; detail: string }

const KINDS: SourceKind[] = [
  { label: 'Control matrix (CSV or Excel)', source: 'csv', detail: 'One control per row: id, title, owner, frequency, criteria, status…' },
  { label: 'Word policies (.docx)', source: 'docx', detail: 'Each document becomes a Markdown policy with front matter' },
  { label: 'comply project', source: 'comply', detail: 'Policies, narratives and procedures of a comply repository' },
];

/** Runs `dist/cli.js` with the arguments and returns what it printed (stdout, then stderr) and its exit code. */
export function runBundledCli(cli: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = fork(cli, args, { cwd, silent: true, execArgv: [], env: { ...process.env, NO_COLOR: '1' } });
    let out = '', err = '';
    child.stdout?.on('data', (d: Buffer) => { out += d.toString('utf8'); });
    child.stderr?.on('data', (d: Buffer) => { err += d.toString('utf8'); });
    child.on('error', (e) => resolve({ code: 2, output: `${out}${err}${e.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 2, output: `${out}${err ? `\n${err}` : ''}` }));
  });
}

export async function importCommand(context: vscode.ExtensionContext): Promise<void> {
  const kind = await vscode.window.showQuickPick(KINDS, { title: 'SOC 2: Import — what do you bring in?' });
  if (!kind) return;
  const sources = await vscode.window.showOpenDialog({
    title: `SOC 2: Import — the ${kind.label}`,
    canSelectFiles: kind.source !== 'comply',
    canSelectFolders: kind.source === 'comply',
    canSelectMany: kind.source === 'docx',
    filters: kind.source === 'csv' ? { 'Control matrix': ['csv', 'xlsx'] } : kind.source === 'docx' ? { 'Word documents': ['docx'] } : undefined,
  });
  if (!sources?.length) return;
  const defaultTarget = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showOpenDialog({
    title: 'SOC 2: Import — the compliance repo to write into (existing files are never replaced)',
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: defaultTarget, openLabel: 'Import here',
  });
  if (!target?.[0]) return;
  const args = ['import', kind.source, ...sources.map((s) => s.fsPath), target[0].fsPath];
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `SOC 2: importing the ${kind.label}…` },
    () => runBundledCli(context.asAbsolutePath('dist/cli.js'), args, target[0].fsPath),
  );
  const doc = await vscode.workspace.openTextDocument({ content: result.output, language: 'plaintext' });
  await vscode.window.showTextDocument(doc, { preview: false });
  if (result.code === 2) void vscode.window.showErrorMessage('SOC 2: the import did not run; the report says why.');
}
