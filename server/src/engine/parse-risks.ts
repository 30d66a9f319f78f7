import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Located, ParseProblem, Risk } from './model';
import { LineIndex } from './text';
import { findPair, locatedList, locatedScalar, locatedString, YamlSource } from './yaml-source';
import { validateDocument } from './schema';

export interface ParsedRisks { risks: Risk[]; problems: ParseProblem[] }

/**
 * Reads a risk register file: each YAML document holds one risk mapping or a `risks:` list, as
 * controls files do. Extraction is lenient (wrong types are skipped); the schema problems say what was wrong.
 */
export function parseRisks(file: string, text: string, lines = new LineIndex(text)): ParsedRisks {
  const src = new YamlSource(text, lines);
  const risks: Risk[] = [];
  const problems: ParseProblem[] = [];
  for (const doc of src.docs) {
    const root = doc.contents as Node | null;
    if (root === null || root === undefined) continue;
    if (!doc.errors.length) problems.push(...validateDocument('risks', src, doc));
    for (const map of riskMaps(root)) {
      const risk = readRisk(file, src, map);
      if (risk) risks.push(risk);
    }
  }
  if (src.docs.every((d) => d.contents === null) && !src.problems.length) {
    problems.push({ code: 'schema', range: lines.range(0, 0), message: 'This risk register file is empty: add a risk with at least an `id`, or a `risks:` list.', severity: 'warning' });
  }
  return { risks, problems: [...src.problems, ...problems] };
}

function riskMaps(root: Node): YAMLMap[] {
  if (!isMap(root)) return [];
  const list = findPair(root, 'risks');
  if (list && isSeq(list.value)) return list.value.items.filter((i): i is YAMLMap => isMap(i));
  if (list) return [];
  return [root];
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
