import type { Node, YAMLMap } from 'yaml';
import { parseItemFile, type ItemFileKind } from './item-file';
import type { Located, ParseProblem, Risk } from './model';
import { LineIndex } from './text';
import { findPair, locatedList, locatedScalar, locatedString, YamlSource } from './yaml-source';

export interface ParsedRisks { risks: Risk[]; problems: ParseProblem[] }

const RISK_FILE: ItemFileKind<Risk> = { listKey: 'risks', schema: 'risks', noun: 'risk', read: readRisk };

/** Reads a risks file: each YAML document holds one risk mapping or a `risks:` list. */
export function parseRisks(file: string, text: string, lines = new LineIndex(text)): ParsedRisks {
  const { items, problems } = parseItemFile(RISK_FILE, file, text, lines);
  return { risks: items, problems };
}

function readRisk(file: string, src: YamlSource, map: YAMLMap): Risk | undefined {
  const id = locatedString(src, map, 'id');
  if (!id || !id.value.trim()) return undefined;
  const controls = locatedList(src, map, 'controls');
  const criteria = locatedList(src, map, 'criteria');
  const treatmentPair = findPair(map, 'treatment');
  const owner = locatedString(src, map, 'owner');
  return {
    kind: 'risk',
    id: id.value.trim(),
    idRange: id.range,
    range: src.nodeRange(map),
    file,
    title: locatedString(src, map, 'title')?.value,
    description: locatedString(src, map, 'description')?.value,
    owner: owner && owner.value.trim() ? owner : undefined,
    likelihood: rating(locatedScalar(src, map, 'likelihood')),
    impact: rating(locatedScalar(src, map, 'impact')),
    treatment: locatedString(src, map, 'treatment'),
    treatmentKey: treatmentPair ? src.nodeRange(treatmentPair.key as Node) : undefined,
    controls: controls.items,
    controlsKey: controls.keyRange,
    criteria: criteria.items,
    criteriaKey: criteria.keyRange,
    lastReviewed: locatedString(src, map, 'last_reviewed'),
    reviewCycle: locatedScalar(src, map, 'review_cycle'),
  };
}

/** A 1–5 rating; anything else is left out of the model (the schema check says why). */
function rating(v: Located<string | number> | undefined): Located<number> | undefined {
  return v && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= 1 && v.value <= 5 ? { value: v.value, range: v.range } : undefined;
}
