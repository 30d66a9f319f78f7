import { Document, isMap, isSeq, parseDocument, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { prefixOf } from '../engine/ids';
import { configText, yamlScalar } from './config-text';
import { parseCategories } from './options';
import { BUNDLED_TEMPLATES } from './templates.generated';
import { descriptionTemplateText, vendorRegisterText } from './register-templates';
import type { PolicyTemplate, ScaffoldOptions, TemplateSet } from './types';

export type { PolicyTemplate, ScaffoldOptions, TemplateSet } from './types';

/** Which controls file a control goes to, by id prefix. Prefixes not listed get `controls/<prefix>.yaml`. */
export const CONTROL_AREAS: Readonly<Record<string, { file: string; title: string }>> = {
  AC: { file: 'access-control', title: 'Access control' },
  PS: { file: 'physical-security', title: 'Physical security' },
  CR: { file: 'encryption', title: 'Encryption and key management' },
  LM: { file: 'logging-and-monitoring', title: 'Logging and monitoring' },
  VM: { file: 'vulnerability-management', title: 'Vulnerability and patch management' },
  CM: { file: 'change-management', title: 'Change management' },
  BC: { file: 'business-continuity', title: 'Backups, business continuity and disaster recovery' },
  AV: { file: 'availability', title: 'Availability and capacity' },
  IR: { file: 'incident-response', title: 'Incident response' },
  HR: { file: 'people', title: 'People: hiring, onboarding and training' },
  VN: { file: 'vendor-management', title: 'Vendor management' },
  RA: { file: 'risk-management', title: 'Risk management' },
  GV: { file: 'governance', title: 'Governance and oversight' },
  AS: { file: 'asset-management', title: 'Asset management' },
  DC: { file: 'data-management', title: 'Data classification and retention' },
  CF: { file: 'confidentiality', title: 'Confidential information' },
};

/** Fills a policy template's placeholders; front matter values are written as YAML scalars. */
export function fillPolicy(template: PolicyTemplate, o: Pick<ScaffoldOptions, 'organization' | 'owner' | 'today'>): string {
  return template.text
    .replace(/"\{\{owner\}\}"/g, () => yamlScalar(o.owner))
    .replace(/"\{\{today\}\}"/g, () => o.today)
    .replace(/"\{\{organization\}\}"/g, () => yamlScalar(o.organization))
    .replace(/\{\{owner\}\}/g, () => o.owner)
    .replace(/\{\{today\}\}/g, () => o.today)
    .replace(/\{\{organization\}\}/g, () => o.organization);
}

function librarySeq(library: string): YAMLSeq {
  const doc = parseDocument(library);
  if (doc.errors.length) throw new Error(`the control library does not parse: ${doc.errors[0].message}`);
  const seq = doc.get('controls', true);
  if (!isSeq(seq)) throw new Error('the control library has no `controls:` list');
  return seq as YAMLSeq;
}

/**
 * The controls the chosen policies name, from the library, as `controls/<area>.yaml` texts: owner and
 * review date filled in, status `planned`, and `policies` cut down to the policies being written (a
 * control must not point at a policy the repo does not have).
 */
export function controlFiles(templates: TemplateSet, chosen: readonly PolicyTemplate[], o: Pick<ScaffoldOptions, 'owner' | 'today'>): { files: Map<string, string>; evidencePaths: string[] } {
  const evidencePaths = new Set<string>();
  const wanted = new Set(chosen.flatMap((t) => t.controls));
  const policyIds = new Set(chosen.map((t) => t.id));
  const byFile = new Map<string, { title: string; items: YAMLMap[] }>();
  for (const item of librarySeq(templates.controlLibrary).items) {
    if (!isMap(item)) continue;
    const id = String(item.get('id') ?? '');
    if (!wanted.has(id)) continue;
    wanted.delete(id);
    const node = item.clone() as YAMLMap;
    node.commentBefore = undefined;
    node.set('owner', new Scalar(o.owner));
    node.set('status', new Scalar('planned'));
    node.set('last_reviewed', new Scalar(o.today));
    const policies = node.get('policies', true);
    if (isSeq(policies)) {
      policies.items = policies.items.filter((p) => policyIds.has(String((p as Scalar).value)));
      if (!policies.items.length) node.delete('policies');
    }
    const evidence = node.get('evidence', true);
    if (isSeq(evidence)) for (const e of evidence.items) if (isMap(e) && e.get('path')) evidencePaths.add(String(e.get('path')));
    const prefix = prefixOf(id);
    const area = CONTROL_AREAS[prefix] ?? { file: prefix.toLowerCase(), title: `${prefix} controls` };
    const path = `controls/${area.file}.yaml`;
    const group = byFile.get(path) ?? { title: area.title, items: [] };
    group.items.push(node);
    byFile.set(path, group);
  }
  if (wanted.size) throw new Error(`the control library has no ${[...wanted].join(', ')}`);

  const out = new Map<string, string>();
  for (const [path, group] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const doc = new Document({ controls: [] });
    const seq = doc.get('controls', true) as YAMLSeq;
    group.items.forEach((n, i) => { n.spaceBefore = i > 0; seq.items.push(n); });
    out.set(path, [
      `# ${group.title}: controls from the SOC 2 as Code control library.`,
      '#',
      '# Each control starts as `status: planned`. Rewrite its description to say what your team',
      '# really does, then set `status: implemented` once it operates and its evidence is kept',
      '# under the `evidence` path (relative to evidence/). Keep the ids: policies point at them.',
      '',
      doc.toString({ lineWidth: 100, flowCollectionPadding: false }),
    ].join('\n'));
  }
  return { files: out, evidencePaths: [...evidencePaths].sort() };
}

function evidenceReadme(paths: readonly string[]): string {
  return [
    '# Evidence',
    '',
    'Evidence is what shows an auditor that a control operated: a signed access review, a ticket export,',
    'a scan report, a training completion list. Each control says where its evidence goes with',
    '`evidence: [{ name, path }]`; the `path` is relative to this folder.',
    '',
    '## Naming files',
    '',
    'A file counts as one occurrence on the date in its name:',
    '',
    '- `2027-04-03-access-review.pdf` is 3 April 2027;',
    '- `2027-Q2-vendor-review.md` counts as the last day of the quarter (30 June 2027);',
    '- `2027-05-vulnerability-scan.csv` counts as the last day of the month.',
    '',
    'Files without a date in their name are kept but not counted. A control can also list dates under',
    '`collected: [2027-02-11, ...]` when the evidence lives in another system.',
    '',
    '`soc2 check` warns when an `implemented` control has no evidence, when its newest evidence is older',
    'than its frequency allows, and, for a Type 2 report, when an interval of the observation period has none.',
    ...(paths.length ? ['', '## Folders the controls expect', '', ...paths.map((p) => `- \`${p}/\``)] : []),
    '',
  ].join('\n');
}

/**
 * Everything `soc2 init` (and the editor's "Initialize Compliance Repo") writes, as paths relative to
 * the repo root mapped to their text, in writing order. Pure: the caller decides how to write, and
 * never overwrites.
 */
export function scaffold(o: ScaffoldOptions, templates: TemplateSet = BUNDLED_TEMPLATES): Map<string, string> {
  const categories = parseCategories(o.categories);
  if (typeof categories === 'string') throw new Error(categories);
  if (o.reportType === 2 && !o.period) throw new Error('a Type 2 report needs an observation period');
  const byName = new Map(templates.policies.map((t) => [t.name, t]));
  const chosen = o.templates.map((name) => {
    const t = byName.get(name);
    if (!t) throw new Error(`no policy template named "${name}"; the templates are ${[...byName.keys()].join(', ')}`);
    return t;
  });
  const files = new Map<string, string>([['soc2.yaml', configText(o, categories)]]);
  for (const t of chosen) files.set(`policies/${t.name}.md`, fillPolicy(t, o));
  const controls = controlFiles(templates, chosen, o);
  for (const [path, text] of controls.files) files.set(path, text);
  // Git keeps no empty folders; these mark where policies and controls go when no template was chosen.
  if (!chosen.length) { files.set('policies/.gitkeep', ''); files.set('controls/.gitkeep', ''); }
  files.set('evidence/README.md', evidenceReadme(controls.evidencePaths));
  // The vendor review control, when the chosen templates bring it, is the one the example vendors name.
  const reviewControl = chosen.some((t) => t.controls.includes('VN-01')) ? 'VN-01' : undefined;
  files.set('vendors/vendors.yaml', vendorRegisterText(o, reviewControl));
  files.set('system/description.md', descriptionTemplateText(o));
  return files;
}
