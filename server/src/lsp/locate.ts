import type { Position, Range } from '../engine/text';
import { rangeContains } from '../engine/text';
import type { Control, Policy, Risk } from '../engine/model';
import type { Project } from '../engine/project';
import type { FeatureContext } from './feature-context';
import { vendorTargetAt, type VendorTarget } from './vendor-locate';

/** What stands at a position: an id the features know how to explain, find or complete. */
export type Target =
  | { kind: 'criterion'; id: string; range: Range }
  | { kind: 'control'; id: string; range: Range; role: 'definition' | 'reference' | 'mention' }
  | { kind: 'policy'; id: string; range: Range; role: 'definition' | 'reference' }
  | { kind: 'risk'; id: string; range: Range; role: 'definition' | 'mention' }
  | VendorTarget;

/**
 * The id under the cursor. The engine model's ranges answer first (they know a list item from prose);
 * when the file does not parse, or the id is in free text the model does not track (a description),
 * the word under the cursor counts if it is a known criterion, control, policy or risk id.
 */
export function targetAt(ctx: FeatureContext, pos: Position): Target | undefined {
  const model = ctx.project.file(ctx.path);
  if (model) {
    for (const c of model.controls) {
      if (rangeContains(c.idRange, pos)) return { kind: 'control', id: c.id, range: c.idRange, role: 'definition' };
      for (const cr of c.criteria) if (rangeContains(cr.range, pos)) return { kind: 'criterion', id: cr.value, range: cr.range };
      for (const p of c.policies) if (rangeContains(p.range, pos)) return { kind: 'policy', id: p.value, range: p.range, role: 'reference' };
    }
    const pol = model.policy;
    if (pol) {
      if (rangeContains(pol.idRange, pos)) return { kind: 'policy', id: pol.id, range: pol.idRange, role: 'definition' };
      for (const cr of pol.criteria) if (rangeContains(cr.range, pos)) return { kind: 'criterion', id: cr.value, range: cr.range };
      for (const c of pol.controls) if (rangeContains(c.range, pos)) return { kind: 'control', id: c.value, range: c.range, role: 'reference' };
      for (const m of pol.mentions) if (rangeContains(m.range, pos)) return { kind: 'control', id: m.id, range: m.range, role: 'mention' };
    }
    for (const r of model.risks ?? []) {
      if (rangeContains(r.idRange, pos)) return { kind: 'risk', id: r.id, range: r.idRange, role: 'definition' };
      for (const c of r.controls) if (rangeContains(c.range, pos)) return { kind: 'control', id: c.value, range: c.range, role: 'reference' };
      for (const cr of r.criteria) if (rangeContains(cr.range, pos)) return { kind: 'criterion', id: cr.value, range: cr.range };
    }
    for (const e of model.config?.exclusions ?? []) {
      if (rangeContains(e.criterion.range, pos)) return { kind: 'criterion', id: e.criterion.value, range: e.criterion.range };
    }
    const vendorTarget = vendorTargetAt(model, pos);
    if (vendorTarget) return vendorTarget;
  }
  return wordTarget(ctx, pos);
}

/** Criterion, control or policy id characters; a trailing `.` ends a sentence, not an id. */
const WORD = /[A-Za-z0-9][A-Za-z0-9._-]*/g;

function wordTarget(ctx: FeatureContext, pos: Position): Target | undefined {
  const line = lineText(ctx, pos.line);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(line); m; m = WORD.exec(line)) {
    const word = m[0].replace(/[.-]+$/, '');
    const start = m.index, end = m.index + word.length;
    if (pos.character < start || pos.character > end) continue;
    const range = { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } };
    if (ctx.project.catalog.get(word)) return { kind: 'criterion', id: word, range };
    if (ctx.project.controls(word).length) return { kind: 'control', id: word, range, role: 'mention' };
    if (ctx.project.policies(word).length) return { kind: 'policy', id: word, range, role: 'reference' };
    if (ctx.project.risks(word).length) return { kind: 'risk', id: word, range, role: 'mention' };
    if (ctx.project.register.vendors(word).length) return { kind: 'vendor', id: word, range, role: 'reference' };
    return undefined;
  }
  return undefined;
}

function lineText(ctx: FeatureContext, line: number): string {
  return ctx.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/** Controls that map a criterion, with the exact list item that does so. */
export function controlsMapping(project: Project, criterion: string): { control: Control; range: Range }[] {
  const out: { control: Control; range: Range }[] = [];
  for (const c of project.allControls()) for (const cr of c.criteria) if (cr.value === criterion) out.push({ control: c, range: cr.range });
  return out;
}

export function policiesMapping(project: Project, criterion: string): { policy: Policy; range: Range }[] {
  const out: { policy: Policy; range: Range }[] = [];
  for (const p of project.allPolicies()) for (const cr of p.criteria) if (cr.value === criterion) out.push({ policy: p, range: cr.range });
  return out;
}

export function risksMapping(project: Project, criterion: string): { risk: Risk; range: Range }[] {
  const out: { risk: Risk; range: Range }[] = [];
  for (const r of project.allRisks()) for (const cr of r.criteria) if (cr.value === criterion) out.push({ risk: r, range: cr.range });
  return out;
}

/** Risks that list a control under `controls`, in id order. */
export function risksOfControl(project: Project, controlId: string): Risk[] {
  return [...project.risksNaming(controlId)].sort((a, b) => a.id.localeCompare(b.id) || a.file.localeCompare(b.file));
}

/** A risk's likelihood × impact, when both are rated 1–5, and the ratings as `(likelihood 3 × impact 4)` (`?` for one not rated). */
export function riskScore(r: Risk): { score?: number; ratings: string } {
  const l = r.likelihood?.value, i = r.impact?.value;
  return { score: l && i ? l * i : undefined, ratings: `(likelihood ${l ?? '?'} × impact ${i ?? '?'})` };
}

/** Every control a policy is tied to: listed in its front matter, named in its body, or listing it. */
export function controlIdsOfPolicy(project: Project, policy: Policy): string[] {
  const ids = new Set<string>();
  for (const c of policy.controls) ids.add(c.value);
  for (const m of policy.mentions) if (project.controls(m.id).length) ids.add(m.id);
  for (const c of project.controlsListing(policy.id)) ids.add(c.id);
  return [...ids];
}

/** Every policy a control is tied to: listed under `policies`, or listing or naming the control. */
export function policyIdsOfControl(project: Project, control: Control): string[] {
  const ids = new Set<string>();
  for (const p of control.policies) ids.add(p.value);
  for (const p of project.policiesReferencing(control.id)) ids.add(p.id);
  return [...ids];
}

export function byPosition(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
