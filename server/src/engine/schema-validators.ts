import Ajv, { type ValidateFunction } from 'ajv';
import * as formats from './schema-formats';
import controlsSchema from '../../../schemas/controls.schema.json';
import policySchema from '../../../schemas/policy-frontmatter.schema.json';
import configSchema from '../../../schemas/soc2.schema.json';
import risksSchema from '../../../schemas/risks.schema.json';
import peopleSchema from '../../../schemas/people.schema.json';
import vendorsSchema from '../../../schemas/vendors.schema.json';
import descriptionSchema from '../../../schemas/description-frontmatter.schema.json';
import frameworkSchema from '../../../schemas/framework.schema.json';

/**
 * Where the schema check gets its validators. This module compiles them with ajv on first use, which is
 * what runs from the TypeScript sources (tests). The bundles never load it: scripts/build.mjs swaps it for
 * ajv "standalone" code generated from the same schemas and options at build time, so a shipped process
 * compiles no schema at all (compiling took 0.1-0.5 s of every start).
 */
export type ValidatorKind = 'controls' | 'policy' | 'config' | 'risks' | 'vendors' | 'description' | 'people' | 'framework';

export const SCHEMA_SOURCES: Record<ValidatorKind, object> = { controls: controlsSchema, policy: policySchema, config: configSchema, risks: risksSchema, vendors: vendorsSchema, description: descriptionSchema, people: peopleSchema, framework: frameworkSchema };

/** The options both paths compile with; scripts/build.mjs reads them from here. */
export const AJV_OPTIONS = { allErrors: true, strict: false, validateSchema: false, verbose: true } as const;

export function newAjv(extra: Record<string, unknown> = {}): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  return ajv;
}

const compiled = new Map<ValidatorKind, ValidateFunction>();
/** How many schemas this process compiled: 0 in a bundle, which a test checks. */
export let compiledCount = 0;

export function validatorFor(kind: ValidatorKind): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    v = newAjv().compile(SCHEMA_SOURCES[kind]);
    compiledCount++;
    compiled.set(kind, v);
  }
  return v;
}
