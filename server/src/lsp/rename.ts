import {
  ErrorCodes, LSPErrorCodes, ResponseError,
  type ChangeAnnotation, type ClientCapabilities, type Position, type RenameFile, type TextDocumentEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { joinPath } from '../engine/evidence';
import type { Range } from '../engine/text';
import type { FeatureContext } from './feature-context';
import { FileText } from './edits';
import { targetAt } from './locate';

/** A control id that prose mentions can still be found by (`AC-02`, `CM-1`, `IR-01A`): the engine's ID_TOKEN shape. */
const CONTROL_ID = /^[A-Z][A-Z0-9]{0,9}(?:-[A-Z][A-Z0-9]{0,9})*-\d{1,4}[A-Za-z]?$/;
/** A policy or risk id that stays one plain YAML string when written unquoted. */
const PLAIN_ID = /^[A-Za-z][A-Za-z0-9._-]*$/;
/** Plain words YAML reads as something other than text. */
const YAML_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n']);

/** The label the client shows before it renames evidence folders (LSP change annotations). */
const FOLDER_ANNOTATION = 'soc2.renameEvidenceFolder';

type Renamable = { kind: 'control' | 'policy' | 'risk'; id: string; range: Range };

/**
 * `textDocument/prepareRename`: the id under the cursor when it names a control, policy or risk that
 * exists; otherwise an error saying why, which clients show instead of a silent "cannot rename".
 */
export function prepareRename(ctx: FeatureContext, position: Position): { range: Range; placeholder: string } {
  const t = renamable(ctx, position);
  return { range: t.range, placeholder: t.id };
}

/**
 * `textDocument/rename` of a control, policy or risk id across the root: its definitions, the policies'
 * `controls:` lists and prose mentions (link texts and `#id` targets included), the controls' `policies:`
 * lists, the risks' `controls:` lists. Evidence folders named after a control id are renamed too, with
 * their `path:` values, when the client can ask the user to confirm (change annotations), and never otherwise.
 * Every edit replaces exactly the characters of the old id, so quotes, comments and line breaks stay.
 */
export function rename(ctx: FeatureContext, position: Position, newName: string, client: ClientCapabilities = {}): WorkspaceEdit {
  const target = renamable(ctx, position);
  const name = newName.trim();
  if (name === target.id) return {};
  refuseName(ctx, target, name);
  const spots = new Map<string, Range[]>();
  const add = (file: string, range: Range) => { const l = spots.get(file); if (l) l.push(range); else spots.set(file, [range]); };
  const { project } = ctx;
  if (target.kind === 'control') {
    for (const c of project.controls(target.id)) add(c.file, c.idRange);
    for (const p of project.allPolicies()) {
      for (const item of p.controls) if (item.value === target.id) add(p.file, item.range);
      for (const m of p.mentions) if (m.id === target.id) add(p.file, m.range);
    }
    for (const r of project.allRisks()) for (const item of r.controls) if (item.value === target.id) add(r.file, item.range);
  } else if (target.kind === 'policy') {
    for (const p of project.policies(target.id)) add(p.file, p.idRange);
    for (const c of project.allControls()) for (const item of c.policies) if (item.value === target.id) add(c.file, item.range);
    for (const p of project.allPolicies()) for (const range of proseMentions(ctx, p.file, p.frontMatterRange, target.id)) add(p.file, range);
  } else {
    for (const r of project.risks(target.id)) add(r.file, r.idRange);
  }

  const texts = new Map<string, FileText>();
  const edits = new Map<string, TextEdit[]>();
  for (const [file, ranges] of spots) {
    const text = file === ctx.path ? ctx.document.getText() : ctx.textOf(file);
    if (text === undefined) throw new ResponseError(ErrorCodes.InternalError, `soc2: cannot read ${file} to rename ${target.id} there.`);
    const f = new FileText(file, text);
    texts.set(file, f);
    const list: TextEdit[] = [];
    const seen = new Set<string>();
    for (const range of ranges) {
      const edit = exactly(f, range, target.id, name);
      if (!edit) throw new ResponseError(LSPErrorCodes.ContentModified, `soc2: ${file} changed since it was read; try the rename again.`);
      const key = `${edit.range.start.line}:${edit.range.start.character}`;
      if (!seen.has(key)) { seen.add(key); list.push(edit); }
    }
    edits.set(file, list);
  }

  const folders = target.kind === 'control' ? evidenceFolders(ctx, target.id, name) : [];
  const canConfirm = !!client.workspace?.workspaceEdit?.changeAnnotationSupport
    && !!client.workspace.workspaceEdit.resourceOperations?.includes('rename') && !!client.workspace.workspaceEdit.documentChanges;
  if (!folders.length || !canConfirm) {
    if (client.workspace?.workspaceEdit?.documentChanges) {
      return { documentChanges: [...edits].map(([file, list]) => docEdit(ctx, file, list)) };
    }
    return { changes: Object.fromEntries([...edits].map(([file, list]) => [ctx.root.uriOf(file), list])) };
  }
  // With folders: the `path:` edits and the folder renames carry an annotation the user confirms.
  const annotated = new Map<string, TextEdit[]>();
  for (const folder of folders) {
    const text = folder.file === ctx.path ? ctx.document.getText() : ctx.textOf(folder.file);
    const f = text === undefined ? undefined : texts.get(folder.file) ?? new FileText(folder.file, text);
    const edit = f && exactly(f, folder.range, folder.oldValue, folder.newValue);
    if (!edit) continue;
    const list = annotated.get(folder.file) ?? [];
    list.push({ ...edit, annotationId: FOLDER_ANNOTATION } as TextEdit);
    annotated.set(folder.file, list);
  }
  const files = new Set([...edits.keys(), ...annotated.keys()]);
  const renames: RenameFile[] = [...new Set(folders.map((f) => `${f.from}\0${f.to}`))].map((pair) => {
    const [from, to] = pair.split('\0');
    return { kind: 'rename', oldUri: ctx.root.uriOf(from), newUri: ctx.root.uriOf(to), options: { overwrite: false, ignoreIfExists: false }, annotationId: FOLDER_ANNOTATION };
  });
  const annotation: ChangeAnnotation = {
    label: `Rename evidence folder${renames.length > 1 ? 's' : ''} of ${target.id}`,
    description: folders.map((f) => `${f.from} → ${f.to}`).filter((v, i, a) => a.indexOf(v) === i).join(', '),
    needsConfirmation: true,
  };
  return {
    documentChanges: [...[...files].map((file) => docEdit(ctx, file, [...(edits.get(file) ?? []), ...(annotated.get(file) ?? [])])), ...renames],
    changeAnnotations: { [FOLDER_ANNOTATION]: annotation },
  };
}

function docEdit(ctx: FeatureContext, file: string, edits: TextEdit[]): TextDocumentEdit {
  const uri = ctx.root.uriOf(file);
  return { textDocument: { uri, version: file === ctx.path ? ctx.document.version : null }, edits };
}

/** The target of a rename at a position, or the reason there is none. */
function renamable(ctx: FeatureContext, position: Position): Renamable {
  const t = targetAt(ctx, position);
  if (!t || t.kind === 'criterion') {
    throw new ResponseError(ErrorCodes.InvalidRequest, t ? `soc2: ${t.id} is a Trust Services criterion; criteria ids are fixed and cannot be renamed.` : 'soc2: only a control, policy or risk id can be renamed.');
  }
  // Vendor ids are referenced from controls, exclusions and the description; rename does not follow them yet.
  if (t.kind === 'vendor') throw new ResponseError(ErrorCodes.InvalidRequest, `soc2: renaming a vendor id is not supported yet; change ${t.id} by hand where the register, controls and soc2.yaml name it.`);
  const exists = t.kind === 'control' ? ctx.project.controls(t.id).length : t.kind === 'policy' ? ctx.project.policies(t.id).length : ctx.project.risks(t.id).length;
  if (!exists) throw new ResponseError(ErrorCodes.InvalidRequest, `soc2: no ${t.kind} ${t.id} exists to rename.`);
  return { kind: t.kind, id: t.id, range: t.range };
}

function refuseName(ctx: FeatureContext, target: Renamable, name: string): void {
  const refuse = (why: string) => { throw new ResponseError(ErrorCodes.InvalidParams, `soc2: cannot rename ${target.id} to "${name}": ${why}`); };
  if (target.kind === 'control' && !CONTROL_ID.test(name)) refuse('a control id is an upper-case prefix, a hyphen and a number (AC-02, CM-1), so policies that mention it are still understood.');
  if (!PLAIN_ID.test(name) || YAML_WORDS.has(name.toLowerCase())) refuse('an id starts with a letter and holds only letters, digits, `.`, `_` and `-`.');
  const { project } = ctx;
  const taken = target.kind === 'control' ? project.controls(name).length : target.kind === 'policy' ? project.policies(name).length : project.risks(name).length;
  if (taken) refuse(`${target.kind} ${name} already exists; renaming onto it would merge two ${target.kind === 'policy' ? 'policies' : `${target.kind}s`}.`);
}

/** An edit replacing `oldId` inside the range (plain, quoted, or `#id` in a link), or undefined when it is not there. */
function exactly(f: FileText, range: Range, oldId: string, newId: string): TextEdit | undefined {
  const raw = f.at(range);
  const at = raw.indexOf(oldId);
  if (at < 0 || raw.indexOf(oldId, at + 1) >= 0 || raw.replace(/^["']|["']$/g, '') !== oldId && raw !== oldId) return undefined;
  const start = f.lines.offset(range.start) + at;
  return { range: f.lines.range(start, start + oldId.length), newText: newId };
}

/** Whole-word occurrences of a policy id in a policy's body (after its front matter). */
function proseMentions(ctx: FeatureContext, file: string, frontMatter: Range, id: string): Range[] {
  const text = file === ctx.path ? ctx.document.getText() : ctx.textOf(file);
  if (text === undefined || !text.includes(id)) return [];
  const f = new FileText(file, text);
  const from = f.lines.offset(frontMatter.end);
  const re = new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
  const out: Range[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(f.lines.range(m.index, m.index + id.length));
  return out;
}

/**
 * Evidence items of the control whose `path:` is exactly the control id (or its lower case) and names a
 * folder that exists: that folder is renamed with the id, unless the new name is taken.
 */
function evidenceFolders(ctx: FeatureContext, oldId: string, newId: string): { file: string; range: Range; oldValue: string; newValue: string; from: string; to: string }[] {
  const out: { file: string; range: Range; oldValue: string; newValue: string; from: string; to: string }[] = [];
  const root = ctx.project.config.paths.evidence;
  for (const c of ctx.project.controls(oldId)) {
    for (const e of c.evidence) {
      const value = e.path?.value;
      if (!e.path || (value !== oldId && value !== oldId.toLowerCase())) continue;
      const next = value === oldId ? newId : newId.toLowerCase();
      const from = joinPath(root, value), to = joinPath(root, next);
      const files = ctx.project.evidenceFiles.under(from);
      if (!files.length || files[0] === from || ctx.project.evidenceFiles.under(to).length) continue;
      out.push({ file: c.file, range: e.path.range, oldValue: value, newValue: next, from, to });
    }
  }
  return out;
}
