import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Located } from '../engine/model';
import type { Project } from '../engine/project';
import { toIso } from '../engine/dates';
import { departedBefore, PeopleDirectory } from '../engine/people-directory';
import type { FeatureContext } from './feature-context';
import { rangeContains } from '../engine/text';
import { field, md } from './markdown';

/** The owner or approver value under the cursor in this file, if any. */
export function ownerAt(ctx: FeatureContext, pos: Position): Located<string> | undefined {
  const model = ctx.project.file(ctx.path);
  if (!model) return undefined;
  const values = [...model.controls.map((c) => c.owner), ...(model.risks ?? []).map((r) => r.owner), model.policy?.owner, model.policy?.approver];
  return values.find((v): v is Located<string> => !!v && rangeContains(v.range, pos));
}

/** Hover on an owner: the person from the roster, and everything they own or approve in the repo. */
export function ownerHover(ctx: FeatureContext, pos: Position): Hover | null {
  const value = ownerAt(ctx, pos);
  const directory = ctx.project.peopleDirectory();
  if (!value || !directory) return null;
  const person = directory.resolve(value.value);
  if (!person) return { contents: { kind: MarkupKind.Markdown, value: `**${md(value.value)}** is nobody in the roster (${md(ctx.project.config.people.roster)}).` }, range: value.range };
  const left = departedBefore(person, ctx.project.today);
  const owned = ownedBy(ctx.project, directory, person);
  const lines = [
    `**${md(PeopleDirectory.label(person))}**${person.role ? ` · ${md(person.role)}` : ''}${person.team ? ` · ${md(person.team)}` : ''}`,
    '',
    field('Status', left ? `left on ${toIso(left)}` : person.start ? `here since ${md(person.start.value)}` : 'current'),
    field('Owns', owned.owns.length ? owned.owns.map(md).join(', ') : 'nothing'),
  ];
  if (owned.approves.length) lines.push(field('Approves', owned.approves.map(md).join(', ')));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: value.range };
}

function ownedBy(project: Project, directory: PeopleDirectory, person: ReturnType<PeopleDirectory['resolve']>): { owns: string[]; approves: string[] } {
  const is = (v: Located<string> | undefined) => !!v && directory.resolve(v.value) === person;
  const owns = [
    ...[...project.allControls()].filter((c) => is(c.owner)).map((c) => `control ${c.id}`),
    ...[...project.allPolicies()].filter((p) => is(p.owner)).map((p) => `policy ${p.id}`),
    ...[...project.allRisks()].filter((r) => is(r.owner)).map((r) => `risk ${r.id}`),
  ].sort();
  const approves = [...project.allPolicies()].filter((p) => is(p.approver)).map((p) => `policy ${p.id}`).sort();
  return { owns, approves };
}
