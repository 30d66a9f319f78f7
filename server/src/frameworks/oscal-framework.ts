import type { Control } from '../engine/model';
import type { ProjectView } from '../engine/check-api';
import { SOC2_NAMESPACE, oscalMetadata, prop, str, token, uuidV5, type OscalOptions } from '../report/oscal';
import { frameworkReadiness } from '../engine/framework-readiness';
import type { RequirementFramework } from '../catalog/framework-types';

/**
 * An OSCAL component-definition for one framework besides the TSC: the same shape as `soc2 export oscal`,
 * with the framework's requirement ids as control-ids and the controls that map each one as statements.
 */
export function buildFrameworkOscal(project: ProjectView & { allControls(): Iterable<Control> }, framework: RequirementFramework, options: OscalOptions): object {
  const org = str(project.config.organization) ?? 'Organization';
  const id = (kind: string) => uuidV5(`${org}\u0000${framework.id}\u0000${kind}`, SOC2_NAMESPACE);
  const scope = project.config.frameworks.find((s) => s.id.value === framework.id);
  const readiness = frameworkReadiness(project, framework, scope);
  const owners = new Map<string, string>();
  for (const c of [...project.allControls()].sort((a, b) => a.id.localeCompare(b.id))) {
    const o = str(c.owner?.value);
    if (o && !owners.has(o) && c.frameworks.some((m) => m.framework.value === framework.id)) owners.set(o, uuidV5(`${org}\u0000party:${o}`, SOC2_NAMESPACE));
  }
  const roles = (names: (string | undefined)[]) => {
    const parties = [...new Set(names.map((n) => owners.get(str(n) ?? '')).filter((u): u is string => !!u))];
    return parties.length ? { 'responsible-roles': [{ 'role-id': 'control-owner', 'party-uuids': parties }] } : {};
  };
  const requirements = readiness.rows.filter((r) => r.controls.length).map((r) => ({
    uuid: id(`requirement:${r.id}`),
    'control-id': token(r.id),
    description: `${r.id} (${r.title}) is addressed by ${r.controls.map((c) => `${c.id} (${c.status ?? 'no status'})`).join(', ')}.`,
    props: [...prop('coverage-status', r.status), ...prop('group', r.group)],
    ...roles(r.controls.map((c) => c.owner)),
    statements: r.controls.map((c) => ({
      'statement-id': token(`${r.id}_${c.id}`),
      uuid: id(`statement:${r.id}:${c.id}`),
      description: `${c.id}.`,
      props: [...prop('control-id', c.id), ...prop('control-status', c.status ?? 'unspecified'), ...prop('control-owner', c.owner)],
      ...roles([c.owner]),
    })),
  }));
  const resource = id('resource');
  return {
    'component-definition': {
      uuid: id('component-definition'),
      metadata: oscalMetadata(`${org}: controls for ${str(framework.name) ?? framework.id}`, options, owners),
      components: [{
        uuid: id('component'),
        type: 'service',
        title: `${org} system`,
        description: `The system and the controls it operates for ${str(framework.name) ?? framework.id}.`,
        props: [...prop('framework', framework.id), ...prop('readiness-percent', String(readiness.readiness))],
        ...(requirements.length ? {
          'control-implementations': [{
            uuid: id('control-implementation'),
            source: `#${resource}`,
            description: `How ${org}'s controls address ${str(framework.name) ?? framework.id}; statuses as recorded in the controls files as of ${options.today}.`,
            'implemented-requirements': requirements,
          }],
        } : {}),
      }],
      'back-matter': { resources: [{ uuid: resource, title: str(`${framework.name} ${framework.version}`) ?? framework.id, description: `Requirement ids of ${framework.id} are used as control-id values.` }] },
    },
  };
}
