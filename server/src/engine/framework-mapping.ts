import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { FrameworkMapping, FrameworkScope, Located, RequirementExclusion } from './model';
import type { Range } from './text';
import { findPair, locatedList, locatedString, type YamlSource } from './yaml-source';

/** Reads `frameworks: { iso27001-2022: [A.5.15], nist-csf-2.0: [PR.AA-05] }` of a control or policy. */
export function readFrameworkMappings(src: YamlSource, map: YAMLMap): { frameworks: FrameworkMapping[]; frameworksKey?: Range } {
  const pair = findPair(map, 'frameworks');
  if (!pair) return { frameworks: [] };
  const frameworksKey = src.nodeRange(pair.key as Node);
  const value = pair.value as Node | null;
  if (!isMap(value)) return { frameworks: [], frameworksKey };
  const frameworks: FrameworkMapping[] = [];
  for (const item of value.items) {
    const key = item.key as Node | null;
    if (!isScalar(key) || key.value === null || typeof key.value === 'object') continue;
    const framework: Located<string> = { value: String(key.value), range: src.nodeRange(key) };
    frameworks.push({ framework, requirements: locatedList(src, value, framework.value).items });
  }
  return { frameworks, frameworksKey };
}

/** Reads soc2.yaml's `frameworks:` list: plain ids, or `{id, exclusions: [{requirement, reason}]}`. */
export function readFrameworkScopes(src: YamlSource, root: YAMLMap): { frameworks: FrameworkScope[]; frameworksKey?: Range } {
  const pair = findPair(root, 'frameworks');
  if (!pair) return { frameworks: [] };
  const frameworksKey = src.nodeRange(pair.key as Node);
  const value = pair.value as Node | null;
  if (!isSeq(value)) return { frameworks: [], frameworksKey };
  const frameworks: FrameworkScope[] = [];
  for (const item of value.items as Node[]) {
    if (isScalar(item) && item.value !== null && typeof item.value !== 'object' && String(item.value).trim()) {
      frameworks.push({ id: { value: String(item.value).trim(), range: src.nodeRange(item) }, exclusions: [], range: src.nodeRange(item) });
      continue;
    }
    if (!isMap(item)) continue;
    const id = locatedString(src, item, 'id');
    if (!id || !id.value.trim()) continue;
    const exclusions: RequirementExclusion[] = [];
    const ex = findPair(item, 'exclusions')?.value as Node | null;
    if (isSeq(ex)) {
      for (const e of ex.items as Node[]) {
        if (!isMap(e)) continue;
        const requirement = locatedString(src, e, 'requirement');
        if (requirement) exclusions.push({ requirement, reason: locatedString(src, e, 'reason')?.value, range: src.nodeRange(e) });
      }
    }
    frameworks.push({ id: { value: id.value.trim(), range: id.range }, exclusions, range: src.nodeRange(item) });
  }
  return { frameworks, frameworksKey };
}
