/**
 * Deterministic generator of a large synthetic compliance repo for the benchmark (issue 7).
 *
 *   node --import tsx bench/generate.ts [--scale 1] [--seed 20260101] [--out .bench/repo-1]
 *
 * Scale 1: 1,000 policies (~3 KB each), 10,000 controls in 1,000 YAML files (10 each), 20,000 dated
 * evidence files. Policies, control files and evidence scale linearly with `--scale`.
 *
 * The repo is clean by construction except for deliberately planted problems (about 1-3 % of items per
 * kind), and `expected.json` records how many diagnostics of each code the planted problems must
 * produce, file by file. Everything comes from one seeded PRNG (mulberry32): the same seed and scale
 * always give byte-identical files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const BENCH_TODAY = '2026-07-15';
export const DEFAULT_SEED = 20260101;
export const PERIOD = { start: '2026-01-01', end: '2026-06-30' };

// ---- PRNG ----------------------------------------------------------------------------------------

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) { this.next = mulberry32(seed); }
  float(): number { return this.next(); }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)]; }
  chance(p: number): boolean { return this.next() < p; }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) { const j = Math.floor(this.next() * (i + 1)); [xs[i], xs[j]] = [xs[j], xs[i]]; }
    return xs;
  }
  /** `n` distinct items, in random order. */
  sample<T>(xs: readonly T[], n: number): T[] { return this.shuffle([...xs]).slice(0, n); }
}

/** A seed for a sub-stream, so one item's text does not depend on how many numbers others used. */
function subSeed(seed: number, label: string, index: number): number {
  const h = createHash('sha256').update(`${seed}:${label}:${index}`).digest();
  return h.readUInt32LE(0);
}

// ---- dates (UTC, ISO strings) ---------------------------------------------------------------------

function parseDate(s: string): Date { const [y, m, d] = s.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)); }
function iso(d: Date): string { return d.toISOString().slice(0, 10); }
function addDays(s: string, n: number): string { return iso(new Date(parseDate(s).getTime() + n * 86_400_000)); }
function addMonths(s: string, n: number): string {
  const d = parseDate(s);
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + n, day = d.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m, Math.min(day, last))));
}
function pad(n: number, w: number): string { return String(n).padStart(w, '0'); }
function day(rng: Rng, year: number, month: number, lo = 1, hi = 28): string { return `${year}-${pad(month, 2)}-${pad(rng.int(lo, hi), 2)}`; }
/** A random date in [from, to]. */
function between(rng: Rng, from: string, to: string): string {
  const a = parseDate(from).getTime(), b = parseDate(to).getTime();
  return iso(new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000));
}

// ---- vocabulary ---------------------------------------------------------------------------------

interface Topic { code: string; name: string; slug: string; acts: string[]; evidence: string[] }

const TOPICS: Topic[] = [
  { code: 'AC', name: 'Access Control', slug: 'access-control', acts: ['user access review', 'privileged access approval', 'access removal for leavers', 'single sign-on enforcement check', 'service account inventory', 'access request approval', 'shared account review', 'administrator role review', 'multi-factor enrolment check', 'database access review'], evidence: ['access-review', 'approval-ticket', 'idp-export'] },
  { code: 'CM', name: 'Change Management', slug: 'change-management', acts: ['pull request approval', 'production deployment sign-off', 'emergency change review', 'infrastructure change review', 'release note approval', 'branch protection check', 'change advisory meeting', 'rollback plan review', 'configuration drift check', 'dependency update review'], evidence: ['change-log', 'pr-export', 'release-notes'] },
  { code: 'IR', name: 'Incident Response', slug: 'incident-response', acts: ['incident triage', 'post-incident review', 'incident response tabletop exercise', 'on-call roster check', 'customer notification review', 'security alert escalation', 'forensic evidence handling', 'incident ticket audit', 'runbook review', 'breach assessment'], evidence: ['incident-report', 'tabletop-notes', 'pagerduty-export'] },
  { code: 'BC', name: 'Business Continuity', slug: 'business-continuity', acts: ['backup restore test', 'failover exercise', 'recovery plan review', 'backup job monitoring', 'capacity review', 'dependency mapping review', 'crisis contact list check', 'recovery time objective review', 'replica lag check', 'disaster recovery drill'], evidence: ['restore-test', 'failover-report', 'backup-log'] },
  { code: 'VM', name: 'Vendor Management', slug: 'vendor-management', acts: ['vendor risk assessment', 'vendor contract review', 'subprocessor list review', 'vendor SOC report review', 'vendor offboarding', 'critical vendor inventory', 'data processing agreement check', 'vendor security questionnaire', 'vendor access review', 'vendor performance review'], evidence: ['vendor-assessment', 'soc-report-review', 'vendor-inventory'] },
  { code: 'DC', name: 'Data Classification', slug: 'data-classification', acts: ['data inventory review', 'classification label check', 'data retention purge', 'customer data deletion', 'data flow diagram review', 'sensitive data scan', 'data owner attestation', 'export control review', 'test data masking check', 'storage bucket review'], evidence: ['data-inventory', 'purge-log', 'dlp-report'] },
  { code: 'HR', name: 'Human Resources Security', slug: 'human-resources-security', acts: ['background check', 'security awareness training', 'confidentiality agreement signature', 'code of conduct acknowledgement', 'onboarding checklist', 'offboarding checklist', 'performance review', 'phishing simulation', 'contractor agreement review', 'disciplinary process review'], evidence: ['training-report', 'signed-nda', 'hr-checklist'] },
  { code: 'LM', name: 'Logging and Monitoring', slug: 'logging-and-monitoring', acts: ['log retention check', 'security event review', 'alert rule review', 'audit log integrity check', 'intrusion detection tuning', 'uptime monitoring', 'log source inventory', 'anomaly investigation', 'SIEM health check', 'dashboard review'], evidence: ['log-review', 'siem-export', 'alert-report'] },
  { code: 'EN', name: 'Encryption', slug: 'encryption', acts: ['key rotation', 'certificate renewal check', 'encryption at rest verification', 'TLS configuration scan', 'key access review', 'secrets inventory', 'hardware key custody check', 'cipher suite review', 'backup encryption check', 'disk encryption attestation'], evidence: ['key-rotation', 'tls-scan', 'kms-export'] },
  { code: 'RA', name: 'Risk Assessment', slug: 'risk-assessment', acts: ['risk register review', 'threat model update', 'fraud risk assessment', 'risk treatment sign-off', 'control gap analysis', 'business impact analysis', 'risk appetite review', 'emerging risk workshop', 'insurance coverage review', 'third-party risk rating'], evidence: ['risk-register', 'threat-model', 'risk-minutes'] },
  { code: 'NS', name: 'Network Security', slug: 'network-security', acts: ['firewall rule review', 'security group audit', 'VPN access review', 'network segmentation test', 'DNS record review', 'DDoS protection check', 'bastion host review', 'egress filtering check', 'WAF rule review', 'network diagram update'], evidence: ['firewall-export', 'sg-audit', 'network-scan'] },
  { code: 'SD', name: 'Secure Development', slug: 'secure-development', acts: ['static analysis scan', 'dependency vulnerability scan', 'secure code review', 'penetration test', 'secret scanning', 'threat modelling session', 'container image scan', 'developer security training', 'security acceptance test', 'bug bounty triage'], evidence: ['sast-report', 'pentest-report', 'scan-results'] },
  { code: 'AM', name: 'Asset Management', slug: 'asset-management', acts: ['hardware inventory reconciliation', 'software inventory review', 'laptop encryption check', 'asset disposal record', 'cloud resource tagging check', 'license review', 'mobile device enrolment check', 'asset owner attestation', 'unmanaged device scan', 'endpoint agent coverage check'], evidence: ['asset-inventory', 'mdm-export', 'disposal-record'] },
  { code: 'VL', name: 'Vulnerability Management', slug: 'vulnerability-management', acts: ['vulnerability scan', 'patch deployment', 'remediation tracking review', 'exception approval', 'external attack surface scan', 'operating system patch check', 'critical finding escalation', 'scanner coverage check', 'container base image update', 'vulnerability metrics review'], evidence: ['vuln-scan', 'patch-report', 'remediation-tracker'] },
  { code: 'PS', name: 'Physical Security', slug: 'physical-security', acts: ['badge access review', 'visitor log review', 'office camera check', 'clean desk walkthrough', 'server closet inspection', 'badge deactivation', 'alarm system test', 'delivery handling check', 'key cabinet audit', 'office access list review'], evidence: ['badge-export', 'visitor-log', 'walkthrough-notes'] },
  { code: 'GV', name: 'Governance', slug: 'governance', acts: ['board security briefing', 'policy approval', 'management review meeting', 'organisation chart update', 'compliance calendar review', 'internal audit', 'control owner attestation', 'whistleblower channel check', 'security committee meeting', 'objectives review'], evidence: ['meeting-minutes', 'attestation', 'audit-report'] },
  { code: 'CF', name: 'Confidentiality', slug: 'confidentiality', acts: ['confidential data access review', 'NDA register review', 'customer data disposal', 'confidential document labelling check', 'data sharing approval', 'retention schedule review', 'secure file transfer check', 'printing restriction check', 'screen lock enforcement check', 'confidential email scan'], evidence: ['nda-register', 'disposal-certificate', 'sharing-approval'] },
  { code: 'AV', name: 'Availability', slug: 'availability', acts: ['capacity forecast', 'service level report', 'autoscaling test', 'status page review', 'load test', 'error budget review', 'availability incident review', 'maintenance window approval', 'multi-region health check', 'queue backlog review'], evidence: ['sla-report', 'capacity-plan', 'load-test'] },
  { code: 'CS', name: 'Customer Support Security', slug: 'customer-support-security', acts: ['support tool access review', 'customer identity verification check', 'support ticket data scrub', 'macro content review', 'support escalation audit', 'impersonation log review', 'support agent training', 'customer data export approval', 'chat transcript retention check', 'support vendor review'], evidence: ['support-audit', 'impersonation-log', 'agent-training'] },
  { code: 'OP', name: 'Operations Security', slug: 'operations-security', acts: ['job scheduler review', 'production access session review', 'configuration baseline check', 'capacity alert review', 'runbook update', 'batch job failure review', 'infrastructure cost anomaly review', 'operational metrics review', 'maintenance ticket audit', 'hardening benchmark scan'], evidence: ['ops-review', 'baseline-scan', 'session-log'] },
];

const PRODUCTS = [
  'Payments', 'Billing', 'Ledger', 'Checkout', 'Identity', 'Search', 'Analytics', 'Mobile App', 'Web App', 'Public API',
  'Data Platform', 'Messaging', 'Notifications', 'Onboarding', 'Support Desk', 'CRM', 'Marketplace', 'Reporting', 'Scheduling', 'Inventory',
  'Logistics', 'Forecasting', 'Recommendations', 'Media Storage', 'Video', 'Documents', 'E-Signature', 'Workflows', 'Integrations', 'Webhooks',
  'Admin Console', 'Partner Portal', 'Data Warehouse', 'Machine Learning', 'Fraud Detection', 'Risk Engine', 'Payroll', 'Expenses', 'Procurement', 'Treasury',
  'Compliance Hub', 'Audit Trail', 'Knowledge Base', 'Community', 'Events', 'Loyalty', 'Subscriptions', 'Tax Engine', 'Localization', 'Edge Network',
];

const PEOPLE = [
  'amara.okafor', 'ben.hartley', 'carla.mendes', 'dmitri.volkov', 'elena.rossi', 'farid.haddad', 'grace.liu', 'hugo.lefevre', 'ines.garcia', 'jonas.berg',
  'kaito.tanaka', 'lena.schmidt', 'marcus.reed', 'nadia.petrova', 'omar.siddiqui', 'priya.nair', 'quinn.murphy', 'rosa.alvarez', 'samuel.adeyemi', 'tara.kowalski',
  'umar.farouk', 'vera.novak', 'wei.zhang', 'ximena.ortiz', 'yusuf.demir', 'zoe.campbell', 'aaron.fischer', 'bianca.costa', 'chen.wu', 'daniela.silva',
  'erik.johansson', 'fatima.bello', 'gabriel.moreau', 'hana.kim', 'ivan.horvat', 'julia.weber', 'kwame.mensah', 'laila.rahman', 'mateo.romero', 'nina.larsen',
];

const ROLES = ['the IT lead', 'the security team', 'each system owner', 'the platform team', 'the people operations team', 'the engineering manager', 'the compliance lead', 'the service owner', 'the site reliability team', 'the data protection officer'];

/** Phrases the engine's frequency vocabulary recognises; one is picked per mention sentence. */
const PHRASES: Record<string, string[]> = {
  // "at all times" and "in real time" describe a state, which the engine does not read as a frequency (issue 12).
  continuous: ['continuously'],
  daily: ['daily', 'every day'],
  weekly: ['weekly', 'every week'],
  monthly: ['monthly', 'every month', 'once a month'],
  quarterly: ['quarterly', 'every quarter', 'every three months'],
  semiannual: ['twice a year', 'every six months', 'semi-annually'],
  annual: ['annually', 'once a year', 'every year'],
  'on-event': ['upon termination', 'for every change', 'upon request', 'for each incident', 'at onboarding', 'upon role change'],
};
const TABLE_LABEL: Record<string, string> = {
  continuous: 'Continuously', daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly',
  semiannual: 'Twice a year', annual: 'Annually', 'on-event': 'Upon request',
};

/** In-scope criteria controls are mapped to (CC6.4 is excluded in soc2.yaml; CC9.2 and A1.3 are the planted gaps). */
const SECURITY = ['CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5', 'CC2.1', 'CC2.2', 'CC2.3', 'CC3.1', 'CC3.2', 'CC3.3', 'CC3.4', 'CC4.1', 'CC4.2',
  'CC5.1', 'CC5.2', 'CC5.3', 'CC6.1', 'CC6.2', 'CC6.3', 'CC6.5', 'CC6.6', 'CC6.7', 'CC6.8', 'CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5', 'CC8.1', 'CC9.1'];
const POOL = [...SECURITY, 'A1.1', 'A1.2', 'C1.1', 'C1.2'];
const PLANNED_ONLY_CRITERION = 'CC9.2';
const UNMAPPED_CRITERION = 'A1.3';
const BAD_CRITERIA = ['CC6.9', 'cc6.1', 'CC 6.1', 'CC6.1.', 'PP1.1', 'CC10.1', 'A1.4', 'CC7.6'];
const OUT_OF_SCOPE = ['PI1.1', 'PI1.3', 'P1.1', 'P4.2', 'P6.1'];

// ---- model --------------------------------------------------------------------------------------

interface EvidenceFile { name: string; content: string }
interface EvidenceItem { name: string; path?: string; files?: EvidenceFile[]; collected?: string[] }

interface Ctl {
  id: string; topic: Topic; file: CtlFile; title: string; description: string;
  owner?: string; frequency: string; status: string; criteria?: string[]; policies: () => string[]; extraPolicies: string[];
  lastReviewed?: string; reviewCycle?: string; evidence?: EvidenceItem[];
  /** yaml-syntax plants */
  dupKey?: boolean; colonLast?: boolean;
  tags: Set<string>;
}
interface CtlFile { index: number; path: string; topic: Topic; product: string; controls: Ctl[]; policy?: Pol; syntax?: boolean }

type Placement = 'statement' | 'list' | 'table' | 'exceptions' | 'cross' | 'unknown';
interface Mention {
  ctl?: Ctl; raw?: string; placement: Placement;
  /** The frequency the sentence states: none, the control's own (at render time), or a planted different one. */
  stated: 'none' | 'own' | { planted: string };
  /** The control's frequency when the sentence was written (used if the control's value is later made invalid). */
  baseFreq: string;
  phraseIndex: number;
}

interface Pol {
  index: number; id: string; path: string; topic: Topic; product: string; title: string;
  owner?: string; approver: string; version: string; lastReviewed?: string; reviewCycle?: string;
  criteria?: string[]; listsControls: boolean; extraControls: (Ctl | string)[]; file: CtlFile;
  mentions: Mention[];
  badDate?: string; fmDupKey?: boolean; fmColonLast?: boolean;
  /** policy wording plants (issue 5): a vague sentence, a missing expected section */
  vague?: string; noEnforcement?: boolean;
  tags: Set<string>;
}

export interface BenchTarget {
  /** Control file opened in the editor: it has a file-local diagnostic, so it is published at once. */
  openFile: string;
  /** The policy whose diagnostics change when the target control's frequency changes. */
  policyFile: string;
  controlId: string;
  frequency: string; altFrequency: string;
  criterion: string; altCriterion: string;
}

export interface Expected {
  generatorVersion: string;
  seed: number; scale: number; today: string;
  files: {
    policies: number; controlFiles: number; controls: number; markdownBytes: number; yamlBytes: number;
    /** Dated evidence files in all, and how many of them sit under a control's evidence path (the rest are an unreferenced archive). */
    evidence: number; evidenceReferenced: number;
  };
  /** Diagnostics the planted problems must produce, by code. */
  counts: Record<string, number>;
  /** The same, by file and code. */
  byFile: Record<string, Record<string, number>>;
  bench: BenchTarget;
}

export interface GenerateOptions { scale: number; seed?: number; outDir: string }

/** Hash of this file's source: a repo generated by another version of the generator is regenerated. */
export function generatorVersion(): string {
  return createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 12);
}

// ---- generation ---------------------------------------------------------------------------------

export function generate(options: GenerateOptions): Expected {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale;
  const rng = new Rng(seed);
  const nFiles = Math.max(1, Math.round(1000 * scale));
  const nEvidenceTarget = Math.round(20_000 * scale);
  const expected: Expected = {
    generatorVersion: generatorVersion(), seed, scale, today: BENCH_TODAY,
    files: { policies: nFiles, controlFiles: nFiles, controls: 0, markdownBytes: 0, yamlBytes: 0, evidence: 0, evidenceReferenced: 0 },
    counts: {}, byFile: {}, bench: undefined as unknown as BenchTarget,
  };
  const expect = (file: string, code: string, n = 1) => {
    expected.counts[code] = (expected.counts[code] ?? 0) + n;
    const f = (expected.byFile[file] ??= {});
    f[code] = (f[code] ?? 0) + n;
  };

  // 1. Baseline: control files and their policies, one pair per (topic, product), every item clean.
  const serial = new Map<string, number>();
  const files: CtlFile[] = [];
  const policies: Pol[] = [];
  const controls: Ctl[] = [];
  for (let k = 0; k < nFiles; k++) {
    const topic = TOPICS[k % TOPICS.length];
    const round = Math.floor(k / TOPICS.length);
    const product = PRODUCTS[round % PRODUCTS.length] + (round >= PRODUCTS.length ? ` ${Math.floor(round / PRODUCTS.length) + 1}` : '');
    const pslug = slug(product);
    const file: CtlFile = { index: k, path: `controls/${topic.code.toLowerCase()}/${pslug}.yaml`, topic, product, controls: [] };
    files.push(file);
    for (let i = 0; i < 10; i++) {
      const n = (serial.get(topic.code) ?? 0) + 1;
      serial.set(topic.code, n);
      const g = controls.length;
      const id = `${topic.code}-${pad(n, 4)}`;
      const act = topic.acts[(i + round) % topic.acts.length];
      const frequency = pickFrequency(rng);
      const status = g < POOL.length ? 'implemented' : pickStatus(rng);
      const crit = new Set([POOL[g % POOL.length]]);
      for (let e = rng.int(0, 2); e > 0; e--) crit.add(rng.pick(POOL));
      const cycle = rng.chance(0.6) ? undefined : rng.chance(0.75) ? 'annual' : 'semiannual';
      const ctl: Ctl = {
        id, topic, file, title: capital(act) + ` (${product})`,
        description: describe(rng, act, product),
        owner: `${rng.pick(PEOPLE)}@bench.example`, frequency, status, criteria: [...crit],
        policies: () => (file.policy ? [file.policy.id] : []), extraPolicies: [],
        lastReviewed: cleanReviewDate(rng, cycle), reviewCycle: cycle,
        tags: new Set(g < POOL.length ? ['anchor'] : []),
      };
      ctl.evidence = baselineEvidence(rng, ctl);
      file.controls.push(ctl);
      controls.push(ctl);
    }
    const pol: Pol = {
      index: k, id: `POL-${topic.code}-${pad(round + 1, 3)}`, path: `policies/${topic.slug}/${pslug}.md`, topic, product,
      title: `${topic.name} Policy (${product})`, owner: `${rng.pick(PEOPLE)}@bench.example`, approver: 'ciso@bench.example',
      version: `${rng.int(1, 4)}.${rng.int(0, 9)}`, lastReviewed: undefined, reviewCycle: rng.chance(0.5) ? 'annual' : undefined,
      criteria: rng.sample(POOL, rng.int(2, 4)), listsControls: true, extraControls: [], file, mentions: [], tags: new Set(),
    };
    pol.lastReviewed = cleanReviewDate(rng, pol.reviewCycle);
    file.policy = pol;
    policies.push(pol);
    // Where each of the file's controls is mentioned in the policy body: once each.
    const order = rng.shuffle([...file.controls]);
    const placements: Placement[] = ['statement', 'statement', 'statement', 'statement', 'list', 'list', 'list', 'table', 'table', 'exceptions'];
    order.forEach((ctl, i) => {
      const placement = placements[i];
      pol.mentions.push({ ctl, placement, stated: placement === 'exceptions' ? 'none' : 'own', baseFreq: ctl.frequency, phraseIndex: rng.int(0, 99) });
    });
  }
  expected.files.controls = controls.length;
  // Cross mentions (no frequency stated): a policy naming another policy's control.
  for (const pol of policies) {
    if (nFiles > 1 && rng.chance(0.3)) {
      const other = files[(pol.index + rng.int(1, nFiles - 1)) % nFiles];
      pol.mentions.push({ ctl: rng.pick(other.controls), placement: 'cross', stated: 'none', baseFreq: '', phraseIndex: 0 });
    }
  }

  // 2. Plants. Each item carries at most one plant, so their diagnostics never interact.
  const free = (c: Ctl) => c.tags.size === 0;
  const freePol = (p: Pol) => p.tags.size === 0;
  const ctlOrder = rng.shuffle([...controls]);
  const polOrder = rng.shuffle([...policies]);
  const takeCtl = (tag: string, ok: (c: Ctl) => boolean = () => true): Ctl | undefined => {
    // Never in a file with a planted YAML syntax error: the engine judges no item there but by its syntax
    // findings (issue 20, no cascades), so a problem planted beside one would not be reported.
    const c = ctlOrder.find((x) => free(x) && !x.file.syntax && ok(x));
    if (c) c.tags.add(tag);
    return c;
  };
  const takePol = (tag: string, ok: (p: Pol) => boolean = () => true): Pol | undefined => {
    const p = polOrder.find((x) => freePol(x) && ok(x));
    if (p) p.tags.add(tag);
    return p;
  };
  const count = (rate: number, n: number) => Math.max(1, Math.round(rate * n));
  const nC = controls.length, nP = policies.length;
  const implemented = (c: Ctl) => c.status === 'implemented';
  const mismatchable = (m: Mention) => !!m.ctl && free(m.ctl) && m.stated === 'own' && (m.placement === 'statement' || m.placement === 'list');

  // The benchmark's edit target: a quarterly control whose policy states "quarterly" in a sentence,
  // in a file that also holds a stale review (so the file has diagnostics before any edit).
  {
    const target = takeCtl('bench', (c) => implemented(c) && c.file.controls.filter(free).length >= 3
      && c.file.policy!.mentions.some((m) => m.ctl === c && m.stated === 'own' && (m.placement === 'statement' || m.placement === 'list')));
    if (!target) throw new Error('no bench target');
    target.frequency = 'quarterly';
    target.evidence = quarterlyEvidence(rng, target, true);
    target.policies = () => [target.file.policy!.id];
    target.file.policy!.tags.add('bench');
    const stale = target.file.controls.find((c) => free(c) && c.status !== 'not-applicable')!;
    stale.tags.add('stale-review');
    stale.lastReviewed = staleReviewDate(rng, stale.reviewCycle);
    expect(target.file.path, 'stale-review');
    expected.bench = {
      openFile: target.file.path, policyFile: target.file.policy!.path, controlId: target.id,
      frequency: 'quarterly', altFrequency: 'semiannual', criterion: target.criteria![0], altCriterion: 'CC6.9',
    };
  }

  // Coverage gaps reported in soc2.yaml: CC9.2 is mapped only by planned controls, A1.3 by nothing.
  for (let i = 0; i < 2; i++) {
    const c = takeCtl('planned-only', (x) => x.status === 'planned' || x.status === 'implemented');
    if (!c) continue;
    c.status = 'planned';
    c.criteria = [PLANNED_ONLY_CRITERION];
  }
  expect('soc2.yaml', 'unmapped-criterion', 2);

  // yaml-syntax: a duplicated key (the rest of the file still reads), or an unquoted colon in the last field.
  for (let i = 0, n = count(0.003, nFiles); i < n; i++) {
    const c = takeCtl('yaml-syntax', (x) => !x.file.syntax && x.file.path !== expected.bench.openFile);
    if (!c) break;
    c.file.syntax = true;
    if (i % 2 === 0) c.dupKey = true; else c.colonLast = true;
    expect(c.file.path, 'yaml-syntax');
  }
  // duplicate-id: a control copied into another file without changing its id (reported on both).
  for (let i = 0, n = count(0.001, nC); i < n; i++) {
    const y = takeCtl('dup', implemented);
    const x = takeCtl('dup', (c) => implemented(c) && y !== undefined && c.file !== y.file);
    if (!x || !y) break;
    x.id = y.id; x.frequency = y.frequency; x.evidence = y.evidence; x.topic = y.topic;
    expect(x.file.path, 'duplicate-id'); expect(y.file.path, 'duplicate-id');
  }
  for (let i = 0, n = count(0.002, nP); i < n && nP > 2; i++) {
    const y = takePol('dup');
    const x = takePol('dup', (p) => y !== undefined && p !== y);
    if (!x || !y) break;
    x.id = y.id;
    expect(x.path, 'duplicate-id'); expect(y.path, 'duplicate-id');
  }

  const controlPlants: [string, number, (c: Ctl) => boolean, (c: Ctl) => void][] = [
    ['stale-review', 0.02, (c) => c.status !== 'not-applicable', (c) => { c.lastReviewed = staleReviewDate(rng, c.reviewCycle); }],
    ['review-due-soon', 0.015, (c) => c.status !== 'not-applicable', (c) => { c.lastReviewed = dueSoonReviewDate(rng, c.reviewCycle); }],
    ['missing-review-date', 0.005, (c) => c.status !== 'not-applicable', (c) => { c.lastReviewed = undefined; }],
    ['missing-owner', 0.01, (c) => c.status !== 'not-applicable', (c) => { c.owner = undefined; }],
    ['control-unmapped', 0.005, (c) => c.status !== 'not-applicable', (c) => { c.criteria = undefined; }],
    ['unknown-criterion', 0.01, () => true, (c) => { c.criteria = [...c.criteria!, rng.pick(BAD_CRITERIA)]; }],
    ['out-of-scope-criterion', 0.01, () => true, (c) => { c.criteria = [...c.criteria!, rng.pick(OUT_OF_SCOPE)]; }],
    ['unknown-reference', 0.003, () => true, (c) => { c.extraPolicies.push(`POL-${c.topic.code}-9${pad(rng.int(0, 99), 2)}`); }],
    ['evidence-missing', 0.01, implemented, (c) => { c.evidence = undefined; }],
    ['evidence-missing', 0.005, (c) => implemented(c) && (c.frequency === 'continuous' || c.frequency === 'on-event'), (c) => {
      c.evidence = [{ name: 'Exported configuration', path: `${c.topic.code.toLowerCase()}/${c.id}-archive`, files: [] }];
    }],
    ['evidence-stale', 0.01, (c) => implemented(c) && c.frequency === 'monthly', (c) => {
      // Every month has evidence, but the newest (June 3) is more than 30 + 8 days before today.
      const dates = [1, 2, 3, 4, 5].map((m) => day(rng, 2026, m, 10, 28)).concat(['2026-06-03']);
      c.evidence = [{ name: 'Monthly report', path: `${c.topic.code.toLowerCase()}/${c.id}`, files: dates.map((d) => ({ name: `${d}-${rng.pick(c.topic.evidence)}.pdf`, content: '' })) }];
    }],
    ['evidence-gap', 0.015, (c) => implemented(c) && (c.frequency === 'quarterly' || c.frequency === 'monthly'), (c) => {
      if (c.frequency === 'quarterly') {
        c.evidence = [{ name: 'Quarterly sign-off', path: `${c.topic.code.toLowerCase()}/${c.id}`, files: [{ name: `${day(rng, 2026, 6, 8, 28)}-${rng.pick(c.topic.evidence)}.pdf`, content: '' }] }];
      } else {
        const months = [1, 2, 4, 5, 6]; // March is missing
        c.evidence = [{ name: 'Monthly report', collected: months.map((m) => day(rng, 2026, m, 10, 28)) }];
      }
    }],
    ['schema', 0.003, (c) => !c.file.syntax, (c) => {
      const kind = rng.int(0, 2);
      if (kind === 0) c.status = 'in-progress';
      else if (kind === 1) c.frequency = 'biweekly';
      else c.lastReviewed = `2026-02-${rng.pick(['29', '30', '31'])}`;
    }],
  ];
  for (const [code, rate, ok, apply] of controlPlants) {
    for (let i = 0, n = count(rate, nC); i < n; i++) {
      const c = takeCtl(code, ok);
      if (!c) throw new Error(`no control left for ${code}`);
      apply(c);
      expect(c.file.path, code);
    }
  }
  // one-sided-link from a control: it lists a second policy that neither lists nor mentions it.
  for (let i = 0, n = count(0.01, nC); i < n && nP > 1; i++) {
    const c = takeCtl('one-sided-link');
    if (!c) break;
    const other = polOrder.find((p) => freePol(p) && p !== c.file.policy && !p.mentions.some((m) => m.ctl === c) && !p.extraControls.includes(c));
    if (!other) { c.tags.delete('one-sided-link'); break; }
    c.extraPolicies.push(other.id);
    expect(c.file.path, 'one-sided-link');
  }

  const policyPlants: [string, number, (p: Pol) => boolean, (p: Pol) => void][] = [
    ['stale-review', 0.03, () => true, (p) => { p.lastReviewed = staleReviewDate(rng, p.reviewCycle); }],
    ['review-due-soon', 0.02, () => true, (p) => { p.lastReviewed = dueSoonReviewDate(rng, p.reviewCycle); }],
    ['missing-review-date', 0.01, () => true, (p) => { p.lastReviewed = undefined; }],
    ['missing-owner', 0.01, () => true, (p) => { p.owner = undefined; }],
    ['policy-unmapped', 0.01, () => true, (p) => { p.criteria = undefined; p.listsControls = false; }],
    ['unknown-criterion', 0.01, () => true, (p) => { p.criteria = [...p.criteria!, rng.pick(BAD_CRITERIA)]; }],
    ['out-of-scope-criterion', 0.01, () => true, (p) => { p.criteria = [...p.criteria!, rng.pick(OUT_OF_SCOPE)]; }],
    ['unknown-reference', 0.01, () => true, (p) => { p.extraControls.push(`${p.topic.code}-9${pad(rng.int(0, 999), 3)}`); }],
    ['unknown-reference', 0.02, () => true, (p) => {
      p.mentions.push({ raw: `${p.topic.code}-9${pad(rng.int(0, 999), 3)}`, placement: 'unknown', stated: 'none', baseFreq: '', phraseIndex: 0 });
    }],
    ['frequency-mismatch', 0.03, (p) => p.mentions.some(mismatchable), (p) => {
      const m = p.mentions.find(mismatchable)!;
      m.ctl!.tags.add('mentioned-mismatch');
      const others = Object.keys(PHRASES).filter((f) => f !== m.ctl!.frequency && f !== 'daily' && f !== 'weekly');
      m.stated = { planted: rng.pick(others) };
    }],
    ['schema', 0.005, () => true, (p) => { p.badDate = `2026-${rng.pick(['02-30', '13-01', '04-31'])}`; }],
    ['frontmatter-syntax', 0.003, () => true, (p) => { if (rng.chance(0.5)) p.fmDupKey = true; else p.fmColonLast = true; }],
    ['vague-language', 0.02, () => true, (p) => { p.vague = rng.pick(VAGUE_SENTENCES); }],
    ['policy-missing-section', 0.01, () => true, (p) => { p.noEnforcement = true; }],
  ];
  for (const [code, rate, ok, apply] of policyPlants) {
    for (let i = 0, n = count(rate, nP); i < n; i++) {
      const p = takePol(code, ok);
      if (!p) throw new Error(`no policy left for ${code}`);
      apply(p);
      expect(p.path, code);
    }
  }
  // one-sided-link from a policy: it lists a control of another file that does not list it back.
  for (let i = 0, n = count(0.01, nP); i < n && nP > 1; i++) {
    const p = takePol('one-sided-link');
    if (!p) break;
    const c = ctlOrder.find((x) => free(x) && x.file !== p.file);
    if (!c) break;
    c.tags.add('listed-by-other');
    p.extraControls.push(c);
    expect(p.path, 'one-sided-link');
  }

  // 3. Write.
  rmSync(options.outDir, { recursive: true, force: true });
  const write = (rel: string, content: string) => {
    const abs = path.join(options.outDir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  };
  write('soc2.yaml', CONFIG);
  for (const file of files) {
    const text = renderControls(file);
    expected.files.yamlBytes += Buffer.byteLength(text);
    write(file.path, text);
  }
  for (const pol of policies) {
    const text = renderPolicy(pol, new Rng(subSeed(seed, 'policy', pol.index)));
    expected.files.markdownBytes += Buffer.byteLength(text);
    write(pol.path, text);
  }
  // Evidence: one folder per distinct evidence path, then undated-free padding up to the target count.
  let nEvidence = 0;
  const writtenPaths = new Set<string>();
  for (const c of controls) {
    for (const item of c.evidence ?? []) {
      if (!item.path || writtenPaths.has(item.path)) continue;
      writtenPaths.add(item.path);
      for (const f of item.files ?? []) { write(`evidence/${item.path}/${f.name}`, f.content); nEvidence++; }
    }
  }
  expected.files.evidenceReferenced = nEvidence;
  const archiveRng = new Rng(subSeed(seed, 'archive', 0));
  for (let i = 0; nEvidence < nEvidenceTarget; i++, nEvidence++) {
    const topic = TOPICS[i % TOPICS.length];
    const year = 2024 + (i % 2);
    write(`evidence/archive/${year}/${topic.code.toLowerCase()}/${day(archiveRng, year, archiveRng.int(1, 12))}-${archiveRng.pick(topic.evidence)}-${pad(i, 5)}.pdf`, '');
  }
  expected.files.evidence = nEvidence;
  write('expected.json', JSON.stringify(expected, null, 2) + '\n');
  return expected;
}

// ---- baseline choices ---------------------------------------------------------------------------

function pickFrequency(rng: Rng): string {
  const x = rng.float();
  return x < 0.15 ? 'continuous' : x < 0.35 ? 'on-event' : x < 0.52 ? 'monthly' : x < 0.77 ? 'quarterly' : x < 0.87 ? 'semiannual' : 'annual';
}
function pickStatus(rng: Rng): string {
  const x = rng.float();
  return x < 0.85 ? 'implemented' : x < 0.92 ? 'partial' : x < 0.97 ? 'planned' : 'not-applicable';
}
function cycleMonths(cycle: string | undefined): number { return cycle === 'semiannual' ? 6 : cycle === 'quarterly' ? 3 : 12; }
/** A review date whose next review is due well after today + 30 days. */
function cleanReviewDate(rng: Rng, cycle: string | undefined): string {
  const due = between(rng, addDays(BENCH_TODAY, 45), addDays(addMonths(BENCH_TODAY, cycleMonths(cycle)), -5));
  return clampDay(addMonths(due, -cycleMonths(cycle)));
}
function staleReviewDate(rng: Rng, cycle: string | undefined): string {
  const due = between(rng, addDays(BENCH_TODAY, -500), addDays(BENCH_TODAY, -10));
  return clampDay(addMonths(due, -cycleMonths(cycle)));
}
function dueSoonReviewDate(rng: Rng, cycle: string | undefined): string {
  const due = between(rng, addDays(BENCH_TODAY, 3), addDays(BENCH_TODAY, 25));
  return clampDay(addMonths(due, -cycleMonths(cycle)));
}
/** Keeps day-of-month <= 28 so adding the cycle back never clamps (due dates stay where planned). */
function clampDay(s: string): string { return +s.slice(8) > 28 ? `${s.slice(0, 8)}28` : s; }

function baselineEvidence(rng: Rng, c: Ctl): EvidenceItem[] {
  const dir = `${c.topic.code.toLowerCase()}/${c.id}`;
  const kind = () => rng.pick(c.topic.evidence);
  const inPeriod = () => day(rng, 2026, rng.int(1, 6));
  switch (c.frequency) {
    case 'continuous':
      return [{ name: 'Configuration export', path: dir, files: [{ name: `${day(rng, 2026, 6, 8, 28)}-${kind()}.json`, content: '{}\n' }] }];
    case 'on-event':
      return [{ name: 'Sample of tickets', path: dir, files: [inPeriod(), inPeriod()].sort().map((d, i) => ({ name: `${d}-${kind()}-${i + 1}.pdf`, content: '' })) }];
    case 'monthly':
      if (rng.chance(0.5)) return [{ name: 'Monthly report', collected: [1, 2, 3, 4, 5, 6].map((m) => day(rng, 2026, m, 10, 28)) }];
      // Month-named files (`2026-03-...`) count on the month's last day.
      return [{ name: 'Monthly report', path: dir, files: [1, 2, 3, 4, 5, 6].map((m) => ({ name: `2026-${pad(m, 2)}-${kind()}.pdf`, content: '' })) }];
    case 'quarterly':
      return quarterlyEvidence(rng, c, false);
    case 'semiannual':
      return [{ name: 'Signed review', path: dir, files: [{ name: `${day(rng, 2026, rng.int(2, 6))}-${kind()}.pdf`, content: 'signed\n' }] }];
    default: // annual
      if (rng.chance(0.5)) return [{ name: 'Annual attestation', collected: [day(rng, 2026, rng.int(1, 6))] }];
      return [{ name: 'Annual report', path: dir, files: [{ name: `${day(rng, 2026, rng.int(1, 6))}-${kind()}.pdf`, content: '' }] }];
  }
}
function quarterlyEvidence(rng: Rng, c: Ctl, withCollected: boolean): EvidenceItem[] {
  const dir = `${c.topic.code.toLowerCase()}/${c.id}`;
  const items: EvidenceItem[] = [{ name: 'Quarterly sign-off', path: dir, files: [
    { name: `2026-Q1-${rng.pick(c.topic.evidence)}.pdf`, content: '' },
    { name: `${day(rng, 2026, 6, 1, 28)}-${rng.pick(c.topic.evidence)}.pdf`, content: '' },
  ] }];
  if (withCollected) items.push({ name: 'Reviewer confirmation', collected: [day(rng, 2026, 3), day(rng, 2026, 6)] });
  return items;
}

// ---- rendering ----------------------------------------------------------------------------------

const CONFIG = `# Synthetic compliance repo generated by bench/generate.ts (do not edit by hand).
organization: Bench Corp

report:
  type: 2
  period: { start: ${PERIOD.start}, end: ${PERIOD.end} }

scope:
  categories: [security, availability, confidentiality]
  exclusions:
    - criterion: CC6.4
      reason: Physical security of the production facilities is carved out to the cloud provider.

paths:
  policies: ["policies/**/*.md"]
  controls: ["controls/**/*.yaml", "controls/**/*.yml"]
  evidence: evidence

review:
  default_cycle: annual
  due_soon_days: 30
`;

function renderControls(file: CtlFile): string {
  const out: string[] = [`# ${file.topic.name} controls for ${file.product}.`, '', 'controls:'];
  file.controls.forEach((c, i) => {
    if (i > 0) out.push('');
    out.push(`  - id: ${c.id}`);
    out.push(`    title: ${c.title}`);
    if (!c.colonLast) out.push('    description: >-', ...wrap(c.description, 74).map((l) => `      ${l}`));
    if (c.owner) out.push(`    owner: ${c.owner}`);
    if (c.dupKey) out.push(`    owner: ${c.owner ?? 'it@bench.example'}`);
    out.push(`    frequency: ${c.frequency}`);
    out.push(`    status: ${c.status}`);
    if (c.criteria) out.push(`    criteria: [${c.criteria.join(', ')}]`);
    const pols = [...c.policies(), ...c.extraPolicies];
    if (pols.length) out.push(`    policies: [${pols.join(', ')}]`);
    if (c.lastReviewed) out.push(`    last_reviewed: ${c.lastReviewed}`);
    if (c.reviewCycle) out.push(`    review_cycle: ${c.reviewCycle}`);
    if (c.evidence) {
      out.push('    evidence:');
      for (const e of c.evidence) {
        out.push(`      - name: ${e.name}`);
        if (e.path) out.push(`        path: ${e.path}`);
        if (e.collected) out.push(`        collected: [${e.collected.join(', ')}]`);
      }
    }
    // An unquoted ": " inside a plain value: a classic YAML slip.
    if (c.colonLast) out.push(`    description: Runs after each release: the owner files the record`);
  });
  return out.join('\n') + '\n';
}

function renderPolicy(p: Pol, rng: Rng): string {
  const fm: string[] = ['---', `id: ${p.id}`];
  if (!p.fmColonLast) fm.push(`title: ${p.title}`);
  if (p.owner) fm.push(`owner: ${p.owner}`);
  if (p.fmDupKey) fm.push(`owner: ${p.owner ?? 'compliance@bench.example'}`);
  fm.push(`approver: ${p.approver}`, `version: "${p.version}"`);
  if (p.badDate) fm.push(`last_reviewed: ${p.badDate}`);
  else if (p.lastReviewed) fm.push(`last_reviewed: ${p.lastReviewed}`);
  if (p.reviewCycle) fm.push(`review_cycle: ${p.reviewCycle}`);
  if (p.criteria) fm.push(`criteria: [${p.criteria.join(', ')}]`);
  const listed = [...(p.listsControls ? p.file.controls.map((c) => c.id) : []), ...p.extraControls.map((c) => (typeof c === 'string' ? c : c.id))];
  if (listed.length) {
    fm.push('controls:');
    for (let i = 0; i < listed.length; i += 5) fm.push(`  - ${listed.slice(i, i + 5).join('\n  - ')}`);
  }
  if (p.fmColonLast) fm.push(`title: ${p.topic.name}: ${p.product}`);
  fm.push('---');

  const by = (pl: Placement) => p.mentions.filter((m) => m.placement === pl);
  const para = (sentences: string[]) => wrap(sentences.join(' '), 80).join('\n');
  const bullets = (items: string[]) => items.map((s) => wrap(s, 78).map((l, i) => (i ? '  ' : '- ') + l).join('\n')).join('\n');
  const filler = (n: number, section: string) => Array.from({ length: n }, () => fillerSentence(rng, section, p));
  const ctlFile = `../../${p.file.path}`;

  const body: string[] = [
    `# ${p.title}`, '',
    '## Purpose', '', para(filler(3, 'purpose')), '',
    '## Scope', '', para(filler(1, 'scope')), '',
    bullets(rng.sample(SCOPE_ITEMS, 3).map((s) => s.replace('{product}', p.product))), '',
    '## Roles and Responsibilities', '',
    bullets(rng.sample(RESPONSIBILITIES, 3).map(([role, duty]) => `**${role}**: ${duty.replace('{product}', p.product)}`)), '',
    '## Policy Statements', '',
    para([...filler(1, 'statements'), ...by('statement').map((m) => mentionSentence(rng, m, ctlFile)), ...by('unknown').map((m) => unknownSentence(m.raw!)), ...filler(1, 'statements'), ...(p.vague ? [p.vague] : [])]), '',
    bullets(by('list').map((m) => mentionSentence(rng, m, ctlFile))), '',
    '### Control Schedule', '',
    '| Control | Activity | Frequency |',
    '| ------- | -------- | --------- |',
    ...by('table').map((m) => `| ${m.ctl!.id} | ${capital(actOf(m.ctl!))} | ${TABLE_LABEL[statedFrequency(m)!]} |`), '',
    '## Configuration Example', '',
    para([`The baseline below is applied by the ${p.product} deployment pipeline and reviewed with the control owners.`]), '',
    '```yaml',
    `# ${p.file.controls[0].id} in a code block is not a reference to the control`,
    `policy: ${p.id}`,
    `product: ${slug(p.product)}`,
    'settings:',
    `  enforce: true`,
    `  owners: [${rng.pick(PEOPLE)}, ${rng.pick(PEOPLE)}]`,
    '```', '',
    '## Exceptions', '',
    para([...by('exceptions').map((m) => exceptionSentence(m.ctl!)), ...by('cross').map((m) => crossSentence(m.ctl!)), ...filler(1, 'exceptions')]), '',
    ...(p.noEnforcement ? [] : ['## Enforcement', '', para(filler(2, 'enforcement')), '']),
    '## Review and Approval', '', para(filler(1, 'review')), '',
  ];
  return fm.join('\n') + '\n\n' + body.join('\n');
}

/** The activity named by a control's title, as it reads mid-sentence ("VPN access review" keeps its capitals). */
function actOf(c: Ctl): string { return c.title.replace(/ \(.*\)$/, '').replace(/^[A-Z](?=[a-z])/, (s) => s.toLowerCase()); }

/** The frequency a mention sentence states, or undefined when it states none. */
function statedFrequency(m: Mention): string | undefined {
  if (m.stated === 'none') return undefined;
  if (m.stated !== 'own') return m.stated.planted;
  return PHRASES[m.ctl!.frequency] ? m.ctl!.frequency : m.baseFreq;
}

function mentionSentence(rng: Rng, m: Mention, ctlFile: string): string {
  const c = m.ctl!;
  const act = actOf(c);
  const role = ROLES[m.phraseIndex % ROLES.length];
  const stated = statedFrequency(m);
  if (!stated) return `The ${act} is described in control ${c.id}.`;
  const phrases = PHRASES[stated];
  const f = phrases[m.phraseIndex % phrases.length];
  switch (rng.int(0, 4)) {
    case 0: return `${capital(role)} performs the ${act} (${c.id}) ${f}.`;
    case 1: return `Under ${c.id}, ${role} carries out the ${act} ${f}.`;
    case 2: return `The ${act} is performed ${f} and recorded as evidence for ${c.id}.`;
    case 3: return `**${c.id}**: ${role} completes the ${act} ${f}, and the record is kept with the evidence.`;
    default: return `As described in [${c.id}](${ctlFile}), ${role} runs the ${act} ${f}.`;
  }
}
function exceptionSentence(c: Ctl): string { return `Exceptions to ${c.id} need written approval from the policy owner and are tracked in the risk register.`; }
function crossSentence(c: Ctl): string { return `This policy also relies on ${c.id}, which is owned under the ${c.topic.name} policy.`; }
function unknownSentence(id: string): string { return `Control ${id} was retired, and its checks moved to the ticketing workflow.`; }

/** Each holds exactly one phrase of the engine's vague-language list. */
const VAGUE_SENTENCES = [
  'Logs are reviewed periodically by the owning team.', 'Staff escalate unusual activity as needed.',
  'Data at rest is encrypted where possible.', 'Findings are remediated in a timely manner.',
  'Managers grant appropriate access to new joiners.',
];

const SCOPE_ITEMS = [
  'production systems of the {product} service and the accounts that administer them;', 'source code repositories and the deployment pipeline;',
  'laptops and mobile devices used by staff and contractors;', 'third-party services that store or process customer data;',
  'internal tools used by support, finance and operations teams;', 'data stores holding customer or employee records;',
  'backups, snapshots and exported reports;', 'the identity provider and every application connected to it.',
];
const RESPONSIBILITIES: [string, string][] = [
  ['Policy owner', 'keeps this policy current, answers questions about it and approves exceptions.'],
  ['Control owners', 'operate the controls listed in this policy and keep their evidence complete.'],
  ['Engineering managers', 'make sure their teams follow the procedures described here for the {product} service.'],
  ['Security team', 'monitors compliance with this policy and reports gaps to leadership.'],
  ['All staff', 'read this policy when they join and follow it in their daily work.'],
  ['Internal audit', 'tests a sample of controls and reports findings to the security committee.'],
];
const SUBJECTS = ['This policy', 'The company', 'Every team', 'Management', 'The security committee', 'Each control owner', 'The policy owner'];
const VERBS = ['sets out', 'describes', 'defines', 'explains', 'records', 'establishes'];
const OBJECTS = ['how customer data is protected', 'who is accountable for each safeguard', 'the minimum expectations for every system',
  'how evidence is collected and retained', 'the rules that apply to production access', 'how changes to this area are approved',
  'the way risks in this area are identified and treated', 'what staff must do when something goes wrong'];
const TAILS = ['for the {product} service', 'across every environment', 'so that auditors can test it', 'in line with the company risk appetite',
  'for staff and contractors alike', 'without slowing down delivery', 'with a named owner for each step', 'and keeps the records in the compliance repository'];
const SECTION_SENTENCES: Record<string, string[]> = {
  scope: ['This policy applies to the following systems and people at Bench Corp:'],
  enforcement: ['Violations of this policy may lead to disciplinary action, up to and including termination of employment or contract.',
    'Repeated or wilful violations are escalated to the security committee and recorded in the incident log.',
    'Managers who become aware of a violation report it to the security team within one business day.'],
  review: ['The policy owner reviews this policy at least once per review cycle and after any significant change, and the approver signs off on each new version.',
    'Changes to this policy are proposed as pull requests, approved by the approver named above and announced to staff.'],
};

function fillerSentence(rng: Rng, section: string, p: Pol): string {
  const fixed = SECTION_SENTENCES[section];
  if (fixed && rng.chance(0.7)) return rng.pick(fixed);
  return `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(TAILS).replace('{product}', p.product)}.`;
}

function describe(rng: Rng, act: string, product: string): string {
  const who = rng.pick(ROLES);
  const what = rng.pick(['records the outcome in a ticket', 'stores the signed record in the evidence folder', 'follows up on every finding until it is closed', 'escalates exceptions to the security committee']);
  return `For the ${product} service, ${who} carries out the ${act} and ${what}. Findings are tracked to closure.`;
}

function capital(s: string): string { return s.charAt(0).toUpperCase() + s.slice(1); }
function slug(s: string): string { return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''); }
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// ---- CLI ----------------------------------------------------------------------------------------

export function benchDir(scale: number): string { return path.resolve(__dirname, '..', '.bench', `repo-${scale}`); }

/** Generates the repo for a scale unless an identical one (same generator, seed) is already there. */
export function ensureRepo(scale: number, seed = DEFAULT_SEED, outDir = benchDir(scale)): Expected {
  try {
    const e = JSON.parse(readFileSync(path.join(outDir, 'expected.json'), 'utf8')) as Expected;
    if (e.generatorVersion === generatorVersion() && e.seed === seed && e.scale === scale) return e;
  } catch { /* not generated yet */ }
  return generate({ scale, seed, outDir });
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const scale = Number(argValue('--scale') ?? '1');
  const seed = Number(argValue('--seed') ?? DEFAULT_SEED);
  const out = path.resolve(argValue('--out') ?? benchDir(scale));
  const t0 = performance.now();
  const e = generate({ scale, seed, outDir: out });
  console.log(`generated ${out} in ${Math.round(performance.now() - t0)} ms: ${e.files.policies} policies (${(e.files.markdownBytes / 1e6).toFixed(1)} MB), `
    + `${e.files.controls} controls in ${e.files.controlFiles} files (${(e.files.yamlBytes / 1e6).toFixed(1)} MB), ${e.files.evidence} evidence files`);
  console.log(`planted: ${JSON.stringify(e.counts)}`);
}
