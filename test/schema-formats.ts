import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The vendored schemas use the formats date-time, uri, uri-reference and email. Ajv only knows them through
 * the ajv-formats package; rather than add a dependency for four checks, they are defined here, strictly
 * enough to catch what an exporter gets wrong (a missing time zone, a space in a URI, a bare word for a URI).
 */
export function schemaValidator(file: 'oscal_component_schema.json' | 'sarif-schema-2.1.0.json'): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(__dirname, 'schemas', file), 'utf8'));
  // strict: false because both schemas use keywords and ids Ajv's strict mode rejects (e.g. OSCAL's `$id: "#..."`);
  // Ajv compiles `pattern` with the `u` flag by default, which OSCAL's \p{L} patterns need.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(s) });
  ajv.addFormat('uri-reference', { type: 'string', validate: (s: string) => !/[\s<>"{}|\\^`]/.test(s) && !/%(?![0-9a-fA-F]{2})/.test(s) });
  ajv.addFormat('email', { type: 'string', validate: (s: string) => /^[^\s@]+@[^\s@]+$/.test(s) });
  return ajv.compile(schema);
}

export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath} ${e.message}`).join('; ');
}
