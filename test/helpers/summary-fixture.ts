/**
 * Hand-built `soc2/summary` results for the client tests: one benign root, and one whose every
 * repository-derived string (ids, titles, owners, file names, messages) is an XSS payload.
 */
import type { SummaryResult, RootSummary } from '../../server/src/lsp/protocol';
import type { ReadinessSummary } from '../../server/src/engine/summary';
import type { Diagnostic, Severity } from '../../server/src/engine/model';

export const PAYLOADS = {
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(1)>',
  js: 'javascript:alert(1)',
  svg: "'><svg/onload=alert(1)>",
  url: 'https://evil.example/x.js',
  style: '</style><script>alert(2)</script>',
  tpl: '`${alert(3)}`',
} as const;

const diag = (file: string, line: number, code: string, message: string, severity: Severity = 'warning'): Diagnostic => ({
  file, code, message, severity, range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 5 } },
});

type Criterion = ReadinessSummary['criteria'][number];
const criterion = (id: string, category: string, status: Criterion['status'], controls: string[], policies: string[], extra: Partial<Criterion> = {}): Criterion =>
  ({ id, category, series: `${id.replace(/\..*/, '')} series`, summary: `Summary of ${id}`, status, controls, policies, ...extra });

/** A small, benign summary: security (4 criteria) and availability (2) in scope, privacy not. */
export function benignRoot(root = 'file:///work/acme'): RootSummary {
  const summary: ReadinessSummary = {
    organization: 'Acme SaaS, Inc.',
    today: '2026-07-15',
    report: { type: 2, period: { start: '2026-01-01', end: '2026-06-30' } },
    readiness: 58,
    categories: [
      { id: 'security', name: 'Security', inScope: true, criteria: 4, covered: 2, partial: 1, gap: 0, excluded: 1 },
      { id: 'availability', name: 'Availability', inScope: true, criteria: 2, covered: 0, partial: 0, gap: 2, excluded: 0 },
      { id: 'privacy', name: 'Privacy', inScope: false, criteria: 1, covered: 0, partial: 0, gap: 0, excluded: 0 },
    ],
    criteria: [
      criterion('CC1.1', 'security', 'covered', ['GOV-01'], ['POL-IS']),
      criterion('CC6.1', 'security', 'covered', ['AC-01', 'AC-02'], ['POL-AC', 'POL-IS']),
      criterion('CC6.4', 'security', 'excluded', [], [], { exclusionReason: 'Carved out to the cloud provider.' }),
      criterion('CC7.2', 'security', 'partial', ['MON-01'], []),
      criterion('A1.1', 'availability', 'gap', [], []),
      criterion('A1.2', 'availability', 'gap', [], ['POL-BC']),
      criterion('P1.1', 'privacy', 'out-of-scope', [], []),
    ],
    counts: { 'stale-review': 1, 'evidence-gap': 1 },
    severities: { error: 0, warning: 2, info: 0, hint: 0 },
    gaps: [
      { id: 'A1.1', summary: 'Summary of A1.1', status: 'gap', controls: [] },
      { id: 'A1.2', summary: 'Summary of A1.2', status: 'gap', controls: [] },
      { id: 'CC7.2', summary: 'Summary of CC7.2', status: 'partial', controls: ['MON-01'] },
    ],
    owners: [{ owner: 'Dana Lee', controls: ['AC-01', 'AC-02'], policies: ['POL-AC'] }],
    locations: {
      'GOV-01': { file: 'controls/governance.yaml', line: 2 },
      'AC-01': { file: 'controls/access.yaml', line: 3 },
      'AC-02': { file: 'controls/access.yaml', line: 14 },
      'MON-01': { file: 'controls/monitoring.yaml', line: 1 },
      'POL-IS': { file: 'policies/information-security.md', line: 2 },
      'POL-AC': { file: 'policies/access-control.md', line: 2 },
    },
    findings: {
      staleReviews: [diag('policies/access-control.md', 6, 'stale-review', 'Review overdue since 2026-03-01.')],
      mismatches: [],
      evidence: [diag('controls/access.yaml', 20, 'evidence-gap', 'No evidence for 2026-Q1.')],
      ownership: [],
      errors: [],
    },
    totals: { policies: 3, controls: 5, controlsByStatus: { implemented: 4, partial: 1 } },
  };
  return { root, name: 'Acme SaaS, Inc.', summary, markdown: '# Acme\n' };
}

/** Every string the repository controls is a payload. Returns the root and the file names used. */
export function hostileRoot(): { root: RootSummary; files: string[] } {
  const P = PAYLOADS;
  const files = [`controls/${P.script}.yaml`, `policies/${P.img}.md`, `controls/${P.svg}.yaml`, `evidence/${P.style}.yaml`];
  const ids = { c1: P.script, c2: P.img, p1: P.svg, p2: P.js };
  const summary: ReadinessSummary = {
    organization: P.style,
    today: '2026-07-15',
    report: { type: 2, period: { start: P.img, end: P.script } },
    readiness: 50,
    categories: [
      { id: 'security', name: P.script, inScope: true, criteria: 3, covered: 1, partial: 1, gap: 0, excluded: 1 },
      { id: 'privacy', name: P.img, inScope: false, criteria: 1, covered: 0, partial: 0, gap: 0, excluded: 0 },
    ],
    criteria: [
      criterion('CC1.1', 'security', 'covered', [ids.c1, ids.c2], [ids.p1, ids.p2], { series: P.svg, summary: P.url }),
      criterion(P.js, 'security', 'partial', [ids.c2], [], { summary: P.tpl }),
      criterion(P.img, 'security', 'excluded', [], [], { exclusionReason: P.script }),
      // A status no server sends: must not reach a class attribute.
      criterion('CC9.9', 'security', '"><script>alert(4)</script>' as Criterion['status'], [], []),
      criterion('P1.1', 'privacy', 'out-of-scope', [], [ids.p1]),
    ],
    counts: { [P.script]: 2 },
    severities: { error: 1, warning: 1, info: 0, hint: 0 },
    gaps: [{ id: P.js, summary: P.url, status: 'partial', controls: [ids.c2] }],
    owners: [{ owner: P.img, controls: [ids.c1, ids.c2], policies: [ids.p1] }, { owner: P.js, controls: [], policies: [ids.p2] }],
    locations: {
      [ids.c1]: { file: files[0]!, line: 3 },
      [ids.c2]: { file: files[0]!, line: 9 },
      [ids.p1]: { file: files[1]!, line: 2 },
      [ids.p2]: { file: files[2]!, line: 2 },
    },
    findings: {
      staleReviews: [diag(files[1]!, 4, P.script, P.img)],
      mismatches: [diag(files[1]!, 12, 'frequency-mismatch', `${P.svg} says ${P.url}`)],
      evidence: [diag(files[3]!, 7, 'evidence-missing', P.style)],
      ownership: [diag(files[2]!, 1, 'missing-owner', P.js)],
      errors: [diag(files[2]!, 5, 'schema', P.tpl, 'error')],
    },
    totals: { policies: 2, controls: 2, controlsByStatus: { [P.svg]: 2 } },
  };
  return { root: { root: `file:///work/${encodeURIComponent(P.img)}`, name: P.script, summary, markdown: '' }, files };
}

export function resultOf(...roots: RootSummary[]): SummaryResult {
  return { roots, indexing: false };
}
