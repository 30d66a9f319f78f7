import mammoth from 'mammoth';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Root, RootContent, Table } from 'mdast';
import { CriteriaCatalog } from '../catalog/criteria';
import { addFile, emptyPlan, safeFileStem, type ImportPlan } from './plan';
import { readLooseDate } from './dates-in-text';
import { frontMatter } from './yaml-out';

export interface DocxSource { name: string; bytes: Uint8Array }
export interface DocxOptions { /** Id for a single document (`--id POL-X`). */ id?: string; catalog?: CriteriaCatalog }

/** Labels of "Label: value" lines and two-column tables that carry a policy's metadata. */
const LABELS: readonly { field: 'owner' | 'approver' | 'version' | 'approved_on' | 'last_reviewed' | 'title' | 'id'; labels: readonly string[] }[] = [
  { field: 'owner', labels: ['owner', 'document owner', 'policy owner', 'owned by', 'author', 'responsible'] },
  { field: 'approver', labels: ['approved by', 'approver', 'approval', 'approving authority'] },
  { field: 'version', labels: ['version', 'document version', 'revision', 'version number'] },
  { field: 'approved_on', labels: ['approved on', 'approval date', 'date approved', 'effective date', 'effective'] },
  { field: 'last_reviewed', labels: ['last reviewed', 'review date', 'last review', 'reviewed on', 'date reviewed'] },
  { field: 'title', labels: ['title', 'document title', 'policy name', 'policy title'] },
  { field: 'id', labels: ['id', 'document id', 'policy id', 'document number', 'reference'] },
];
const LABEL_FIELD = new Map(LABELS.flatMap((l) => l.labels.map((x) => [x, l.field] as const)));
const CRITERION_MENTION = /\b(?:CC[1-9]\.\d{1,2}|A1\.[1-3]|C1\.[12]|PI1\.[1-5]|P[1-8]\.\d)\b/g;
const CONTROL_MENTION = /\b[A-Z]{2,5}-\d{2,3}\b/g;

const toMarkdown = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, listItemIndent: 'one', rule: '-' });

/** Word documents as Markdown policies: mammoth reads the .docx, unified turns its HTML into Markdown. */
export async function importDocx(sources: readonly DocxSource[], o: DocxOptions = {}): Promise<ImportPlan> {
  const plan = emptyPlan();
  const catalog = o.catalog ?? new CriteriaCatalog();
  for (const src of sources) {
    const note = (message: string) => ({ source: src.name, message });
    let html: string;
    try {
      const result = await mammoth.convertToHtml({ buffer: Buffer.from(src.bytes) });
      html = result.value;
      const warnings = result.messages;
      if (warnings.length) plan.report.unmapped.push(note(`the converter noted ${warnings.length} thing${warnings.length === 1 ? '' : 's'} it could not keep: ${warnings.slice(0, 3).map((m) => m.message).join('; ')}`));
    } catch (err) {
      plan.report.unmapped.push(note(`not a Word document we can read (${(err as Error).message.split('\n')[0]}); nothing written`));
      continue;
    }
    const hast = unified().use(rehypeParse, { fragment: true }).parse(html);
    const tree = await unified().use(rehypeRemark).run(hast) as Root;
    promoteHeaderRows(tree);
    const meta = extractMetadata(tree);
    const markdown = toMarkdown.stringify(tree);
    const base = src.name.replace(/^.*[\\/]/, '').replace(/\.docx$/i, '');
    const title = meta.values.title ?? firstHeading(tree) ?? base;
    const named = meta.values.title ?? firstHeading(tree);
    const id = (sources.length === 1 ? o.id : undefined) ?? meta.values.id ?? `POL-${named ? initials(named) : safeFileStem(base, 'doc').toUpperCase()}`;
    const target = `policies/${safeFileStem(id, safeFileStem(base, 'policy'))}.md`;
    const mapped: string[] = [], guessed: string[] = [];
    for (const [field, from] of meta.from) mapped.push(`${field} from ${from}`);
    if (!meta.values.title) guessed.push(`title "${title}" from ${firstHeading(tree) ? 'the first heading' : 'the file name'}`);
    if (!meta.values.id && !(sources.length === 1 && o.id)) guessed.push(`id ${id} from ${named ? "the title's initials" : 'the file name'} (give --id to choose it)`);
    if (!meta.values.owner) guessed.push('no owner stated; written as owner: TODO');
    for (const f of ['approved_on', 'last_reviewed'] as const) if (meta.ambiguous.has(f)) guessed.push(`${f} ${meta.values[f]} read month first from "${meta.written.get(f)}"`);
    const text = plainText(tree);
    const criteria = [...new Set(text.match(CRITERION_MENTION) ?? [])].filter((c) => catalog.get(c));
    for (const c of criteria) plan.criteria.add(c);
    const controls = [...new Set(text.match(CONTROL_MENTION) ?? [])].filter((c) => !/^(SHA|AES|RSA|ISO|NIST|SOC|TLS|SSL|PCI|SSAE|ISAE|GDPR|CVE|RFC|FIPS)-/.test(c));
    if (criteria.length) guessed.push(`criteria ${criteria.join(', ')} proposed from mentions in the text`);
    if (controls.length) guessed.push(`controls ${controls.join(', ')} proposed from mentions in the text`);
    const fm = frontMatter({
      id, title, owner: meta.values.owner ?? 'TODO', approver: meta.values.approver, approved_on: meta.values.approved_on,
      version: meta.values.version, last_reviewed: meta.values.last_reviewed ?? meta.values.approved_on, criteria, controls,
    }, {
      ...(criteria.length ? { criteria: 'guessed from the text: confirm' } : {}),
      ...(controls.length ? { controls: 'guessed from the text: confirm' } : {}),
      ...(!meta.values.owner ? { owner: 'name the person accountable for this policy' } : {}),
    });
    const body = firstHeading(tree) ? markdown : `# ${title}\n\n${markdown}`;
    const written = addFile(plan, target, `${fm}\n${body}`);
    plan.report.mapped.push({ source: src.name, target: written, message: ['converted to Markdown', ...mapped].join('; ') });
    for (const g of guessed) plan.report.guessed.push({ source: src.name, target: written, message: g });
  }
  return plan;
}

type Field = (typeof LABELS)[number]['field'];
interface Metadata { values: Partial<Record<Field, string>>; from: Map<Field, string>; ambiguous: Set<Field>; written: Map<Field, string> }

/** "Owner: Dana" paragraphs, two-column key/value tables, and a version-history table (newest row wins). */
function extractMetadata(tree: Root): Metadata {
  const meta: Metadata = { values: {}, from: new Map(), ambiguous: new Set(), written: new Map() };
  const set = (field: Field, raw: string, from: string) => {
    const value = raw.trim().replace(/\s+/g, ' ');
    if (!value || meta.values[field] !== undefined) return;
    if (field === 'approved_on' || field === 'last_reviewed') {
      const d = readLooseDate(value);
      if (!d) return;
      meta.values[field] = d.date;
      meta.written.set(field, value);
      if (d.ambiguous) meta.ambiguous.add(field);
    } else meta.values[field] = value;
    meta.from.set(field, from);
  };
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') {
        for (const line of plainText(node).split('\n')) {
          const m = /^\s*([A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(.+)$/.exec(line);
          const field = m ? LABEL_FIELD.get(m[1].toLowerCase()) : undefined;
          if (m && field) set(field, m[2], `"${m[1]}:" line`);
        }
      } else if (node.type === 'table') readTable(node, set);
      else if ('children' in node && Array.isArray(node.children) && node.type !== 'heading') visit(node.children as RootContent[]);
    }
  };
  visit(tree.children);
  return meta;
}

function readTable(table: Table, set: (field: Field, raw: string, from: string) => void): void {
  const rows = table.children.map((r) => r.children.map((c) => plainText(c).trim()));
  if (!rows.length) return;
  const header = rows[0].map((h) => h.toLowerCase());
  const versionCol = header.findIndex((h) => h === 'version' || h === 'rev' || h === 'revision');
  const dateCol = header.findIndex((h) => /date/.test(h));
  if (versionCol >= 0 && rows.length > 1) {
    // A version history: the row with the newest date (or the last row) gives version and review date.
    const dated = rows.slice(1).map((r) => ({ r, d: dateCol >= 0 ? readLooseDate(r[dateCol] ?? '')?.date : undefined }));
    const newest = dated.filter((x) => x.d).sort((a, b) => a.d!.localeCompare(b.d!)).at(-1) ?? dated.at(-1)!;
    set('version', newest.r[versionCol] ?? '', 'the version history table');
    if (dateCol >= 0) set('last_reviewed', newest.r[dateCol] ?? '', 'the version history table');
    const approverCol = header.findIndex((h) => /approv/.test(h));
    if (approverCol >= 0) set('approver', newest.r[approverCol] ?? '', 'the version history table');
    return;
  }
  for (const r of rows) {
    if (r.length < 2) continue;
    const field = LABEL_FIELD.get(r[0].replace(/:$/, '').toLowerCase());
    if (field) set(field, r[1], 'the document control table');
  }
}

/**
 * Word tables have no header cells, so the HTML has none and the Markdown table gets an empty header row
 * above the real one. The first row with text becomes the header instead.
 */
function promoteHeaderRows(node: Root | RootContent): void {
  if (node.type === 'table') {
    while (node.children.length > 1 && node.children[0].children.every((c) => plainText(c).trim() === '')) node.children.shift();
    return;
  }
  if ('children' in node) for (const c of node.children as RootContent[]) promoteHeaderRows(c);
}

function plainText(node: unknown): string {
  const n = node as { type?: string; value?: string; children?: unknown[] };
  if (n.type === 'break') return '\n';
  if (typeof n.value === 'string') return n.value;
  if (!n.children) return '';
  const sep = n.type === 'root' || n.type === 'list' || n.type === 'listItem' || n.type === 'table' || n.type === 'tableRow' ? '\n' : '';
  return n.children.map(plainText).join(sep);
}

function firstHeading(tree: Root): string | undefined {
  const h = tree.children.find((c) => c.type === 'heading');
  return h ? plainText(h).trim() || undefined : undefined;
}

function initials(title: string): string {
  const words = title.replace(/\bpolicy\b/i, '').split(/[^A-Za-z0-9]+/).filter((w) => w && !/^(and|of|the|for|to|a|an|on|in)$/i.test(w));
  return (words.map((w) => w[0]).join('').toUpperCase() || 'DOC').slice(0, 5);
}
