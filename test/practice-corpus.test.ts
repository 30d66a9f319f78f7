import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { CHECKS } from '../server/src/checks';
import { loadProject } from '../server/src/engine/load';
import { TODAY } from './helpers';

/**
 * The practice corpus (test/fixtures/practice): 22 policies with linked controls, written for this test. Every
 * sentence that states a frequency is labelled in labels.json: a planted contradiction (`warning` when practice
 * is less frequent than promised, `info` when more), or a `trap` that must stay silent (agreeing frequencies,
 * floors, states such as "24/7", "daily operations", headings, retention periods, ties, "bi-annually"), or one
 * sentence of a pair of policies that contradict each other (`conflict`, policy-frequency-conflict).
 * The figures below are the ones the README states.
 */
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.9;

interface Label { file: string; text: string; expect: 'warning' | 'info' | 'trap' | 'conflict' }

test('frequency-mismatch on the practice corpus: precision, recall, and no trap reported', async (t) => {
  const dir = path.join(__dirname, 'fixtures', 'practice');
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Label[];
  const { project } = await loadProject(new DiskWorkspace(dir), { checks: CHECKS, today: TODAY });
  const found = project.allDiagnostics().filter((d) => d.code === 'frequency-mismatch');
  const lineOf = (l: Label) => readFileSync(path.join(dir, l.file), 'utf8').split(/\r?\n/).findIndex((x) => x.includes(l.text));
  for (const l of labels) assert.ok(lineOf(l) >= 0, `label not found in ${l.file}: ${l.text}`);
  const labelAt = (file: string, line: number) => labels.find((l) => l.file === file && lineOf(l) === line);

  let truePositives = 0;
  const wrong: string[] = [];
  for (const d of found) {
    const l = labelAt(d.file, d.range.start.line);
    if (l && l.expect === d.severity) truePositives++;
    else wrong.push(`${d.file}:${d.range.start.line + 1} ${d.severity} (labelled ${l?.expect ?? 'nothing'}): ${d.message}`);
  }
  const planted = labels.filter((l) => l.expect === 'warning' || l.expect === 'info');
  const traps = labels.filter((l) => l.expect === 'trap');
  const hitTraps = traps.filter((t) => found.some((d) => d.file === t.file && d.range.start.line === lineOf(t)));
  const precision = found.length ? truePositives / found.length : 1;
  const recall = truePositives / planted.length;
  t.diagnostic(`precision ${precision.toFixed(2)} (${truePositives}/${found.length}), recall ${recall.toFixed(2)} (${truePositives}/${planted.length}), traps reported ${hitTraps.length} of ${traps.length}`);
  assert.ok(planted.length >= 20 && traps.length >= 40, 'the corpus keeps its size');
  assert.deepEqual(hitTraps.map((t) => `${t.file}: ${t.text}`), [], 'no trap is reported');
  assert.ok(precision >= MIN_PRECISION, `precision ${precision.toFixed(2)} < ${MIN_PRECISION}: ${wrong.join('\n')}`);
  assert.ok(recall >= MIN_RECALL, `recall ${recall.toFixed(2)} < ${MIN_RECALL}: found ${truePositives} of ${planted.length}`);

  // Contradictions between policies: an info on each sentence of a planted pair, and nowhere else.
  const conflicts = project.allDiagnostics().filter((d) => d.code === 'policy-frequency-conflict').map((d) => `${d.file}:${d.range.start.line}`).sort();
  const pairs = labels.filter((l) => l.expect === 'conflict').map((l) => `${l.file}:${lineOf(l)}`).sort();
  assert.ok(pairs.length >= 4);
  assert.deepEqual(conflicts, pairs);
});
