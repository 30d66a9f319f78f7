import type { Location, Position } from 'vscode-languageserver';
import type { Range } from '../engine/text';
import type { Project } from '../engine/project';
import type { FeatureContext } from './feature-context';
import { byPosition, controlsMapping, policiesMapping, risksMapping, targetAt } from './locate';
import { monitoredByReferences, vendorReferences } from './vendor-locate';

/**
 * Find references. A control id: its definitions, the policies' `controls:` items and body mentions, and
 * the risks' `controls:` items. A policy id: its definitions and the controls' `policies:` items. A risk id:
 * its definitions (nothing else lists a risk). A criterion id: the exact list items of every control, policy
 * and risk that maps it, and its exclusion in soc2.yaml.
 */
export function references(ctx: FeatureContext, position: Position, includeDeclaration: boolean): Location[] | null {
  const target = targetAt(ctx, position);
  if (!target) return null;
  const found: { file: string; range: Range }[] = [];
  const { project } = ctx;
  if (target.kind === 'control') {
    if (includeDeclaration) for (const c of project.controls(target.id)) found.push({ file: c.file, range: c.idRange });
    for (const p of project.policiesReferencing(target.id)) {
      for (const item of p.controls) if (item.value === target.id) found.push({ file: p.file, range: item.range });
      for (const m of p.mentions) if (m.id === target.id) found.push({ file: p.file, range: m.range });
    }
    for (const r of project.risksNaming(target.id)) {
      for (const item of r.controls) if (item.value === target.id) found.push({ file: r.file, range: item.range });
    }
    found.push(...monitoredByReferences(project, target.id));
  } else if (target.kind === 'vendor') {
    if (includeDeclaration) for (const v of project.register.vendors(target.id)) found.push({ file: v.file, range: v.idRange });
    found.push(...vendorReferences(project, target.id));
  } else if (target.kind === 'risk') {
    if (includeDeclaration) for (const r of project.risks(target.id)) found.push({ file: r.file, range: r.idRange });
  } else if (target.kind === 'policy') {
    if (includeDeclaration) for (const p of project.policies(target.id)) found.push({ file: p.file, range: p.idRange });
    for (const c of project.controlsListing(target.id)) {
      for (const item of c.policies) if (item.value === target.id) found.push({ file: c.file, range: item.range });
    }
  } else {
    for (const m of controlsMapping(project, target.id)) found.push({ file: m.control.file, range: m.range });
    for (const m of policiesMapping(project, target.id)) found.push({ file: m.policy.file, range: m.range });
    for (const m of risksMapping(project, target.id)) found.push({ file: m.risk.file, range: m.range });
    found.push(...exclusions(project, target.id));
  }
  if (!found.length) return null;
  // Declarations first (as gathered), then the rest in file and position order.
  const decl = !includeDeclaration ? 0
    : target.kind === 'control' ? project.controls(target.id).length
      : target.kind === 'policy' ? project.policies(target.id).length
        : target.kind === 'risk' ? project.risks(target.id).length
          : target.kind === 'vendor' ? project.register.vendors(target.id).length : 0;
  const rest = found.slice(decl).sort((a, b) => a.file.localeCompare(b.file) || byPosition(a.range, b.range));
  return [...found.slice(0, decl), ...unique(rest)].map((f) => ({ uri: ctx.root.uriOf(f.file), range: f.range }));
}

function exclusions(project: Project, id: string): { file: string; range: Range }[] {
  const file = project.configFile;
  if (!file) return [];
  return project.config.exclusions.filter((e) => e.criterion.value === id).map((e) => ({ file, range: e.criterion.range }));
}

function unique(list: { file: string; range: Range }[]): { file: string; range: Range }[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = `${f.file}:${f.range.start.line}:${f.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
