import { nodeCrypto } from '../util/hash';
import type { Project } from '../engine/project';
import type { Control } from '../engine/model';
import { computeSummary, type ReadinessSummary } from '../engine/summary';

/** The OSCAL release whose component-definition schema the output is validated against (test/schemas/). */
const OSCAL_VERSION = '1.0.6';

/** RFC 4122 name-based (version 5, SHA-1) UUID: the same name always gives the same id, so exports diff cleanly. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const b = Buffer.from(nodeCrypto().createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** uuidV5('soc2-as-code', the RFC 4122 URL namespace): the root every id of ours is derived from. */
export const SOC2_NAMESPACE = '9faf3c74-3272-5660-9564-2fcb1e02a00e';

/** Our own property names live in this namespace, as OSCAL asks of names it does not define. */
const NS = 'urn:soc2-as-code:oscal';

/** OSCAL strings may not be empty, start or end with whitespace, or hold line breaks. */
export function str(v: string | undefined): string | undefined {
  const t = (v ?? '').replace(/\s+/g, ' ').trim();
  return t || undefined;
}

/** OSCAL tokens (XML NCNames): letters, digits, `.`, `-`, `_`, starting with a letter or `_`. */
export function token(v: string): string {
  const t = v.replace(/[^\p{L}\p{N}._-]/gu, '_');
  return /^[\p{L}_]/u.test(t) ? t : `_${t}`;
}

export function prop(name: string, value: string | undefined): { name: string; ns: string; value: string }[] {
  const v = str(value);
  return v ? [{ name, ns: NS, value: v }] : [];
}

export interface OscalOptions { today: string; toolVersion: string }

/** The metadata every component-definition we write carries: title, dates, generator, the owner role and its parties. */
export function oscalMetadata(title: string, options: OscalOptions, owners: ReadonlyMap<string, string>): object {
  return {
    title,
    'last-modified': `${options.today}T00:00:00Z`,
    version: options.today,
    'oscal-version': OSCAL_VERSION,
    props: prop('generator', `soc2 ${options.toolVersion}`),
    roles: [{ id: 'control-owner', title: 'Control owner', description: 'Accountable for operating a control and keeping its evidence.' }],
    ...(owners.size ? { parties: [...owners].sort(([a], [b]) => a.localeCompare(b)).map(([name, uuid]) => ({ uuid, type: 'person', name })) } : {}),
  };
}

/**
 * An OSCAL component-definition of the repo: one component (the organisation's system) whose control
 * implementation maps each Trust Services Criterion that controls address to those controls, with their
 * owners (as parties in the `control-owner` role), statuses and frequencies.
 */
export function buildOscal(project: Project, options: OscalOptions, summary: ReadinessSummary = computeSummary(project)): object {
  const org = str(project.config.organization) ?? 'Organization';
  const id = (kind: string) => uuidV5(`${org}\u0000${kind}`, SOC2_NAMESPACE);
  const byCriterion = new Map<string, Control[]>();
  const owners = new Map<string, string>();
  // Files finish reading in any order; sorting keeps the document byte-identical from run to run.
  const all = [...project.allControls()].sort((a, b) => a.id.localeCompare(b.id) || a.file.localeCompare(b.file));
  for (const c of all) {
    const owner = str(c.owner?.value);
    if (owner && !owners.has(owner)) owners.set(owner, id(`party:${owner}`));
    for (const cr of c.criteria) {
      const known = project.catalog.get(cr.value);
      if (!known) continue; // unknown ids are findings, not requirements
      const list = byCriterion.get(known.id) ?? [];
      if (!list.includes(c)) list.push(c);
      byCriterion.set(known.id, list);
    }
  }
  const roles = (list: readonly Control[]) => {
    const parties = [...new Set(list.map((c) => owners.get(str(c.owner?.value) ?? '')).filter((u): u is string => !!u))];
    return parties.length ? { 'responsible-roles': [{ 'role-id': 'control-owner', 'party-uuids': parties }] } : {};
  };
  const status = new Map(summary.criteria.map((c) => [c.id, c.status]));
  const requirements = project.catalog.framework.criteria.filter((cr) => byCriterion.has(cr.id)).map((cr) => {
    const controls = byCriterion.get(cr.id)!;
    return {
      uuid: id(`requirement:${cr.id}`),
      'control-id': token(cr.id),
      description: `${cr.id} (${cr.summary}) is addressed by ${controls.map((c) => `${c.id}${c.title ? ` "${c.title}"` : ''} (${c.status?.value ?? 'no status'})`).join(', ')}.`,
      props: [...prop('coverage-status', status.get(cr.id)), ...prop('category', cr.category)],
      ...roles(controls),
      statements: controls.map((c) => ({
        'statement-id': token(`${cr.id}_${c.id}`),
        uuid: id(`statement:${cr.id}:${c.id}`),
        description: `${c.id}${c.title ? `: ${c.title}` : ''}.${c.description ? ` ${c.description}` : ''}`,
        props: [...prop('control-id', c.id), ...prop('control-status', c.status?.value ?? 'unspecified'), ...prop('frequency', c.frequency?.value), ...prop('control-owner', c.owner?.value), ...prop('source-file', c.file)],
        ...roles([c]),
      })),
    };
  });
  const catalogResource = id('resource:tsc2017');
  const component = {
    uuid: id('component'),
    type: 'service',
    title: `${org} system`,
    description: `The system described in ${org}'s SOC 2 report, with the controls it operates for the 2017 Trust Services Criteria.`,
    props: [...prop('report-type', `SOC 2 Type ${project.config.reportType}`), ...prop('readiness-percent', String(summary.readiness))],
    ...(requirements.length ? {
      'control-implementations': [{
        uuid: id('control-implementation:tsc2017'),
        source: `#${catalogResource}`,
        description: `How ${org}'s controls address the Trust Services Criteria in and out of the report's scope; statuses are those recorded in the controls files as of ${options.today}.`,
        'implemented-requirements': requirements,
      }],
    } : {}),
  };
  return {
    'component-definition': {
      uuid: id('component-definition'),
      metadata: oscalMetadata(`${org}: SOC 2 controls`, options, owners),
      components: [component],
      'back-matter': {
        resources: [{
          uuid: catalogResource,
          title: 'AICPA 2017 Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, and Privacy (points of focus revised 2022)',
          description: 'The criteria SOC 2 reports are measured against; control-id values are its criterion ids (CC6.1, A1.2, ...).',
        }],
      },
    },
  };
}
