import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver';
import { schemaFor, type SchemaKind } from '../engine/schema';
import type { FileKind } from '../engine/model';
import type { FeatureContext } from './feature-context';
import { md } from './markdown';

/**
 * Completion and hover for YAML keys (and enum values the domain completion does not cover) read from
 * our own JSON Schemas, so every client gets them, with or without a YAML extension. The YAML path at
 * the cursor is read from indentation, since the file is often half-written while typing.
 */

type Schema = Record<string, unknown>;
const KIND: Partial<Record<FileKind, SchemaKind>> = { controls: 'controls', risks: 'risks', policy: 'policy', config: 'config', people: 'people', vendors: 'vendors', description: 'description' };
/** One path segment: a mapping key, or `[]` for "an item of this list". */
const ITEM = '[]';

/** Key completion: the properties the schema allows at the cursor's mapping that are not written yet. */
export function schemaKeyCompletion(ctx: FeatureContext, position: Position): CompletionItem[] | null {
  const region = yamlRegion(ctx, position);
  if (!region) return null;
  const { lines, first, schema } = region;
  const before = (lines[position.line] ?? '').slice(0, position.character);
  const m = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)?$/.exec(before);
  if (!m) return null;
  const keyCol = m[1].length + (m[2]?.length ?? 0);
  const path = pathAt(lines, position.line, keyCol, first, m[2] ? m[1].length : undefined);
  const here = propertiesAt(schema, schema, path);
  if (!here.size) return null;
  const written = siblingKeys(lines, position.line, keyCol, first, !!m[2]);
  const typed = m[3] ?? '';
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  return [...here].filter(([k]) => !written.has(k) && !k.startsWith('^')).map(([key, s], i) => ({
    label: key, kind: CompletionItemKind.Property, sortText: String(i).padStart(3, '0'),
    ...(typeof s.description === 'string' ? { documentation: { kind: MarkupKind.Markdown, value: s.description } } : {}),
    textEdit: { range, newText: `${key}: ` },
  }));
}

/** Enum values from the schema for `key: |`, when the domain completion had none. */
export function schemaValueCompletion(ctx: FeatureContext, position: Position): CompletionItem[] | null {
  const region = yamlRegion(ctx, position);
  if (!region) return null;
  const { lines, first, schema } = region;
  const before = (lines[position.line] ?? '').slice(0, position.character);
  const m = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:\s+["']?([\w.-]*)$/.exec(before);
  if (!m) return null;
  const keyCol = m[1].length + (m[2]?.length ?? 0);
  const path = [...pathAt(lines, position.line, keyCol, first, m[2] ? m[1].length : undefined), m[3]];
  const values = new Set<string>();
  for (const s of variants(schema, nodesAt(schema, schema, path))) for (const v of (Array.isArray(s.enum) ? s.enum : [])) values.add(String(v));
  if (!values.size) return null;
  const range = { start: { line: position.line, character: position.character - m[4].length }, end: position };
  return [...values].map((v, i) => ({ label: v, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(3, '0'), textEdit: { range, newText: v } }));
}

/** Hover on a key: what the schema says the field is. */
export function schemaHover(ctx: FeatureContext, position: Position): Hover | null {
  const region = yamlRegion(ctx, position);
  if (!region) return null;
  const { lines, first, schema } = region;
  const line = lines[position.line] ?? '';
  const m = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:/.exec(line);
  if (!m) return null;
  const keyCol = m[1].length + (m[2]?.length ?? 0);
  if (position.character < keyCol || position.character > keyCol + m[3].length) return null;
  const path = [...pathAt(lines, position.line, keyCol, first, m[2] ? m[1].length : undefined), m[3]];
  const nodes = variants(schema, nodesAt(schema, schema, path));
  const description = nodes.map((s) => s.description).find((d): d is string => typeof d === 'string');
  if (!description) return null;
  const values = [...new Set(nodes.flatMap((s) => (Array.isArray(s.enum) ? s.enum.map(String) : [])))];
  const value = [`**${md(m[3])}**`, '', description, ...(values.length ? ['', `One of: ${values.map((v) => `\`${v}\``).join(', ')}`] : [])].join('\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: { start: { line: position.line, character: keyCol }, end: { line: position.line, character: keyCol + m[3].length } } };
}

/** The lines of YAML the cursor is in (a policy's front matter only), and the schema that governs them. */
function yamlRegion(ctx: FeatureContext, position: Position): { lines: string[]; first: number; schema: Schema } | undefined {
  const kind = KIND[ctx.project.kindOf(ctx.path)];
  if (!kind) return undefined;
  const lines = ctx.document.getText().split(/\r\n|\r|\n/);
  // A position past the end of the document (a stale request) gets no answer, not an edit out of range.
  if (position.line >= lines.length || position.character > lines[position.line].length) return undefined;
  let first = 0;
  if (kind === 'policy') {
    if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (position.line === 0 || (close > 0 && position.line >= close)) return undefined;
    first = 1;
  }
  const before = (lines[position.line] ?? '').slice(0, position.character);
  if (/(^|\s)#/.test(before)) return undefined;
  return { lines, first, schema: schemaFor(kind) as Schema };
}

/**
 * The YAML path of the mapping a key at `keyCol` on `line` belongs to, read upward by indentation.
 * `dashCol`: the column of a `- ` starting that key's line (the key then opens a new list item).
 */
function pathAt(lines: string[], line: number, keyCol: number, first: number, dashCol?: number): string[] {
  const path: string[] = [];
  let ind = keyCol;
  let inItem = false;
  if (dashCol !== undefined) { path.unshift(ITEM); ind = dashCol; inItem = true; }
  for (let i = line - 1; i >= first && ind > 0 || (i >= first && inItem); i--) {
    const l = lines[i] ?? '';
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const m = /^(\s*)(-\s+)?(?:([A-Za-z_][\w-]*)\s*:)?/.exec(l)!;
    const dash = m[2] ? m[1].length : undefined;
    const col = m[1].length + (m[2]?.length ?? 0);
    if (dash !== undefined && dash < ind) { path.unshift(ITEM); ind = dash; inItem = true; continue; }
    if (m[3] && (col < ind || (inItem && col <= ind))) { path.unshift(m[3]); ind = col; inItem = false; if (ind === 0) break; }
  }
  return path;
}

/** Keys already written in the mapping the cursor's key belongs to (a list item ends at the next `- `). */
function siblingKeys(lines: string[], line: number, keyCol: number, first: number, newItem: boolean): Set<string> {
  const out = new Set<string>();
  if (newItem) return out;
  for (const dir of [-1, 1]) {
    for (let i = line + dir; i >= first && i < lines.length; i += dir) {
      const l = lines[i];
      if (!l.trim() || /^\s*#/.test(l)) continue;
      if (/^(---|\.\.\.)\s*$/.test(l)) break;
      const m = /^(\s*)(-\s+)?(?:([A-Za-z_][\w-]*)\s*:)?/.exec(l)!;
      const col = m[1].length + (m[2]?.length ?? 0);
      if (col < keyCol) break;
      if (col > keyCol) continue;
      if (m[2]) { if (dir < 0 && m[3]) out.add(m[3]); break; } // the item's first line (above), or the next item (below)
      if (m[3]) out.add(m[3]);
    }
  }
  return out;
}

function resolve(root: Schema, s: unknown): Schema | undefined {
  let cur = s as Schema | undefined;
  for (let n = 0; cur && typeof cur.$ref === 'string' && n < 10; n++) {
    const ref = cur.$ref as string;
    cur = ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Schema | undefined)?.[k], root) as Schema | undefined;
  }
  return cur;
}

/** A schema with its alternatives (if/then/else, anyOf, oneOf, allOf), each resolved. */
function variants(root: Schema, list: Schema[]): Schema[] {
  const out: Schema[] = [];
  const visit = (s: unknown, depth: number) => {
    const r = resolve(root, s);
    if (!r || depth > 8 || out.includes(r)) return;
    out.push(r);
    for (const k of ['then', 'else']) if (r[k]) visit(r[k], depth + 1);
    for (const k of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(r[k])) for (const b of r[k] as unknown[]) visit(b, depth + 1);
  };
  for (const s of list) visit(s, 0);
  return out;
}

function nodesAt(root: Schema, start: Schema, path: readonly string[]): Schema[] {
  let here = [start];
  for (const seg of path) {
    const next: Schema[] = [];
    for (const s of variants(root, here)) {
      const child = seg === ITEM ? s.items : (s.properties as Schema | undefined)?.[seg];
      if (child) next.push(child as Schema);
    }
    here = next;
    if (!here.length) break;
  }
  return here;
}

function propertiesAt(root: Schema, start: Schema, path: readonly string[]): Map<string, Schema> {
  const out = new Map<string, Schema>();
  for (const s of variants(root, nodesAt(root, start, path))) {
    for (const [k, v] of Object.entries((s.properties as Schema | undefined) ?? {})) {
      const r = resolve(root, v) ?? {};
      const had = out.get(k);
      if (!had || (!had.description && (r.description || (v as Schema).description))) out.set(k, { ...r, description: (v as Schema).description ?? r.description });
    }
  }
  return out;
}
