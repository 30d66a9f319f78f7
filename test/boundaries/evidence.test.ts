// Boundary fixtures for evidence dating and the evidence file list (issue 20 mutation survivors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlEvidence, dateFromFileName, EvidenceFiles, futureOccurrences, pastOccurrences } from '../../server/src/engine/evidence';
import { parseIsoDate } from '../../server/src/engine/dates';
import type { Control } from '../../server/src/engine/model';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

test('file-name months: 01 to 12 only, each its last day', () => {
  assert.equal(dateFromFileName('evidence/2026-01-access.pdf'), '2026-01-31');
  assert.equal(dateFromFileName('evidence/2026-12-access.pdf'), '2026-12-31');
  assert.equal(dateFromFileName('evidence/2024-02-access.pdf'), '2024-02-29');
  assert.equal(dateFromFileName('evidence/2026-13-access.pdf'), undefined);
  assert.equal(dateFromFileName('evidence/2026-00-access.pdf'), undefined);
  assert.equal(dateFromFileName('evidence/2026Q2.pdf'), '2026-06-30');
  assert.equal(dateFromFileName('evidence/x2026-Q2.pdf'), '2026-06-30');
  assert.equal(dateFromFileName('evidence/12026-01-05.pdf'), undefined);
});

test('evidence dated today is past, tomorrow is future', () => {
  const today = parseIsoDate('2026-07-15')!;
  const occ = [{ date: '2026-07-14' }, { date: '2026-07-15' }, { date: '2026-07-16' }];
  assert.deepEqual(pastOccurrences(occ, today).map((o) => o.date), ['2026-07-14', '2026-07-15']);
  assert.deepEqual(futureOccurrences(occ, today).map((o) => o.date), ['2026-07-16']);
});

test('a control\'s occurrences are sorted oldest first, files and collected dates together; bad dates are dropped', () => {
  const control = {
    evidence: [
      { path: { value: 'a', range: R }, collected: [{ value: '2026-05-01', range: R }, { value: '2026-02-30', range: R }, { value: '2026-01-01', range: R }] },
      { collected: [{ value: '2026-03-01', range: R }] },
    ],
  } as unknown as Control;
  const files = new EvidenceFiles(['evidence/a/2026-04-01-x.pdf', 'evidence/a/2026-02-01-y.pdf', 'evidence/a/notes.txt', 'evidence/ab/2026-06-01.pdf']);
  const { occurrences, missingPaths } = controlEvidence(control, 'evidence', files);
  assert.deepEqual(occurrences.map((o) => o.date), ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
  assert.deepEqual(missingPaths, []);
});

test('EvidenceFiles: a sorted set; add, remove and has; a folder and its trailing slashes', () => {
  const f = new EvidenceFiles(['b/2.pdf', 'a/1.pdf', 'a/1.pdf']);
  assert.deepEqual(f.all(), ['a/1.pdf', 'b/2.pdf']);
  assert.equal(f.size, 2);
  f.add('a/0.pdf'); f.add('a/0.pdf');
  assert.deepEqual(f.all(), ['a/0.pdf', 'a/1.pdf', 'b/2.pdf']);
  f.remove('a/9.pdf');
  assert.equal(f.size, 3);
  f.remove('a/1.pdf');
  assert.deepEqual(f.all(), ['a/0.pdf', 'b/2.pdf']);
  assert.equal(f.has('a/1.pdf'), false);
  assert.deepEqual(f.under('a//'), ['a/0.pdf']);
  assert.deepEqual(f.under('b/2.pdf'), ['b/2.pdf']);
  assert.deepEqual(new EvidenceFiles().all(), []);
});
