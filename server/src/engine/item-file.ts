import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ParseProblem } from './model';
import { LineIndex } from './text';
import { findPair, YamlSource } from './yaml-source';
import { validateDocument, type SchemaKind } from './schema';

/** How to read one kind of item file (controls, risks): the list key, the schema, and one item's reader. */
export interface ItemFileKind<T extends { incomplete?: true }> {
  listKey: string;
  schema: SchemaKind;
  /** "control", "risk": for the empty-file message. */
  noun: string;
  read(file: string, src: YamlSource, map: YAMLMap): T | undefined;
}

/**
 * Reads a file whose YAML documents each hold one item mapping or a `<listKey>:` list of them.
 * Extraction is lenient (wrong types are skipped); the schema problems say what was wrong.
 */
export function parseItemFile<T extends { incomplete?: true }>(kind: ItemFileKind<T>, file: string, text: string, lines = new LineIndex(text)): { items: T[]; problems: ParseProblem[] } {
  const src = new YamlSource(text, lines);
  const items: T[] = [];
  const problems: ParseProblem[] = [];
  for (const doc of src.docs) {
    const root = doc.contents as Node | null;
    if (root === null || root === undefined) continue;
    if (!doc.errors.length) problems.push(...validateDocument(kind.schema, src, doc));
    // Where the parser first lost its way: an item ending before it was read whole; one reaching it was not.
    const damage = doc.errors.length ? Math.min(...doc.errors.map((e) => e.pos[0])) : Infinity;
    for (const map of itemMaps(root, kind.listKey)) {
      const item = kind.read(file, src, map);
      if (!item) continue;
      const end = map.range?.[2] ?? map.range?.[1] ?? Infinity;
      items.push(end >= damage ? { ...item, incomplete: true } : item);
    }
  }
  if (src.docs.every((d) => d.contents === null) && !src.problems.length) {
    problems.push({ code: 'schema', range: lines.range(0, 0), message: `This file is empty: add a ${kind.noun} with at least an \`id\`, or a \`${kind.listKey}:\` list.`, severity: 'warning' });
  }
  return { items, problems: [...src.problems, ...problems] };
}

function itemMaps(root: Node, listKey: string): YAMLMap[] {
  if (!isMap(root)) return [];
  const list = findPair(root, listKey);
  if (list && isSeq(list.value)) return list.value.items.filter((i): i is YAMLMap => isMap(i));
  if (list) return [];
  return [root];
}
