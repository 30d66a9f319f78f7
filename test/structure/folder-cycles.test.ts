// The folders of server/src form layers (util < catalog < engine < checks < report/cli/lsp): a folder never
// imports, even for types, from a folder that imports it back. Read from the source, so a new import that
// closes a loop fails here with the path that closes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve('server/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** folder -> folders it imports from, with one file that does it (for the message). */
export function folderGraph(files: readonly string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = relative(SRC, file).split('/')[0];
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]/g)) {
      const target = relative(SRC, resolve(dirname(file), m[1]));
      if (target.startsWith('..')) continue;
      const to = target.split('/')[0];
      if (to === from || !target.includes('/')) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, relative(SRC, file));
    }
  }
  return graph;
}

export function findCycle(graph: Map<string, Map<string, string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const next of graph.get(n)?.keys() ?? []) { const c = visit(next); if (c) return c; }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of [...graph.keys()].sort()) { const c = visit(n); if (c) return c; }
  return undefined;
}

test('no import cycle between the folders of server/src', () => {
  const graph = folderGraph(sources(SRC));
  // The graph is read for real: the engine uses the catalog, the checks use the engine.
  assert.ok(graph.get('engine')?.has('catalog'));
  assert.ok(graph.get('checks')?.has('engine'));
  const cycle = findCycle(graph);
  const how = cycle?.slice(1).map((to, i) => `${cycle[i]} -> ${to} (${graph.get(cycle[i])!.get(to)})`).join(', ');
  assert.equal(cycle, undefined, `folder cycle: ${how}`);
});

test('the cycle finder reports a loop it is given', () => {
  const g = new Map([['engine', new Map([['checks', 'engine/project.ts']])], ['checks', new Map([['engine', 'checks/x.ts']])]]);
  assert.deepEqual(findCycle(g), ['checks', 'engine', 'checks']);
});
