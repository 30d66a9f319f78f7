import type { ErrorObject } from 'ajv';
import type { Document, Node } from 'yaml';
import type { ParseProblem } from './model';
import type { YamlSource } from './yaml-source';
import { nearestWord } from '../util/strings';
import { validatorFor } from './schema-validators';
import controlsSchema from '../../../schemas/controls.schema.json';
import policySchema from '../../../schemas/policy-frontmatter.schema.json';
import configSchema from '../../../schemas/soc2.schema.json';
import risksSchema from '../../../schemas/risks.schema.json';
import peopleSchema from '../../../schemas/people.schema.json';

/**
 * The `schema` check validates against the very JSON Schemas that editors use through
 * `yamlValidation`, so the two can never disagree. Validators come from schema-validators.ts: compiled
 * ahead of time in the bundles, on first use from the sources.
 */
export type SchemaKind = 'controls' | 'policy' | 'config' | 'risks' | 'people';

const SCHEMAS: Record<SchemaKind, object> = { controls: controlsSchema, policy: policySchema, config: configSchema, risks: risksSchema, people: peopleSchema };
const NOUN: Record<SchemaKind, string> = { controls: 'control', policy: 'policy front matter', config: 'soc2.yaml', risks: 'risk', people: 'person' };
/** What each kind of item with an id is called, for the "missing id" message. */
const ITEM: Record<SchemaKind, string> = { controls: 'control', policy: 'policy', config: 'item', risks: 'risk', people: 'person' };

export function schemaFor(kind: SchemaKind): object { return SCHEMAS[kind]; }

export function validateDocument(kind: SchemaKind, src: YamlSource, doc: Document.Parsed): ParseProblem[] {
  const data = src.toData(doc);
  if (data === undefined) return [];
  const validate = validatorFor(kind);
  if (validate(data)) return [];
  return explain(kind, src, doc, validate.errors ?? []);
}


function explain(kind: SchemaKind, src: YamlSource, doc: Document.Parsed, errors: ErrorObject[]): ParseProblem[] {
  // Branching keywords restate what their branches already said; keep them only when alone.
  const specific = errors.filter((e) => !['oneOf', 'anyOf', 'if', 'not'].includes(e.keyword));
  const chosen = specific.length ? specific : errors.slice(0, 1);
  const seen = new Set<string>();
  const out: ParseProblem[] = [];
  for (const err of chosen) {
    const path = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const field = err.keyword === 'additionalProperties' ? String(err.params.additionalProperty)
      : err.keyword === 'required' ? String(err.params.missingProperty) : path[path.length - 1];
    const { node, keyNode } = src.nodeAtPath(doc, path);
    let target: Node | undefined = node;
    if (err.keyword === 'additionalProperties' || err.keyword === 'required') {
      const map = node as { items?: { key: Node }[] } | undefined;
      const key = map?.items?.find((p) => String((p.key as { value?: unknown })?.value) === field)?.key;
      target = err.keyword === 'additionalProperties' ? key ?? node : map?.items?.[0]?.key ?? node;
    } else if (err.keyword === 'type' && !node && keyNode) {
      target = keyNode;
    }
    const range = src.nodeRange(target ?? (doc.contents as Node));
    const message = describe(kind, err, field, valueOf(node));
    const key = `${range.start.line}:${range.start.character}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: 'schema', range, message, data: err.keyword === 'additionalProperties' ? { unknownField: field, suggestion: nearestField(kind, path, field) } : undefined });
  }
  return out;
}

function valueOf(node: Node | undefined): unknown {
  return node && 'value' in node ? (node as { value: unknown }).value : undefined;
}

function describe(kind: SchemaKind, err: ErrorObject, field: string | undefined, value: unknown): string {
  const where = field ? `\`${field}\`` : `This ${NOUN[kind]}`;
  switch (err.keyword) {
    case 'required':
      return field === 'id' ? `This ${NOUN[kind] === 'control' ? 'control' : NOUN[kind]} has no \`id\`: every ${ITEM[kind]} needs a unique id.`
        : `${NOUN[kind]} is missing the required field \`${field}\`.`;
    case 'additionalProperties': {
      const near = nearestField(kind, [], field ?? '');
      return `Unknown field \`${field}\` in ${NOUN[kind]}${near ? `; did you mean \`${near}\`?` : '.'}`;
    }
    case 'enum':
      return `${show(value)} is not a valid ${field ?? 'value'}; expected one of: ${(err.params.allowedValues as unknown[]).join(', ')}.`;
    case 'format':
      return err.params.format === 'date' ? `${where} must be a real date written YYYY-MM-DD; ${show(value)} is not.` : `${where} is not a valid ${err.params.format}.`;
    case 'type':
      return `${where} should be ${article(String(err.params.type))}.`;
    case 'minItems':
      return `${where} should list at least ${err.params.limit} item(s).`;
    case 'minLength':
      return `${where} must not be empty.`;
    case 'minimum': case 'maximum': case 'exclusiveMinimum':
      return `${where} ${err.message ?? 'is out of range'}.`;
    case 'pattern':
      return `${where} has an unexpected form (${show(value)}).`;
    default:
      return `${where}: ${err.message ?? 'does not match the schema'}.`;
  }
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

