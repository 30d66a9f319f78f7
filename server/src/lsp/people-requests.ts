import { toIso } from '../engine/dates';
import { computeTasks } from '../people/tasks';
import { allOwners, ownerBrief } from '../people/brief';
import { briefMarkdown } from '../report/brief-output';
import type { BriefParams, BriefResult, TasksParams, TasksResult } from './protocol';
import type { ComplianceRoot } from './roots';

const inRoot = (r: ComplianceRoot, uri: string | undefined) => !uri || r.uri === uri || r.relative(uri) !== undefined;

/** `soc2/tasks` over the complete index of each root. */
export function tasksOf(roots: readonly ComplianceRoot[], params: TasksParams | undefined): TasksResult {
  return {
    roots: roots.filter((r) => inRoot(r, params?.uri)).map((r) => ({
      root: r.uri,
      name: r.name,
      tasks: computeTasks(r.project, { owner: params?.owner }),
      ownerKnown: !!params?.owner && !!r.project.peopleDirectory()?.resolve(params.owner),
    })),
  };
}

/** `soc2/brief`: the owner's briefing in each root that has anything for them, as one Markdown document. */
export function briefOf(roots: readonly ComplianceRoot[], params: BriefParams): BriefResult {
  const chosen = roots.filter((r) => inRoot(r, params.uri));
  const parts = chosen.map((r) => {
    const b = ownerBrief(r.project, params.owner, r.project.allDiagnostics());
    const empty = !b.controls.length && !b.policies.length && !b.risks.length && !b.tasks.length;
    return empty ? undefined : (chosen.length > 1 ? `<!-- ${r.name} -->\n` : '') + briefMarkdown(b, toIso(r.project.today));
  }).filter((p): p is string => !!p);
  return {
    markdown: parts.join('\n---\n\n') || `# Briefing for ${params.owner}\n\n${params.owner} owns nothing in this workspace.\n`,
    owners: [...new Set(chosen.flatMap((r) => allOwners(r.project)))].sort(),
  };
}
