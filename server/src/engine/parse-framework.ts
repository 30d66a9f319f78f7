import { isMap, isSeq, type Node } from 'yaml';
import type { ParseProblem, RepoFramework } from './model';
import type { Requirement } from '../catalog/framework-types';
import { LineIndex } from './text';
import { locatedString, findPair, YamlSource } from './yaml-source';
import { validateDocument } from './schema';

/** Where the repo's own frameworks live: one file per framework, named after its id. */
export const FRAMEWORK_FILE = /^frameworks\/[^/]+\.ya?ml$/;

export function isFrameworkFile(path: string): boolean { return FRAMEWORK_FILE.test(path); }

/**
 * Reads `frameworks/<id>.yaml` (`id`, `name`, `version`, `requirements: [{id, title, group}]`). What cannot
 * be used is reported and left out; a file without an id defines no framework.
 */
export function parseFrameworkFile(file: string, text: string, lines = new LineIndex(text)): { framework?: RepoFramework; problems: ParseProblem[] } {
  const src = new YamlSource(text, lines);
  const problems: ParseProblem[] = [...src.problems];
  const doc = src.docs[0];
  const root = doc?.contents as Node | null | undefined;
  if (!doc || !isMap(root)) {
    if (!src.problems.length) problems.push({ code: 'schema', range: lines.lineRange(0), message: 'A framework file should be a mapping with `id`, `name` and `requirements`.' });
    return { problems };
  }
  if (!doc.errors.length) problems.push(...validateDocument('framework', src, doc));
  const id = locatedString(src, root, 'id');
  if (!id || !id.value.trim()) return { problems };
  const requirements: Requirement[] = [];
  const groups = new Map<string, { id: string; name: string }>();
  const list = findPair(root, 'requirements')?.value as Node | null;
  if (isSeq(list)) {
    for (const item of list.items as Node[]) {
      if (!isMap(item)) continue;
      const rid = locatedString(src, item, 'id');
      if (!rid || !rid.value.trim()) continue;
      const group = locatedString(src, item, 'group')?.value.trim() || 'Requirements';
      if (!groups.has(group)) groups.set(group, { id: group, name: group });
      requirements.push({ id: rid.value.trim(), title: locatedString(src, item, 'title')?.value ?? rid.value.trim(), group, file, range: rid.range });
    }
  }
  const seen = new Map<string, Requirement>();
  for (const r of requirements) {
    const first = seen.get(r.id);
    if (first) problems.push({ code: 'schema', range: r.range!, message: `Requirement ${r.id} is defined twice in this framework (first on line ${first.range!.start.line + 1}); ids must be unique.` });
    else seen.set(r.id, r);
  }
  const expected = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (id.value.trim() !== expected) problems.push({ code: 'schema', range: id.range, message: `This framework's id is ${id.value.trim()} but the file is named ${expected}.yaml; name the file after the id so it can be found.`, severity: 'warning' });
  return {
    framework: {
      id: id.value.trim(), idRange: id.range, file,
      name: locatedString(src, root, 'name')?.value ?? id.value.trim(),
      version: locatedString(src, root, 'version')?.value ?? '',
      origin: 'repo',
      groups: [...groups.values()],
      requirements: [...seen.values()],
    },
    problems,
  };
}
