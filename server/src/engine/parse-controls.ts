import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Control, EvidenceItem, Located, ParseProblem } from './model';
import { LineIndex } from './text';
import { findPair, locatedList, locatedScalar, locatedString, YamlSource } from './yaml-source';
import { validateControlsDocument } from './schema';

export interface ParsedControls { controls: Control[]; problems: ParseProblem[] }

/**
 * Reads a controls file: each YAML document holds one control mapping or a `controls:` list.
 * Extraction is lenient (wrong types are skipped); the schema problems say what was wrong.
 */
export function parseControls(file: string, text: string, lines = new LineIndex(text)): ParsedControls {
  const src = new YamlSource(text, lines);
  const controls: Control[] = [];
  const problems: ParseProblem[] = [];
  for (const doc of src.docs) {
    const root = doc.contents as Node | null;
    if (root === null || root === undefined) continue;
    if (!doc.errors.length) problems.push(...validateControlsDocument(src, doc));
    for (const map of controlMaps(root)) {
      const control = readControl(file, src, map);
      if (control) controls.push(control);
    }
  }
  if (src.docs.every((d) => d.contents === null) && !src.problems.length) {
    problems.push({ code: 'schema', range: lines.range(0, 0), message: 'This controls file is empty: add a control with at least an `id`, or a `controls:` list.', severity: 'warning' });
  }
  return { controls, problems: [...src.problems, ...problems] };
}

function controlMaps(root: Node): YAMLMap[] {
  if (!isMap(root)) return [];
  const list = findPair(root, 'controls');
  if (list && isSeq(list.value)) return list.value.items.filter((i): i is YAMLMap => isMap(i));
  if (list) return [];
  return [root];
}

function readControl(file: string, src: YamlSource, map: YAMLMap): Control | undefined {
  const id = locatedString(src, map, 'id');
  if (!id || !id.value.trim()) return undefined;
  const criteria = locatedList(src, map, 'criteria');
  const policies = locatedList(src, map, 'policies');
  const evidencePair = findPair(map, 'evidence');
  return {
    kind: 'control',
    id: id.value.trim(),
    idRange: id.range,
    range: src.nodeRange(map),
    file,
    title: locatedString(src, map, 'title')?.value,
    description: locatedString(src, map, 'description')?.value,
    owner: nonEmpty(locatedString(src, map, 'owner')),
    frequency: locatedString(src, map, 'frequency'),
    status: locatedString(src, map, 'status'),
    criteria: criteria.items,
    criteriaKey: criteria.keyRange,
    policies: policies.items,
    policiesKey: policies.keyRange,
    lastReviewed: locatedString(src, map, 'last_reviewed'),
    reviewCycle: locatedScalar(src, map, 'review_cycle'),
    evidence: readEvidence(src, evidencePair?.value as Node | null),
    evidenceKey: evidencePair ? src.nodeRange(evidencePair.key as Node) : undefined,
  };
}

function readEvidence(src: YamlSource, node: Node | null | undefined): EvidenceItem[] {
  if (!isSeq(node)) return [];
  const items: EvidenceItem[] = [];
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const collected = locatedList(src, item, 'collected').items;
    items.push({
      name: locatedString(src, item, 'name')?.value,
      range: src.nodeRange(item),
      path: nonEmpty(locatedString(src, item, 'path')),
      collected,
    });
  }
  return items;
}

function nonEmpty(v: Located<string> | undefined): Located<string> | undefined {
  return v && v.value.trim() ? v : undefined;
}

