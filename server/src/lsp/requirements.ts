import { CompletionItemKind, MarkupKind, type CompletionItem, type Location, type Position, type Range } from 'vscode-languageserver';
import type { FileModel } from '../engine/model';
import type { Project } from '../engine/project';
import { rangeContains } from '../engine/text';
import { frameworkReadiness } from '../engine/framework-readiness';
import { criteriaForRequirement, suggestedRequirements } from '../frameworks/crosswalk';
import type { FeatureContext } from './feature-context';
import { field, md } from './markdown';

/**
 * Requirement ids of other frameworks (ISO 27001, NIST CSF, repo frameworks) in the editor: where one is
 * under the cursor, what its hover says, where it is defined and referenced, and what completion offers.
 */
export interface RequirementTarget { kind: 'requirement'; framework: string; id: string; range: Range }

export function requirementAt(model: FileModel, pos: Position): RequirementTarget | undefined {
  const mappings = [...model.controls.flatMap((c) => c.frameworks), ...(model.policy?.frameworks ?? [])];
  for (const m of mappings) for (const r of m.requirements) if (rangeContains(r.range, pos)) return { kind: 'requirement', framework: m.framework.value, id: r.value, range: r.range };
  for (const s of model.config?.frameworks ?? []) for (const e of s.exclusions) if (rangeContains(e.requirement.range, pos)) return { kind: 'requirement', framework: s.id.value, id: e.requirement.value, range: e.requirement.range };
  const fw = model.framework;
  for (const r of fw?.requirements ?? []) if (r.range && rangeContains(r.range, pos)) return { kind: 'requirement', framework: fw!.id, id: r.id, range: r.range };
  return undefined;
}

export function requirementHover(project: Project, framework: string, id: string): string | undefined {
  const fw = project.frameworks.catalog.get(framework);
  const req = fw && project.frameworks.catalog.requirement(framework, id);
  if (!fw || !req) return undefined;
  const group = fw.groups.find((g) => g.id === req.group);
  const scope = project.config.frameworks.find((s) => s.id.value === fw.id);
  const row = frameworkReadiness(project, fw, scope).rows.find((r) => r.id === id)!;
  const paired = criteriaForRequirement(fw.id, id).map((p) => p.criterion);
  const lines = [
    `**${md(req.id)}** · ${md(fw.name)} · ${md(group?.name ?? req.group)}`,
    '',
    md(req.title) + (req.summary ? `: ${md(req.summary)}` : ''),
    '',
    field('Coverage', scope ? `${row.status}${row.exclusionReason ? ` (${md(row.exclusionReason)})` : ''}` : `${row.status} (not in scope in soc2.yaml)`),
    field('Controls', row.controls.length ? row.controls.map((c) => `${md(c.id)} (${md(c.status ?? 'no status')})`).join(', ') : 'none'),
    field('Policies', row.policies.length ? row.policies.map(md).join(', ') : 'none'),
  ];
  if (paired.length) lines.push(field('Crosswalk from SOC 2', paired.map(md).join(', ')));
  if (fw.origin === 'built-in' && fw.id !== 'tsc-2017') lines.push('', '_Title and summary are our paraphrase; the standard has the authoritative text._');
  return lines.join('\n');
}

/** A repo framework's requirement is defined in its file; built-in ones by the catalog, so nowhere to go. */
export function requirementDefinition(ctx: FeatureContext, t: RequirementTarget): Location[] | null {
  const req = ctx.project.frameworks.catalog.requirement(t.framework, t.id);
  return req?.file && req.range ? [{ uri: ctx.root.uriOf(req.file), range: req.range }] : null;
}

/** Every list item that maps the requirement (controls, policies), its exclusion, and its definition in a repo file. */
export function requirementReferences(project: Project, t: RequirementTarget, includeDeclaration: boolean): { file: string; range: Range }[] {
  const out: { file: string; range: Range }[] = [];
  const req = project.frameworks.catalog.requirement(t.framework, t.id);
  if (includeDeclaration && req?.file && req.range) out.push({ file: req.file, range: req.range });
  const items = (list: { framework: { value: string }; requirements: { value: string; range: Range }[] }[], file: string) => {
    for (const m of list) if (m.framework.value === t.framework) for (const r of m.requirements) if (r.value === t.id) out.push({ file, range: r.range });
  };
  for (const c of project.allControls()) items(c.frameworks, c.file);
  for (const p of project.allPolicies()) items(p.frameworks, p.file);
  if (project.configFile) {
    for (const s of project.config.frameworks) if (s.id.value === t.framework) for (const e of s.exclusions) if (e.requirement.value === t.id) out.push({ file: project.configFile, range: e.requirement.range });
  }
  return out;
}

/**
 * Requirement ids of a framework for a `frameworks: { <id>: [...] }` list. In a control, the ones its criteria
 * suggest through the crosswalk come first, marked with the criterion they come from.
 */
export function requirementCompletion(ctx: FeatureContext, framework: string, range: Range, pos: Position): CompletionItem[] | null {
  const fw = ctx.project.frameworks.catalog.get(framework);
  if (!fw) return null;
  const control = ctx.project.file(ctx.path)?.controls.find((c) => rangeContains(c.range, pos));
  const suggested = new Map((control ? suggestedRequirements(control, fw.id) : []).map((s, i) => [s.requirement, { ...s, i }]));
  return fw.requirements.map((r, i) => {
    const s = suggested.get(r.id);
    return {
      label: r.id,
      kind: CompletionItemKind.Reference,
      detail: s ? `${r.title} (suggested from ${s.from.join(', ')})` : r.title,
      sortText: s ? `0${String(s.i).padStart(4, '0')}` : `1${String(i).padStart(4, '0')}`,
      filterText: r.id,
      ...(s ? { preselect: s.i === 0 } : {}),
      documentation: { kind: MarkupKind.Markdown, value: [r.summary ? md(r.summary) : md(r.title), ...(s ? ['', `Crosswalk: ${md(s.why)}`] : [])].join('\n') },
      textEdit: { range, newText: r.id },
    };
  });
}

/** Framework ids for soc2.yaml's `frameworks:` list and a control's `frameworks:` keys. */
export function frameworkIdCompletion(ctx: FeatureContext, range: Range): CompletionItem[] {
  return ctx.project.frameworks.catalog.all().filter((f) => f.id !== 'tsc-2017').map((f, i) => ({
    label: f.id, kind: CompletionItemKind.Module, detail: `${f.name} (${f.requirements.length} requirements)`,
    sortText: String(i).padStart(4, '0'), textEdit: { range, newText: f.id },
  }));
}

/** `- requirement: |` under a framework's `exclusions` in soc2.yaml: that framework's requirement ids. */
export function exclusionCompletion(ctx: FeatureContext, range: Range): CompletionItem[] | null {
  const lines = ctx.document.getText().split(/\r\n|\r|\n/);
  // The framework entry that owns the cursor: the nearest `- id: X` above it, at a shallower indentation.
  const indent = (t: string) => t.length - t.trimStart().length;
  const here = indent(lines[range.start.line] ?? '');
  for (let i = range.start.line - 1; i >= 0; i--) {
    const m = /^(\s*)-\s+id:\s*["']?([^\s"'#]+)/.exec(lines[i]!);
    if (m && m[1]!.length < here) return requirementCompletion(ctx, m[2]!, range, range.end);
    if (/^\S/.test(lines[i]!)) break;
  }
  return null;
}
