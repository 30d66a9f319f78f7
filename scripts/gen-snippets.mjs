#!/usr/bin/env node
// Generates snippets/controls.code-snippets.json (VS Code snippets for YAML) from
// templates/control-library.yaml, so the snippets and the control library never drift apart.
//
//   node scripts/gen-snippets.mjs           write the snippet file
//   node scripts/gen-snippets.mjs --check   exit 1 if the snippet file is out of date
//
// Each control becomes one snippet: prefixes `soc2-control-<slug>` and the control id, body a
// complete control as a YAML list item (`- id: ...`) with tab stops for the owner, the review
// date, the frequency and the status. A `soc2-controls-file` snippet starts a new controls file.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const libraryFile = path.join(root, 'templates', 'control-library.yaml');
const outFile = path.join(root, 'snippets', 'controls.code-snippets.json');

const FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'on-event'];
const STATUSES = ['planned', 'implemented', 'partial', 'not-applicable'];

/** Short, memorable names for the `soc2-control-<slug>` prefix; unlisted ids fall back to the title. */
const SLUGS = {
  'AC-01': 'access-provisioning',
  'AC-02': 'access-review',
  'AC-03': 'access-removal',
  'AC-04': 'mfa',
  'AC-05': 'password',
  'AC-06': 'privileged-access',
  'AC-07': 'sso',
  'PS-01': 'physical-access',
  'CR-01': 'encryption-at-rest',
  'CR-02': 'encryption-in-transit',
  'CR-03': 'key-management',
  'LM-01': 'logging',
  'LM-02': 'log-review',
  'LM-03': 'intrusion-detection',
  'VM-01': 'vulnerability-scanning',
  'VM-02': 'pentest',
  'VM-03': 'patching',
  'VM-04': 'endpoint-protection',
  'CM-01': 'change-approval',
  'CM-02': 'code-review',
  'CM-03': 'environments',
  'CM-04': 'emergency-change',
  'BC-01': 'backups',
  'BC-02': 'restore-test',
  'BC-03': 'dr-test',
  'AV-01': 'capacity-monitoring',
  'IR-01': 'incident-response-plan',
  'IR-02': 'postmortem',
  'HR-01': 'security-training',
  'HR-02': 'background-check',
  'HR-03': 'onboarding',
  'HR-04': 'code-of-conduct',
  'VN-01': 'vendor-review',
  'VN-02': 'vendor-contracts',
  'RA-01': 'risk-assessment',
  'GV-01': 'management-oversight',
  'GV-02': 'policy-approval',
  'GV-03': 'org-structure',
  'GV-04': 'customer-commitments',
  'AS-01': 'asset-inventory',
  'DC-01': 'data-classification',
  'DC-02': 'data-retention',
  'CF-01': 'confidential-disposal',
};

// Sentinels stand in for tab stops while the YAML is printed; they contain no character that
// YAML would quote or that a snippet would treat specially.
const S = { owner: 'SNIPPETOWNER', reviewed: 'SNIPPETREVIEWED', frequency: 'SNIPPETFREQUENCY', status: 'SNIPPETSTATUS' };

const slugify = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
/** Escapes text so a VS Code snippet inserts it literally. */
const escapeSnippet = (s) => s.replace(/[\\$}]/g, '\\$&');
const choice = (n, first, all) => `\${${n}|${[first, ...all.filter((v) => v !== first)].join(',')}|}`;

function controlSnippet(mapNode) {
  const control = mapNode.toJSON();
  const node = mapNode.clone();
  node.commentBefore = undefined;
  node.spaceBefore = false;
  // New Scalar nodes, so the library's quoting of the {{placeholders}} is not carried over.
  node.set('owner', new YAML.Scalar(S.owner));
  node.set('last_reviewed', new YAML.Scalar(S.reviewed));
  node.set('frequency', new YAML.Scalar(S.frequency));
  node.set('status', new YAML.Scalar(S.status));
  const doc = new YAML.Document([]);
  doc.contents.items.push(node);
  let text = escapeSnippet(doc.toString({ lineWidth: 90, flowCollectionPadding: false }).trimEnd());
  text = text
    .replace(S.owner, '${1:owner@example.com}')
    .replace(S.reviewed, '${2:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}')
    .replace(S.frequency, choice(3, control.frequency ?? 'annual', FREQUENCIES))
    .replace(S.status, choice(4, 'planned', STATUSES));
  if (Object.values(S).some((s) => text.includes(s))) throw new Error(`${control.id}: a tab stop was not placed`);
  const slug = SLUGS[control.id] ?? slugify(control.title ?? control.id);
  return [
    `SOC 2 control ${control.id}: ${control.title}`,
    {
      scope: 'yaml',
      prefix: [`soc2-control-${slug}`, control.id],
      body: [...text.split('\n'), '$0'],
      description: `${control.title} (${control.id}; ${(control.criteria ?? []).join(', ')})`,
    },
  ];
}

const controlsFileSnippet = [
  'SOC 2 controls file',
  {
    scope: 'yaml',
    prefix: ['soc2-controls-file'],
    body: [
      '# Controls for ${1:access control}. Each control needs at least an id; see schemas/controls.schema.json.',
      'controls:',
      '  - id: ${2:AC-01}',
      '    title: ${3:User access provisioning}',
      '    description: >-',
      '      ${4:Who performs the control, what they do, how often, and what record it leaves.}',
      '    owner: ${5:owner@example.com}',
      `    frequency: ${choice(6, 'on-event', FREQUENCIES)}`,
      `    status: ${choice(7, 'planned', STATUSES)}`,
      '    criteria: [${8:CC6.2, CC6.3}]',
      '    policies: [${9:POL-AC}]',
      '    last_reviewed: ${10:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}',
      '    evidence:',
      '      - name: ${11:Approved access request tickets}',
      '        path: ${12:access-control/provisioning}',
      '$0',
    ],
    description: 'A new controls file: a `controls:` list with one control to fill in.',
  },
];

const library = YAML.parseDocument(fs.readFileSync(libraryFile, 'utf8'));
if (library.errors.length) throw new Error(`${libraryFile}: ${library.errors[0].message}`);
const seq = library.get('controls', true);
if (!YAML.isSeq(seq)) throw new Error(`${libraryFile}: expected a controls: list`);

const snippets = {};
const prefixes = new Set();
for (const item of seq.items) {
  const [name, snippet] = controlSnippet(item);
  for (const p of snippet.prefix) {
    if (prefixes.has(p)) throw new Error(`duplicate snippet prefix ${p}`);
    prefixes.add(p);
  }
  snippets[name] = snippet;
}
snippets[controlsFileSnippet[0]] = controlsFileSnippet[1];

const output = JSON.stringify(snippets, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
  if (current !== output) {
    console.error(`${path.relative(root, outFile)} is out of date: run node scripts/gen-snippets.mjs`);
    process.exit(1);
  }
  console.log(`${path.relative(root, outFile)} is up to date (${seq.items.length} control snippets).`);
} else {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, output);
  console.log(`wrote ${path.relative(root, outFile)}: ${seq.items.length} control snippets + soc2-controls-file`);
}
