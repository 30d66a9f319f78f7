import type { Location, Position } from 'vscode-languageserver';
import type { FeatureContext } from './feature-context';
import { targetAt } from './locate';

/** Go to definition: a control, policy or risk id, wherever it is written, leads to where it is defined. */
export function definition(ctx: FeatureContext, position: Position): Location[] | null {
  const target = targetAt(ctx, position);
  if (!target || target.kind === 'criterion') return null; // criteria are defined by the catalog, not by a file
  const { project } = ctx;
  const defs = target.kind === 'control' ? project.controls(target.id) : target.kind === 'policy' ? project.policies(target.id)
    : target.kind === 'vendor' ? project.register.vendors(target.id) : project.risks(target.id);
  if (!defs.length) return null;
  return defs.map((d) => ({ uri: ctx.root.uriOf(d.file), range: d.idRange }));
}
