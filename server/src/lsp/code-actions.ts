import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { toIso } from '../engine/dates';
import { prefixOf } from '../engine/ids';
import { ZERO_RANGE } from '../engine/text';
import type { Control, Policy } from '../engine/model';
import { FREQUENCY_BY_ID } from '../catalog/vocabulary';
import type { FeatureContext } from './feature-context';
import { vendorFixes } from './vendor-fixes';
import { addKeyToControl, addKeyToFrontMatter, appendControl, appendToList, FileText, holds, replaceScalar } from './edits';

/**
 * Quick fixes, keyed on the engine's diagnostic codes and the `data` the checks attach. Every edit is
 * minimal (see edits.ts); an action whose target text is not where the index says is not offered.
 */
export function codeActions(ctx: FeatureContext, _range: Range, context: CodeActionContext): CodeAction[] {
  const out: CodeAction[] = [];
  // Every action here is a quick fix; a client asking only for other kinds (source actions on save) gets none.
  if (context.only?.length && !context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return out;
  const here = new FileText(ctx.path, ctx.document.getText());
  for (const d of context.diagnostics) {
    if (d.source !== undefined && d.source !== 'soc2') continue;
    const data = (d.data ?? {}) as Record<string, unknown>;
    try {
      switch (d.code) {
        case 'unknown-criterion': out.push(...replaceCriterion(ctx, here, d, data)); break;
        case 'stale-review': case 'review-due-soon': push(out, markReviewed(ctx, here, d)); break;
        case 'missing-review-date': push(out, addReviewDate(ctx, here, d)); break;
        case 'unknown-reference': push(out, data.kind === 'policy' ? stubPolicy(ctx, d) : stubControl(ctx, d, data)); break;
        case 'risk-unknown-control': push(out, stubRiskControl(ctx, d, data)); break;
        case 'one-sided-link': push(out, backLink(ctx, d, data)); break;
        case 'frequency-mismatch': out.push(...alignFrequency(ctx, here, d, data)); break;
        case 'owner-departed': case 'unknown-owner': out.push(...reassignOwner(ctx, here, d, data)); break;
        case 'vendor-assurance-stale': case 'vendor-assurance-gap': case 'subservice-without-csocs': out.push(...vendorFixes(ctx, here, d)); break;
      }
    } catch {
      // A malformed `data` from an older server or another client must not break the light bulb.
    }
  }
  return out;
}

function push(out: CodeAction[], a: CodeAction | undefined): void { if (a) out.push(a); }

/** A departed owner: reassign to a colleague of the same role or team; an unknown one: the nearest person. */
function reassignOwner(ctx: FeatureContext, f: FileText, d: Diagnostic, data: Record<string, unknown>): CodeAction[] {
  const candidates = Array.isArray(data.candidates) ? data.candidates : typeof data.suggestion === 'string' ? [data.suggestion] : [];
  const verb = d.code === 'owner-departed' ? 'Reassign to' : 'Replace with';
  return candidates.filter((c): c is string => typeof c === 'string' && c.trim() !== '')
    .map((who, i) => action(`${verb} ${who}`, d, editOf(ctx, ctx.path, [replaceScalar(f, d.range, who)]), candidates.length === 1 && i === 0));
}

function action(title: string, d: Diagnostic, edit: WorkspaceEdit, preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit, ...(preferred ? { isPreferred: true } : {}) };
}

function editOf(ctx: FeatureContext, path: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [ctx.root.uriOf(path)]: edits } };
}

function otherFile(ctx: FeatureContext, path: string): FileText | undefined {
  const text = path === ctx.path ? ctx.document.getText() : ctx.textOf(path);
  return text === undefined ? undefined : new FileText(path, text);
}

// ---- criteria and reviews -----------------------------------------------------------------------

function replaceCriterion(ctx: FeatureContext, f: FileText, d: Diagnostic, data: Record<string, unknown>): CodeAction[] {
  const suggestions = Array.isArray(data.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  return suggestions.flatMap((id) => {
    const c = ctx.project.catalog.get(id);
    if (!c) return [];
    const summary = c.summary.length > 60 ? `${c.summary.slice(0, 59).trimEnd()}…` : c.summary;
    return [action(`Replace with ${id} (${summary})`, d, editOf(ctx, ctx.path, [replaceScalar(f, d.range, id)]), suggestions.length === 1)];
  });
}

function markReviewed(ctx: FeatureContext, f: FileText, d: Diagnostic): CodeAction | undefined {
  const today = toIso(ctx.project.today);
  if (!/^["']?\d{4}-\d{2}-\d{2}["']?$/.test(f.at(d.range))) return undefined;
  return action(`Mark as reviewed today (last_reviewed: ${today})`, d, editOf(ctx, ctx.path, [replaceScalar(f, d.range, today)]));
}

function addReviewDate(ctx: FeatureContext, f: FileText, d: Diagnostic): CodeAction | undefined {
  const today = toIso(ctx.project.today);
  const model = ctx.project.file(ctx.path);
  const control = model?.controls.find((c) => sameRange(c.idRange, d.range));
  const policy = model?.policy && sameRange(model.policy.idRange, d.range) ? model.policy : undefined;
  const edit = control ? addKeyToControl(f, control, 'last_reviewed', today) : policy ? addKeyToFrontMatter(f, policy, 'last_reviewed', today) : undefined;
  return edit && action(`Add last_reviewed: ${today} (reviewed today)`, d, editOf(ctx, ctx.path, [edit]));
}

// ---- references -----------------------------------------------------------------------------------

/** A stub for a control a policy names: appended beside controls with the same id prefix, else in a new file. */
function stubControl(ctx: FeatureContext, d: Diagnostic, data: Record<string, unknown>): CodeAction | undefined {
  const id = typeof data.id === 'string' ? data.id : undefined;
  const policy = ctx.project.file(ctx.path)?.policy;
  if (!id || !policy || ctx.project.controls(id).length) return undefined;
  const frequency = statedFrequency(policy, id);
  const fields = [`id: ${id}`, 'title: ""', 'owner: ""', ...(frequency ? [`frequency: ${frequency}`] : []), 'status: planned', 'criteria: []', `policies: [${policy.id}]`];
  return placeControlStub(ctx, d, id, fields);
}

/** A stub for a control a risk lists, mapping the risk's known criteria; placed as the policy's stub is. */
function stubRiskControl(ctx: FeatureContext, d: Diagnostic, data: Record<string, unknown>): CodeAction | undefined {
  const id = typeof data.id === 'string' ? data.id : undefined;
  const risk = ctx.project.file(ctx.path)?.risks?.find((r) => r.controls.some((c) => c.value === id && sameRange(c.range, d.range)));
  if (!id || !risk || ctx.project.controls(id).length) return undefined;
  const criteria = [...new Set(risk.criteria.map((c) => c.value).filter((c) => ctx.project.catalog.get(c)))];
  const fields = [`id: ${id}`, 'title: ""', 'owner: ""', 'status: planned', `criteria: [${criteria.join(', ')}]`];
  return placeControlStub(ctx, d, id, fields);
}

/** Appends a stub control beside the controls with the id's prefix (the file with most of them), else in a new file. */
function placeControlStub(ctx: FeatureContext, d: Diagnostic, id: string, fields: string[]): CodeAction | undefined {
  const byFile = new Map<string, Control[]>();
  for (const c of ctx.project.allControls()) if (prefixOf(c.id) === prefixOf(id)) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  const best = [...byFile].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))[0];
  if (best) {
    const f = otherFile(ctx, best[0]);
    if (!f || !best[1].every((c) => holds(f, c.idRange, c.id))) return undefined;
    const model = ctx.project.file(best[0]);
    const edit = appendControl(f, model?.controls ?? best[1], fields);
    return edit && action(`Create control ${id} in ${best[0]}`, d, editOf(ctx, best[0], [edit]), true);
  }
  const path = newFilePath(ctx, ctx.project.config.paths.controls, prefixOf(id).toLowerCase(), '.yaml');
  if (!path || ctx.project.kindOf(path) !== 'controls') return undefined;
  const text = `controls:\n  - ${fields[0]}\n${fields.slice(1).map((l) => `    ${l}\n`).join('')}`;
  return action(`Create control ${id} in new file ${path}`, d, createFile(ctx, path, text), true);
}

/** A stub policy for a policy id a control names, listing the control back. */
function stubPolicy(ctx: FeatureContext, d: Diagnostic): CodeAction | undefined {
  const control = ctx.project.file(ctx.path)?.controls.find((c) => c.policies.some((p) => sameRange(p.range, d.range)));
  const id = control?.policies.find((p) => sameRange(p.range, d.range))?.value;
  if (!control || !id || ctx.project.policies(id).length) return undefined;
  const path = newFilePath(ctx, ctx.project.config.paths.policies, id.toLowerCase(), '.md');
  if (!path || ctx.project.kindOf(path) !== 'policy') return undefined;
  const text = `---\nid: ${id}\ntitle: ""\nowner: ""\ncontrols: [${control.id}]\n---\n\n# ${id}\n`;
  return action(`Create policy ${id} in new file ${path}`, d, createFile(ctx, path, text), true);
}

/** The one frequency the policy states in a sentence naming the control, if exactly one. */
function statedFrequency(policy: Policy, id: string): string | undefined {
  for (const m of policy.mentions) {
    if (m.id !== id) continue;
    const stated = new Set(policy.sentences[m.sentence]?.frequencies.map((f) => f.frequency));
    if (stated.size === 1) return [...stated][0];
  }
  return undefined;
}

/** `controls/<name>.yaml` under the folder the configured glob starts with; undefined if the file exists. */
function newFilePath(ctx: FeatureContext, globs: readonly string[], name: string, ext: string): string | undefined {
  const glob = (globs[0] ?? '').replace(/^\.\//, '');
  const parts = glob.split('/');
  const cut = parts.findIndex((s) => /[*?[{]/.test(s));
  const folder = (cut < 0 ? parts.slice(0, -1) : parts.slice(0, cut)).join('/');
  const extension = /\.yml$/.test(glob) ? '.yml' : ext;
  const path = `${folder ? `${folder}/` : ''}${name}${extension}`;
  if (ctx.project.file(path) || ctx.textOf(path) !== undefined) return undefined;
  return path;
}

function createFile(ctx: FeatureContext, path: string, text: string): WorkspaceEdit {
  const uri = ctx.root.uriOf(path);
  return {
    documentChanges: [
      { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri, version: null }, edits: [{ range: ZERO_RANGE, newText: text }] },
    ],
  };
}

/** one-sided-link: add the id to the other side's list (or the list key when there is none). */
function backLink(ctx: FeatureContext, d: Diagnostic, data: Record<string, unknown>): CodeAction | undefined {
  const control = String(data.control ?? ''), policyId = String(data.policy ?? '');
  if (!control || !policyId) return undefined;
  if (data.missing === 'policy') {
    const pol = ctx.project.policies(policyId).find((p) => p.file === data.policyFile) ?? ctx.project.policies(policyId)[0];
    const f = pol && otherFile(ctx, pol.file);
    if (!pol || !f || !holds(f, pol.idRange, pol.id) || !pol.controls.every((c) => holds(f, c.range, c.value))) return undefined;
    const edit = pol.controlsKey ? appendToList(f, pol.controlsKey, pol.controls, control) : addKeyToFrontMatter(f, pol, 'controls', `[${control}]`);
    return edit && action(`Add ${control} to the controls of ${policyId} (${pol.file})`, d, editOf(ctx, pol.file, [edit]), true);
  }
  if (data.missing === 'control') {
    const c = ctx.project.controls(control).find((x) => x.file === data.controlFile) ?? ctx.project.controls(control)[0];
    const f = c && otherFile(ctx, c.file);
    if (!c || !f || !holds(f, c.idRange, c.id) || !c.policies.every((p) => holds(f, p.range, p.value))) return undefined;
    const edit = c.policiesKey ? appendToList(f, c.policiesKey, c.policies, policyId) : addKeyToControl(f, c, 'policies', `[${policyId}]`);
    return edit && action(`Add ${policyId} to the policies of ${control} (${c.file})`, d, editOf(ctx, c.file, [edit]), true);
  }
  return undefined;
}

// ---- frequencies ----------------------------------------------------------------------------------

function alignFrequency(ctx: FeatureContext, here: FileText, d: Diagnostic, data: Record<string, unknown>): CodeAction[] {
  const out: CodeAction[] = [];
  const control = String(data.control ?? '');
  const stated = String(data.policyFrequency ?? ''), actual = String(data.controlFrequency ?? '');
  const file = typeof data.controlFile === 'string' ? data.controlFile : undefined;
  const freqRange = asRange(data.controlFrequencyRange), phraseRange = asRange(data.phraseRange);
  if (!FREQUENCY_BY_ID.has(stated) || !FREQUENCY_BY_ID.has(actual)) return out;
  const f = file ? otherFile(ctx, file) : undefined;
  if (f && file && freqRange && holds(f, freqRange, actual)) {
    out.push(action(`Set ${control} frequency to ${stated}, as the policy states`, d, editOf(ctx, file, [replaceScalar(f, freqRange, stated)])));
  }
  // Only a wording that fits any sentence: an event-driven control has none ("upon termination" fits one event).
  const phrase = FREQUENCY_BY_ID.get(actual)?.reword;
  if (phrase && phraseRange) {
    const old = here.at(phraseRange);
    const word = /^[A-Z]/.test(old) ? phrase[0].toUpperCase() + phrase.slice(1) : phrase;
    if (old.trim()) out.push(action(`Reword the policy to "${word}", as ${control} runs (${actual})`, d, editOf(ctx, ctx.path, [{ range: phraseRange, newText: word }])));
  }
  return out;
}

function asRange(v: unknown): Range | undefined {
  const r = v as Range | undefined;
  const ok = (p: unknown) => !!p && typeof (p as { line?: unknown }).line === 'number' && typeof (p as { character?: unknown }).character === 'number';
  return r && ok(r.start) && ok(r.end) ? { start: r.start, end: r.end } : undefined;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
