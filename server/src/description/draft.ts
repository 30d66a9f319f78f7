import type { Project } from '../engine/project';
import { toIso } from '../engine/dates';
import { DESCRIPTION_TOPICS, topicsOf, type DescriptionTopic } from './topics';
import { isSubservice } from '../vendors/assurance';
import { ASSURANCE_LABEL } from '../catalog/vendor-vocabulary';
import type { DescriptionSection } from '../engine/register-model';

/** A draft of section III as data: what the repo knows, plus the description's own prose, by topic. */
export interface DescriptionDraft {
  organization?: string;
  today: string;
  boundaries: { reportType: 1 | 2; period?: { start: string; end: string }; categories: string[] };
  /** The nine topics in order, each with the prose written for it (possibly none). */
  topics: { key: DescriptionTopic['key']; heading: string; prose: { title: string; body: string }[] }[];
  /** Sections of the description that are about none of the nine topics, kept at the end. */
  otherProse: { title: string; body: string }[];
  subservice: { id: string; name?: string; service?: string; method: string; assurance: string; csocs: { description: string; criteria: string[] }[] }[];
  cuecs: { id?: string; description: string; criteria: string[] }[];
  criteria: { id: string; summary: string; controls: { id: string; title?: string; owner?: string; status?: string }[] }[];
  exclusions: { criterion: string; reason?: string; vendor?: string }[];
}

export function buildDescriptionDraft(project: Project): DescriptionDraft {
  const { config, catalog } = project;
  const desc = project.register.description();
  const byTopic = new Map<string, { title: string; body: string }[]>();
  const other: { title: string; body: string }[] = [];
  // Only top-level sections of the body are placed: subsections travel inside their parent's text.
  const sections = desc ? outermost(desc.sections) : [];
  for (const s of sections) {
    const keys = [...topicsOf(s.title)];
    const entry = { title: s.title, body: s.body.trim() };
    if (!keys.length) { other.push(entry); continue; }
    const list = byTopic.get(keys[0]) ?? [];
    list.push(entry);
    byTopic.set(keys[0], list);
  }
  const categories = catalog.framework.categories.filter((c) => project.inScope(c.id)).map((c) => c.name);
  const criteria: DescriptionDraft['criteria'] = [];
  for (const cr of catalog.framework.criteria) {
    if (!project.inScope(cr.category) || project.isExcluded(cr.id)) continue;
    const controls = project.controlsMapping(cr.id)
      .filter((c) => c.status?.value !== 'not-applicable')
      .map((c) => ({ id: c.id, title: c.title, owner: c.owner?.value, status: c.status?.value }))
      .sort((a, b) => a.id.localeCompare(b.id));
    criteria.push({ id: cr.id, summary: cr.summary, controls });
  }
  const subservice = [...project.register.allVendors()].filter(isSubservice).sort((a, b) => a.id.localeCompare(b.id)).map((v) => {
    const a = v.assurance;
    const type = a?.type?.value;
    const assurance = !type || type === 'none' ? 'none on file'
      : `${ASSURANCE_LABEL.get(type) ?? type}${a?.periodStart && a.periodEnd ? `, ${a.periodStart.value} to ${a.periodEnd.value}` : a?.periodEnd ? ` as of ${a.periodEnd.value}` : ''}${a?.bridgeLetterUntil ? `; bridge letter to ${a.bridgeLetterUntil.value}` : ''}`;
    return { id: v.id, name: v.name, service: v.service, method: v.subservice!.value, assurance, csocs: v.csocs.map((c) => ({ description: c.description ?? '', criteria: c.criteria.map((x) => x.value) })) };
  });
  return {
    organization: config.organization,
    today: toIso(project.today),
    boundaries: { reportType: config.reportType, ...(config.period ? { period: { start: config.period.start.value, end: config.period.end.value } } : {}), categories },
    topics: DESCRIPTION_TOPICS.map((t) => ({ key: t.key, heading: t.heading, prose: byTopic.get(t.key) ?? [] })),
    otherProse: other,
    subservice,
    cuecs: (desc?.cuecs ?? []).map((c) => ({ id: c.id, description: c.description ?? '', criteria: c.criteria.map((x) => x.value) })),
    criteria,
    exclusions: config.exclusions.map((e) => ({ criterion: e.criterion.value, reason: e.reason, vendor: e.vendor?.value })),
  };
}

/**
 * The sections that sit directly under the title: a single level-1 heading is the document's title,
 * so its level-2 sections are the ones placed; otherwise the shallowest level present.
 */
function outermost(sections: readonly DescriptionSection[]): DescriptionSection[] {
  const titles = sections.filter((s) => s.level === 1);
  const rest = titles.length === 1 ? sections.filter((s) => s !== titles[0]) : sections;
  if (!rest.length) return [];
  const top = Math.min(...rest.map((s) => s.level));
  return rest.filter((s) => s.level === top);
}
