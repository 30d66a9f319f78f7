import type { ErrorObject } from 'ajv';
import type { Document, Node } from 'yaml';
import type { ParseProblem } from './model';
import type { YamlSource } from './yaml-source';
import { editDistance, nearestWord } from '../util/strings';
import { validatorFor } from './schema-validators';
import controlsSchema from '../../../schemas/controls.schema.json';
import policySchema from '../../../schemas/policy-frontmatter.schema.json';
import configSchema from '../../../schemas/soc2.schema.json';
import risksSchema from '../../../schemas/risks.schema.json';
import vendorsSchema from '../../../schemas/vendors.schema.json';
import descriptionSchema from '../../../schemas/description-frontmatter.schema.json';
import frameworkSchema from '../../../schemas/framework.schema.json';
import peopleSchema from '../../../schemas/people.schema.json';

/**
 * The `schema` check validates against the very JSON Schemas that editors use through `yamlValidation`
 * (and that the language server's own completion and hover read). One difference is known and stated in
 * the schemas: a date must exist (2026-02-30 is refused here), while a schema-only validator checks only
 * its YYYY-MM-DD form. Validators come from
 * schema-validators.ts: compiled ahead of time in the bundles, on first use from the sources.
 */
export type SchemaKind = 'controls' | 'policy' | 'config' | 'risks' | 'vendors' | 'description' | 'people' | 'framework';

const SCHEMAS: Record<SchemaKind, object> = { controls: controlsSchema, policy: policySchema, config: configSchema, risks: risksSchema, vendors: vendorsSchema, description: descriptionSchema, people: peopleSchema, framework: frameworkSchema };
const NOUN: Record<SchemaKind, string> = { controls: 'control', policy: 'policy front matter', config: 'soc2.yaml', risks: 'risk', vendors: 'vendor', description: 'description front matter', people: 'person', framework: 'framework file' };
/** What each kind of item with an id is called, for the "missing id" message. */
const ITEM: Record<SchemaKind, string> = { controls: 'control', policy: 'policy', config: 'item', risks: 'risk', vendors: 'vendor', description: 'item', people: 'person', framework: 'framework' };
export function schemaFor(kind: SchemaKind): object { return SCHEMAS[kind]; }

export function validateDocument(kind: SchemaKind, src: YamlSource, doc: Document.Parsed): ParseProblem[] {
  const data = src.toData(doc);
  if (data === undefined) return [];
  const validate = validatorFor(kind);
  if (validate(data)) return [];
  return explain(kind, src, doc, validate.errors ?? []);
}


/** Keywords about one value: all of them at one place say one thing, so one message is given. */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'minLength', 'anyOf', 'oneOf', 'minItems', 'uniqueItems', 'not', 'if']);
/** Which error speaks for a value when several do: the most specific first. */
const PRIORITY = ['oneOf', 'anyOf', 'format', 'enum', 'type', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'minLength', 'minItems', 'uniqueItems'];

function explain(kind: SchemaKind, src: YamlSource, doc: Document.Parsed, errors: ErrorObject[]): ParseProblem[] {
  // Errors under an alternative (anyOf/oneOf) restate its branches: the alternative speaks for them.
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const underAlternative = (e: ErrorObject) => alternatives.some((a) => a !== e && e.schemaPath.startsWith(`${a.schemaPath}/`) && e.instancePath.startsWith(a.instancePath));
  // `if`/`then` only says which branch applied; that branch's own errors say what is wrong.
  const kept = errors.filter((e) => !underAlternative(e) && !(e.keyword === 'if' && errors.length > 1));
  // One message per value; object-level errors (unknown or missing fields) each name their own field.
  const byValue = new Map<string, ErrorObject>();
  const rest: ErrorObject[] = [];
  for (const e of kept) {
    if (!VALUE_KEYWORDS.has(e.keyword)) { rest.push(e); continue; }
    const had = byValue.get(e.instancePath);
    if (!had || rank(e) < rank(had)) byValue.set(e.instancePath, e);
  }
  const seen = new Set<string>();
  const out: ParseProblem[] = [];
  for (const err of [...rest, ...byValue.values()]) {
    const path = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const field = err.keyword === 'additionalProperties' ? String(err.params.additionalProperty)
      : err.keyword === 'required' ? String(err.params.missingProperty) : path[path.length - 1];
    const { node, keyNode } = src.nodeAtPath(doc, path);
    let target: Node | undefined = node;
    if (err.keyword === 'additionalProperties' || err.keyword === 'required') {
      const map = node as { items?: { key: Node }[] } | undefined;
      const key = map?.items?.find((p) => String((p.key as { value?: unknown })?.value) === field)?.key;
      target = err.keyword === 'additionalProperties' ? key ?? node : map?.items?.[0]?.key ?? node;
    } else if ((err.keyword === 'type' || !node) && keyNode) {
      target = node ?? keyNode;
    }
    const range = src.nodeRange(target ?? (doc.contents as Node));
    const message = describe(kind, err, field, valueOf(node), place(kind, path), node);
    const key = `${range.start.line}:${range.start.character}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: 'schema', range, message, data: err.keyword === 'additionalProperties' ? { unknownField: field, suggestion: nearestField(kind, path, field) } : undefined });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function rank(e: ErrorObject): number {
  const i = PRIORITY.indexOf(e.keyword);
  return i < 0 ? PRIORITY.length : i;
}

/**
 * Where a value stands, in words: the field and its position (`categories[1]`, `evidence[2].collected[0]`).
 * Inside a control or risk the list item itself is left out, since the finding sits on it.
 */
function place(kind: SchemaKind, path: readonly string[]): string | undefined {
  const parts = (kind === 'controls' || kind === 'risks') && path[0] === kind && /^\d+$/.test(path[1] ?? '') ? path.slice(2) : path;
  if (!parts.length) return undefined;
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** The name of one value of a field, for "is not a …": the field's name, singular. */
function noun(path: string | undefined): string {
  const last = (path ?? '').replace(/\[\d+\]$/, '').split('.').pop() ?? '';
  const named = NOUNS[last];
  if (named) return named;
  const words = last.replace(/_/g, ' ');
  return /ies$/.test(words) ? words.replace(/ies$/, 'y') : /[^s]s$/.test(words) && /\[\d+\]$/.test(path ?? '') ? words.slice(0, -1) : words || 'value';
}

/** Field names whose values have a name of their own. */
const NOUNS: Record<string, string> = { review_cycle: 'review cycle', default_cycle: 'review cycle', type: 'report type', treatment: 'risk treatment' };

function valueOf(node: Node | undefined): unknown {
  return node && 'value' in node ? (node as { value: unknown }).value : undefined;
}

function describe(kind: SchemaKind, err: ErrorObject, field: string | undefined, value: unknown, at: string | undefined, node: Node | undefined): string {
  const where = at ? `\`${at}\`` : field ? `\`${field}\`` : `This ${NOUN[kind]}`;
  const lead = at ? `${at}: ` : '';
  switch (err.keyword) {
    case 'required':
      return field === 'id' ? `This ${NOUN[kind] === 'control' ? 'control' : NOUN[kind]} has no \`id\`: every ${ITEM[kind]} needs a unique id.`
        : `${at ? `${at}: ` : ''}${NOUN[kind]} is missing the required field \`${field}\`.`;
    case 'additionalProperties': {
      const near = nearestField(kind, [], field ?? '');
      return `Unknown field \`${field}\` in ${at ? `${at} of ` : ''}${NOUN[kind]}${near ? `; did you mean \`${near}\`?` : '.'}`;
    }
    case 'oneOf': case 'anyOf':
      return alternativeMessage(err, at, value, node);
    case 'enum': {
      const allowed = (err.params.allowedValues as unknown[]).map(String);
      const near = typeof value === 'string' ? nearestValue(value, allowed) : undefined;
      return `${lead}${show(value)} is not a ${noun(at ?? field)}; ${near ? `did you mean ${near}? ` : ''}expected one of: ${allowed.join(', ')}.`;
    }
    case 'format': case 'pattern':
      if (err.keyword === 'pattern' && !isDateSchema(err.parentSchema)) return `${where} has an unexpected form (${show(value)}).`;
      return err.keyword === 'pattern' || err.params.format === 'date' ? `${lead}${show(value)} is not a real date written YYYY-MM-DD.` : `${where} is not a valid ${err.params.format}.`;
    case 'type':
      return `${where} should be ${article(String(err.params.type))}${value !== undefined && value !== null ? `, not ${show(value)}` : ''}.`;
    case 'minItems':
      return `${where} should list at least ${err.params.limit} item(s).`;
    case 'uniqueItems':
      return `${where} lists the same item twice (items ${Number(err.params.j) + 1} and ${Number(err.params.i) + 1}).`;
    case 'minLength':
      return `${where} must not be empty.`;
    case 'minimum': case 'maximum': case 'exclusiveMinimum':
      return `${where} ${err.message ?? 'is out of range'}.`;
    default:
      return `${where}: ${err.message ?? 'does not match the schema'}.`;
  }
}

function isDateSchema(schema: unknown): boolean {
  return !!schema && typeof schema === 'object' && (schema as { format?: string }).format === 'date';
}

/**
 * One message for a value that matched none (or, for oneOf, more than one) of its alternatives:
 * exactly one of two fields (an evidence item's `path` or `collected`), or a name or a number (`review_cycle`).
 */
function alternativeMessage(err: ErrorObject, at: string | undefined, value: unknown, node: Node | undefined): string {
  const branches = ((err.parentSchema as Record<string, unknown> | undefined)?.[err.keyword] ?? []) as Record<string, unknown>[];
  const requiredOnly = branches.length > 1 && branches.every((b) => Array.isArray(b.required) && b.required.length === 1);
  const lead = at ? `${at}: ` : '';
  if (requiredOnly) {
    const fields = branches.map((b) => String((b.required as string[])[0]));
    const present = fields.filter((f) => (node as { items?: { key: unknown }[] } | undefined)?.items?.some((p) => String((p.key as { value?: unknown })?.value) === f));
    const list = fields.map((f) => `\`${f}\``).join(' or ');
    return `${lead}give exactly one of ${list}; this item has ${present.length ? `both (${present.map((f) => `\`${f}\``).join(' and ')})` : 'neither'}.`;
  }
  const names: string[] = [];
  const kinds: string[] = [];
  for (const b of branches) {
    if (Array.isArray(b.enum)) names.push(...b.enum.map(String));
    else if (b.type === 'integer' || b.type === 'number') kinds.push(typeof b.minimum === 'number' ? `a whole number from ${b.minimum}` : 'a whole number');
  }
  const near = typeof value === 'string' ? nearestValue(value, names) : undefined;
  const expected = [names.length ? names.join(', ') : '', ...kinds].filter(Boolean).join(', or ');
  return `${lead}${show(value)} is not a ${noun(at)}; ${near ? `did you mean ${near}? ` : ''}use ${expected || 'a value the schema allows'}.`;
}

/** A close allowed value for a misspelt one (`availabilty` → availability); short words must be one edit away. */
function nearestValue(value: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined, bestScore = Infinity;
  for (const a of allowed) {
    const d = editDistance(a, value.toLowerCase());
    if (d < bestScore) { best = a; bestScore = d; }
  }
  return best && bestScore > 0 && bestScore <= (value.length >= 10 ? 2 : 1) ? best : undefined;
}

function show(v: unknown): string { return v === undefined ? 'the value' : `\`${String(v)}\``; }
function article(t: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'a mapping (key: value pairs)', string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false' };
  return t.split(',').map((x) => names[x] ?? x).join(' or ');
}

/** Suggests the schema property closest to a misspelt key (`frequncy` → `frequency`). */
function nearestField(kind: SchemaKind, _path: readonly string[], field: string): string | undefined {
  const names = new Set<string>();
  collectProperties(SCHEMAS[kind], names, 0);
  return nearestWord(field, names);
}

function collectProperties(schema: unknown, out: Set<string>, depth: number): void {
  if (!schema || typeof schema !== 'object' || depth > 12) return;
  const s = schema as Record<string, unknown>;
  if (s.properties && typeof s.properties === 'object') for (const k of Object.keys(s.properties)) out.add(k);
  for (const v of Object.values(s)) if (v && typeof v === 'object') collectProperties(v, out, depth + 1);
}

