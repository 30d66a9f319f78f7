import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver';
import type { Control } from '../engine/model';
import { rangeContains } from '../engine/text';
import { crosswalkTargets, suggestedRequirements } from '../frameworks/crosswalk';
import type { FeatureContext } from './feature-context';
import { addKeyToControl, appendToList, type FileText } from './edits';

/**
 * "Also map A.5.15, A.8.5 (from CC6.1)": on a control whose criteria the crosswalk pairs with requirements of
 * a framework in scope that it does not map yet, one action per framework adds them to its `frameworks:`.
 */
export function alsoMapActions(ctx: FeatureContext, f: FileText, range: Range): CodeAction[] {
  const control = ctx.project.file(ctx.path)?.controls.find((c) => rangeContains(c.range, range.start));
  if (!control || !control.criteria.length) return [];
  const out: CodeAction[] = [];
  for (const scope of ctx.project.config.frameworks) {
    const target = scope.id.value;
    if (!crosswalkTargets().includes(target)) continue;
    const excluded = new Set(scope.exclusions.map((e) => e.requirement.value));
    const suggestions = suggestedRequirements(control, target).filter((s) => !excluded.has(s.requirement));
    if (!suggestions.length) continue;
    const ids = suggestions.map((s) => s.requirement);
    const edits = mappingEdits(f, control, target, ids);
    if (!edits) continue;
    const from = [...new Set(suggestions.flatMap((s) => s.from))];
    const shown = ids.length > 6 ? `${ids.slice(0, 6).join(', ')} and ${ids.length - 6} more` : ids.join(', ');
    out.push({ title: `Also map ${shown} (from ${from.join(', ')})`, kind: CodeActionKind.QuickFix, edit: { changes: { [ctx.root.uriOf(ctx.path)]: edits } } });
  }
  return out;
}

/** Adds the ids under `frameworks: { <target>: [...] }`, creating the list or the key as needed. */
function mappingEdits(f: FileText, c: Control, target: string, ids: string[]): TextEdit[] | undefined {
  const existing = c.frameworks.find((m) => m.framework.value === target);
  if (existing) {
    const edits: TextEdit[] = [];
    const flow = /\[/.test(f.text.slice(f.lines.offset(existing.framework.range.end), existing.requirements[0] ? f.lines.offset(existing.requirements[0].range.start) : undefined));
    for (const id of flow ? [ids.join(', ')] : ids) {
      const e = appendToList(f, existing.framework.range, existing.requirements, id);
      if (!e) return undefined;
      edits.push(e);
    }
    return edits;
  }
  if (c.frameworksKey) {
    const first = c.frameworks[0];
    if (!first || first.framework.range.start.line === c.frameworksKey.start.line) return undefined; // a flow mapping on one line
    const pos = f.endOfLine(c.frameworksKey.end.line);
    return [{ range: { start: pos, end: pos }, newText: `${f.eol}${' '.repeat(first.framework.range.start.character)}${target}: [${ids.join(', ')}]` }];
  }
  const e = addKeyToControl(f, c, 'frameworks', '\u0000');
  if (!e) return undefined;
  return [{ ...e, newText: e.newText.replace(' \u0000', `${f.eol}${' '.repeat(c.range.start.character + 2)}${target}: [${ids.join(', ')}]`) }];
}
