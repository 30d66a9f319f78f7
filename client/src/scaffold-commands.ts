/**
 * "SOC 2: Initialize Compliance Repo", "SOC 2: New Policy from Template" and "SOC 2: New Control from
 * Snippet". The texts come from the same pure scaffold module as `soc2 init` (bundled, never read from
 * disk); these commands only ask the questions and write. None of them ever replaces an existing file.
 */
import * as vscode from 'vscode';
import { CONTROL_AREAS, fillPolicy, scaffold } from '../../server/src/scaffold/scaffold';
import { BUNDLED_TEMPLATES } from '../../server/src/scaffold/templates.generated';
import { DEFAULT_OWNER, defaultPeriod, parseCategories, parsePeriod } from '../../server/src/scaffold/options';
import type { PolicyTemplate, ScaffoldOptions } from '../../server/src/scaffold/types';
import { TSC_2017 } from '../../server/src/catalog/tsc2017';
import { CONFIG_FILE, DEFAULT_PATHS, parseConfig } from '../../server/src/engine/parse-config';
import { parseControls } from '../../server/src/engine/parse-controls';
import { todayFromClock } from '../../server/src/engine/dates';
import { prefixOf } from '../../server/src/engine/ids';
import controlSnippetFile from '../../snippets/controls.code-snippets.json';
import { appendControlSnippet, checkNewFileName, writeOutcome } from './scaffold-text';

interface ControlSnippet { id: string; title: string; criteria: string; body: string }

/** The library's control snippets (the `soc2-controls-file` starter is not one control, so it is left out). */
const CONTROL_SNIPPETS: ControlSnippet[] = Object.values(controlSnippetFile as Record<string, { prefix: string[]; body: string[]; description: string }>)
  .filter((s) => s.prefix.some((p) => p.startsWith('soc2-control-')))
  .map((s) => {
    const m = /^(.*) \(([^;]+); (.*)\)$/.exec(s.description);
    return { id: m?.[2] ?? s.prefix[1] ?? s.prefix[0], title: m?.[1] ?? s.description, criteria: m?.[3] ?? '', body: s.body.join('\n') };
  });

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try { return decoder.decode(await vscode.workspace.fs.readFile(uri)); } catch { return undefined; }
}

/**
 * Writes a file only when nothing is at its path. workspace.fs has no exclusive create, so the check is
 * made immediately before each write; a file that appears in between is the only case not caught.
 */
async function writeNew(uri: vscode.Uri, text: string): Promise<'wrote' | 'skipped'> {
  if (await exists(uri)) return 'skipped';
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  return 'wrote';
}

function message(err: unknown): string { return err instanceof Error ? err.message : String(err); }

// ---- which repo --------------------------------------------------------------------------------

async function complianceRoots(): Promise<vscode.Uri[]> {
  const configs = await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '**/node_modules/**', 50);
  return configs.map((u) => vscode.Uri.joinPath(u, '..')).sort((a, b) => a.path.localeCompare(b.path));
}

/** The compliance repo a new file goes into; offers to initialize one when the workspace has none. */
async function pickRoot(title: string): Promise<vscode.Uri | undefined> {
  const roots = await complianceRoots();
  if (roots.length === 1) return roots[0];
  if (!roots.length) {
    const init = 'Initialize Compliance Repo';
    const answer = await vscode.window.showWarningMessage('SOC 2: this workspace has no soc2.yaml yet. Initialize a compliance repo first?', init);
    if (answer === init) await vscode.commands.executeCommand('soc2.initRepo');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(roots.map((root) => ({ label: vscode.workspace.asRelativePath(root, true), root })), { title });
  return picked?.root;
}

async function repoConfig(root: vscode.Uri) {
  const text = await readText(vscode.Uri.joinPath(root, CONFIG_FILE));
  return text === undefined ? undefined : parseConfig(CONFIG_FILE, text).config;
}

/** Control ids already in the repo, with the file each is in, read with the engine's own parser. */
async function existingControls(root: vscode.Uri): Promise<Map<string, string>> {
  const globs = (await repoConfig(root))?.paths.controls ?? DEFAULT_PATHS.controls;
  const ids = new Map<string, string>();
  for (const glob of globs) {
    for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(root, glob.replace(/^\.\//, '')), '**/node_modules/**')) {
      const text = await readText(uri);
      const rel = vscode.workspace.asRelativePath(uri, false);
      if (text !== undefined) for (const c of parseControls(rel, text).controls) if (!ids.has(c.id)) ids.set(c.id, rel);
    }
  }
  return ids;
}

// ---- SOC 2: Initialize Compliance Repo ---------------------------------------------------------

async function targetFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Initialize the compliance repo in which folder?' }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Initialize Here', title: 'Folder for the compliance repo' });
  return picked?.[0];
}

const STEPS = 6;
const step = (n: number, what: string) => `Initialize Compliance Repo (${n}/${STEPS}): ${what}`;

/** Asks the init questions in order; undefined as soon as the user cancels one. */
async function askOptions(folder: vscode.Uri, today: string): Promise<ScaffoldOptions | undefined> {
  const type = await vscode.window.showQuickPick([
    { label: 'Type 2', description: 'controls operating over an observation period (what most customers ask for)', type: 2 as const },
    { label: 'Type 1', description: 'controls designed and in place on one date', type: 1 as const },
  ], { title: step(1, 'report type'), ignoreFocusOut: true });
  if (!type) return undefined;

  let period: ScaffoldOptions['period'];
  if (type.type === 2) {
    const d = defaultPeriod(today);
    const text = await vscode.window.showInputBox({
      title: step(2, 'observation period'), prompt: 'START..END, dates YYYY-MM-DD (default: the six months from next month)',
      value: `${d.start}..${d.end}`, ignoreFocusOut: true,
      validateInput: (v) => { const p = parsePeriod(v); return typeof p === 'string' ? p : undefined; },
    });
    if (text === undefined) return undefined;
    const p = parsePeriod(text);
    if (typeof p === 'string') return undefined;
    period = p;
  }

  const picked = await vscode.window.showQuickPick(TSC_2017.categories.map((c) => ({
    label: c.name, id: c.id, picked: c.id === 'security',
    description: c.id === 'security' ? 'always in scope' : undefined, detail: c.description,
  })), { title: step(3, 'Trust Services categories in scope'), canPickMany: true, ignoreFocusOut: true });
  if (!picked) return undefined;
  const categories = parseCategories(picked.map((p) => p.id));
  if (typeof categories === 'string') return undefined;

  const organization = await vscode.window.showInputBox({
    title: step(4, 'organization'), prompt: 'Legal name of the organization being audited', value: folder.path.split('/').pop() ?? '',
    ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Give the organization name.'),
  });
  if (organization === undefined) return undefined;

  const owner = await vscode.window.showInputBox({
    title: step(5, 'owner'), prompt: 'Who owns the policies and controls until you assign each one (a person or a role)',
    value: DEFAULT_OWNER, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Give a person or a role.'),
  });
  if (owner === undefined) return undefined;

  const templates = await vscode.window.showQuickPick(BUNDLED_TEMPLATES.policies.map((t) => ({
    label: t.title, description: t.id, detail: `Controls: ${t.controls.join(', ')}`, picked: true, name: t.name,
  })), { title: step(6, 'policy templates (each brings the controls it names, as planned)'), canPickMany: true, ignoreFocusOut: true });
  if (!templates) return undefined;

  return { organization: organization.trim(), reportType: type.type, period, categories, owner: owner.trim(), today, templates: templates.map((t) => t.name) };
}

async function initRepo(): Promise<void> {
  const folder = await targetFolder();
  if (!folder) return;
  const options = await askOptions(folder, todayFromClock());
  if (!options) return;
  const wrote: string[] = [], skipped: string[] = [], failed: string[] = [];
  for (const [rel, text] of scaffold(options)) {
    try {
      (await writeNew(vscode.Uri.joinPath(folder, ...rel.split('/')), text)) === 'wrote' ? wrote.push(rel) : skipped.push(rel);
    } catch (err) {
      failed.push(`${rel} (${message(err)})`);
    }
  }
  const inWorkspace = !!vscode.workspace.getWorkspaceFolder(folder);
  const actions = inWorkspace ? ['Open soc2.yaml', 'Show Readiness Summary'] : ['Open Folder'];
  const show = failed.length ? vscode.window.showErrorMessage : skipped.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const answer = await show(`SOC 2: ${writeOutcome(wrote, skipped, failed)}`, ...actions);
  if (answer === 'Open soc2.yaml') await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, CONFIG_FILE));
  else if (answer === 'Show Readiness Summary') await vscode.commands.executeCommand('soc2.showSummary');
  else if (answer === 'Open Folder') await vscode.commands.executeCommand('vscode.openFolder', folder);
}

// ---- SOC 2: New Policy from Template -----------------------------------------------------------

async function newPolicy(): Promise<void> {
  const root = await pickRoot('New policy in which compliance repo?');
  if (!root) return;
  const template = await vscode.window.showQuickPick(BUNDLED_TEMPLATES.policies.map((t) => ({
    label: t.title, description: t.id, detail: `Controls: ${t.controls.join(', ')}`, template: t,
  })), { title: 'New Policy from Template', matchOnDescription: true, matchOnDetail: true });
  if (!template) return;
  const name = await vscode.window.showInputBox({
    title: 'New Policy from Template: file name', prompt: 'Path relative to the repo; an existing file is never replaced',
    value: `policies/${template.template.name}.md`, valueSelection: [9, 9 + template.template.name.length],
    validateInput: (v) => checkNewFileName(v, 'policies', ['.md']),
  });
  if (name === undefined) return;
  const rel = name.trim().replace(/\\/g, '/');
  const uri = vscode.Uri.joinPath(root, ...rel.split('/'));
  const config = await repoConfig(root);
  const text = fillPolicy(template.template, { organization: config?.organization ?? root.path.split('/').pop() ?? '', owner: DEFAULT_OWNER, today: todayFromClock() });
  try {
    if ((await writeNew(uri, text)) === 'skipped') {
      void vscode.window.showErrorMessage(`SOC 2: ${rel} already exists; it was not replaced. Choose another file name.`);
      return;
    }
  } catch (err) {
    void vscode.window.showErrorMessage(`SOC 2: could not write ${rel}: ${message(err)}`);
    return;
  }
  await vscode.window.showTextDocument(uri);
  await reportMissingControls(root, template.template);
}

/** The template names controls; those the repo lacks would be unknown references, so say which. */
async function reportMissingControls(root: vscode.Uri, template: PolicyTemplate): Promise<void> {
  const have = await existingControls(root);
  const missing = template.controls.filter((id) => !have.has(id));
  if (!missing.length) return;
  const add = 'New Control from Snippet';
  const answer = await vscode.window.showInformationMessage(
    `SOC 2: ${template.id} names controls this repo does not have yet: ${missing.join(', ')}. Add each from its snippet, or remove it from the policy.`, add);
  if (answer === add) await vscode.commands.executeCommand('soc2.newControl');
}

// ---- SOC 2: New Control from Snippet -----------------------------------------------------------

const NEW_FILE = '$(new-file) New controls file…';

async function newControl(): Promise<void> {
  const root = await pickRoot('New control in which compliance repo?');
  if (!root) return;
  const have = await existingControls(root);
  const snippet = await vscode.window.showQuickPick(CONTROL_SNIPPETS.map((s) => ({
    label: `${s.id} ${s.title}`, description: have.has(s.id) ? `already in ${have.get(s.id)}` : s.criteria, snippet: s,
  })), { title: 'New Control from Snippet', matchOnDescription: true });
  if (!snippet) return;

  const controlsFiles = [...new Set(have.values())].sort();
  const area = CONTROL_AREAS[prefixOf(snippet.snippet.id)]?.file ?? prefixOf(snippet.snippet.id).toLowerCase();
  const suggested = `controls/${area}.yaml`;
  const target = await vscode.window.showQuickPick([
    ...controlsFiles.map((f) => ({ label: f, description: f === suggested ? 'suggested' : undefined })),
    { label: NEW_FILE, description: controlsFiles.includes(suggested) ? undefined : suggested },
  ], { title: `Add ${snippet.snippet.id} to which controls file?` });
  if (!target) return;

  let uri: vscode.Uri;
  if (target.label === NEW_FILE) {
    const name = await vscode.window.showInputBox({
      title: 'New controls file', prompt: 'Path relative to the repo; an existing file is never replaced',
      value: controlsFiles.includes(suggested) ? `controls/${area}-2.yaml` : suggested,
      validateInput: (v) => checkNewFileName(v, 'controls', ['.yaml', '.yml']),
    });
    if (name === undefined) return;
    const rel = name.trim().replace(/\\/g, '/');
    uri = vscode.Uri.joinPath(root, ...rel.split('/'));
    if ((await writeNew(uri, '')) === 'skipped') {
      void vscode.window.showErrorMessage(`SOC 2: ${rel} already exists; pick it from the list to add the control to it.`);
      return;
    }
  } else {
    uri = vscode.Uri.joinPath(root, ...target.label.split('/'));
  }

  const editor = await vscode.window.showTextDocument(uri);
  const doc = editor.document;
  const fitted = appendControlSnippet(doc.getText(), snippet.snippet.body);
  if ('error' in fitted) {
    void vscode.window.showErrorMessage(`SOC 2: cannot add ${snippet.snippet.id} to ${vscode.workspace.asRelativePath(uri)}: ${fitted.error}.`);
    return;
  }
  // A snippet takes on the indentation of the line it is inserted on; insert on an empty last line so the
  // indentation computed above is kept as it is.
  let text = fitted.snippet;
  const last = doc.lineAt(doc.lineCount - 1);
  if (last.text.length) {
    const nl = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    await editor.edit((b) => b.insert(last.range.end, nl), { undoStopBefore: true, undoStopAfter: false });
    text = text.startsWith(nl) ? text.slice(nl.length) : text;
  }
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  await editor.insertSnippet(new vscode.SnippetString(text), end, { undoStopBefore: !last.text.length, undoStopAfter: true });
}

export function registerScaffoldCommands(context: vscode.ExtensionContext): void {
  const guarded = (name: string, run: () => Promise<void>) => async () => {
    try { await run(); } catch (err) { void vscode.window.showErrorMessage(`SOC 2: ${name} failed: ${message(err)}`); }
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('soc2.initRepo', guarded('Initialize Compliance Repo', initRepo)),
    vscode.commands.registerCommand('soc2.newPolicy', guarded('New Policy from Template', newPolicy)),
    vscode.commands.registerCommand('soc2.newControl', guarded('New Control from Snippet', newControl)),
  );
}
