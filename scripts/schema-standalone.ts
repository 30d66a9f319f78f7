/**
 * Generates the ajv "standalone" module that scripts/build.mjs puts in the bundles in place of
 * server/src/engine/schema-validators.ts: one validate function per schema, compiled with the very options
 * and formats the run-time path uses, exporting the same `validatorFor`, so no schema is compiled when a
 * shipped process starts. test/schema-standalone.test.ts holds the two paths to the same answers.
 */
import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { newAjv, SCHEMA_SOURCES, type ValidatorKind } from '../server/src/engine/schema-validators';

/** ESM source; `formatsModule` is the path the generated code imports the formats from. */
export function standaloneValidators(formatsModule: string): string {
  const ajv = newAjv({ code: { source: true, esm: true, formats: _`__soc2_formats` } });
  const names: Record<string, string> = {};
  for (const [kind, schema] of Object.entries(SCHEMA_SOURCES)) {
    ajv.addSchema(schema, kind);
    names[kind] = kind;
  }
  const code = standaloneCode(ajv, names);
  const kinds = Object.keys(SCHEMA_SOURCES) as ValidatorKind[];
  return [
    `import * as __soc2_formats from ${JSON.stringify(formatsModule)};`,
    code,
    `const __soc2_validators = { ${kinds.map((k) => `${JSON.stringify(k)}: ${k}`).join(', ')} };`,
    'export const compiledCount = 0;',
    'export function validatorFor(kind) { return __soc2_validators[kind]; }',
    '',
  ].join('\n');
}
