import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { parseItemFile, type ItemFileKind } from './item-file';
import type { Located, ParseProblem } from './model';
import { LineIndex } from './text';
import { findPair, locatedList, locatedScalar, locatedString, YamlSource } from './yaml-source';
import type { Assurance, Csoc, Vendor } from './register-model';

export interface ParsedVendors { vendors: Vendor[]; problems: ParseProblem[] }

const VENDOR_FILE: ItemFileKind<Vendor> = { listKey: 'vendors', schema: 'vendors', noun: 'vendor', read: readVendor };

/** Reads a vendor register file: each YAML document holds one vendor mapping or a `vendors:` list. */
export function parseVendors(file: string, text: string, lines = new LineIndex(text)): ParsedVendors {
  const { items, problems } = parseItemFile(VENDOR_FILE, file, text, lines);
  return { vendors: items, problems };
}

function readVendor(file: string, src: YamlSource, map: YAMLMap): Vendor | undefined {
  const id = locatedString(src, map, 'id');
  if (!id || !id.value.trim()) return undefined;
  const monitored = locatedList(src, map, 'monitored_by');
  const csocsPair = findPair(map, 'csocs');
  const contract = mapAt(map, 'contract');
  return {
    kind: 'vendor',
    id: id.value.trim(),
    idRange: id.range,
    range: src.nodeRange(map),
    file,
    name: nonEmpty(locatedString(src, map, 'name'))?.value,
    service: nonEmpty(locatedString(src, map, 'service'))?.value,
    owner: nonEmpty(locatedString(src, map, 'owner')),
    criticality: locatedString(src, map, 'criticality'),
    data: locatedList(src, map, 'data').items,
    subservice: locatedString(src, map, 'subservice'),
    assurance: readAssurance(src, map),
    csocs: readCsocs(src, csocsPair?.value as Node | null | undefined),
    csocsKey: csocsPair ? src.nodeRange(csocsPair.key as Node) : undefined,
    monitoredBy: monitored.items.filter((m) => m.value.trim()),
    monitoredByKey: monitored.keyRange,
    contract: contract ? { securityTerms: locatedString(src, contract, 'security_terms'), dpa: locatedString(src, contract, 'dpa') } : undefined,
    lastReviewed: locatedString(src, map, 'last_reviewed'),
    reviewCycle: locatedScalar(src, map, 'review_cycle'),
  };
}

function readAssurance(src: YamlSource, map: YAMLMap): Assurance | undefined {
  const pair = findPair(map, 'assurance');
  if (!pair) return undefined;
  const keyRange = src.nodeRange(pair.key as Node);
  const value = pair.value as Node | null;
  if (!isMap(value)) {
    // `assurance: none` is a common shorthand; read it as the type so the missing-assurance check names it.
    const type = locatedString(src, map, 'assurance');
    return { keyRange, range: keyRange, ...(type ? { type } : {}) };
  }
  return {
    keyRange,
    range: src.nodeRange(value),
    type: locatedString(src, value, 'type'),
    periodStart: locatedString(src, value, 'period_start'),
    periodEnd: locatedString(src, value, 'period_end'),
    received: locatedString(src, value, 'received'),
    bridgeLetterUntil: locatedString(src, value, 'bridge_letter_until'),
  };
}

function readCsocs(src: YamlSource, node: Node | null | undefined): Csoc[] {
  if (!isSeq(node)) return [];
  const out: Csoc[] = [];
  for (const item of node.items) {
    if (isMap(item)) out.push({ description: locatedString(src, item, 'description')?.value, criteria: locatedList(src, item, 'criteria').items, range: src.nodeRange(item) });
    // A bare sentence is a CSOC without criteria; the schema check says it should be a mapping.
    else if (item && typeof (item as { value?: unknown }).value === 'string') out.push({ description: String((item as { value: string }).value), criteria: [], range: src.nodeRange(item as Node) });
  }
  return out;
}

function mapAt(map: YAMLMap, key: string): YAMLMap | undefined {
  const v = findPair(map, key)?.value;
  return isMap(v) ? v : undefined;
}

function nonEmpty(v: Located<string> | undefined): Located<string> | undefined {
  return v && v.value.trim() ? v : undefined;
}
