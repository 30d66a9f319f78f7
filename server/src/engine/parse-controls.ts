import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { parseItemFile, type ItemFileKind } from './item-file';
import type { Control, EvidenceItem, Located, ParseProblem } from './model';
import { LineIndex } from './text';
import { findPair, locatedList, locatedScalar, locatedString, YamlSource } from './yaml-source';

export interface ParsedControls { controls: Control[]; problems: ParseProblem[] }

const CONTROL_FILE: ItemFileKind<Control> = { listKey: 'controls', schema: 'controls', noun: 'control', read: readControl };

/** Reads a controls file: each YAML document holds one control mapping or a `controls:` list. */
export function parseControls(file: string, text: string, lines = new LineIndex(text)): ParsedControls {
  const { items, problems } = parseItemFile(CONTROL_FILE, file, text, lines);
  return { controls: items, problems };
}

function readControl(file: string, src: YamlSource, map: YAMLMap): Control | undefined {
  const id = locatedString(src, map, 'id');
  if (!id || !id.value.trim()) return undefined;
  const criteria = locatedList(src, map, 'criteria');
  const policies = locatedList(src, map, 'policies');
  const evidencePair = findPair(map, 'evidence');
  const description = locatedString(src, map, 'description');
  const vendors = locatedList(src, map, 'vendors');
  return {
    kind: 'control',
    id: id.value.trim(),
    idRange: id.range,
    range: src.nodeRange(map),
    file,
    title: locatedString(src, map, 'title')?.value,
    description: description?.value,
    descriptionRange: description?.range,
    owner: nonEmpty(locatedString(src, map, 'owner')),
    frequency: locatedString(src, map, 'frequency'),
    status: locatedString(src, map, 'status'),
    criteria: criteria.items,
    criteriaKey: criteria.keyRange,
    policies: policies.items,
    policiesKey: policies.keyRange,
    lastReviewed: locatedString(src, map, 'last_reviewed'),
    reviewCycle: locatedScalar(src, map, 'review_cycle'),
    targetDate: locatedString(src, map, 'target_date'),
    tracking: locatedString(src, map, 'tracking'),
    evidence: readEvidence(src, evidencePair?.value as Node | null),
    evidenceKey: evidencePair ? src.nodeRange(evidencePair.key as Node) : undefined,
    ...(vendors.keyRange ? { vendors: vendors.items } : {}),
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

