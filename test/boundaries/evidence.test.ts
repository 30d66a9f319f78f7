// Boundary fixtures for evidence dating and the evidence file list (issue 20 mutation survivors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlEvidence, dateFromFileName, EvidenceFiles, futureOccurrences, joinPath, pastOccurrences } from '../../server/src/engine/evidence';
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

test('file names: the date must stand alone in the name; a folder\'s date does not count', () => {
  assert.equal(dateFromFileName('2026-01-05.pdf'), '2026-01-05'); // no folder at all
  assert.equal(dateFromFileName('evidence/2026-01-05/notes.pdf'), undefined);
  assert.equal(dateFromFileName('evidence/2026-01-055.pdf'), undefined); // not a day, and not a month either
  assert.equal(dateFromFileName('evidence/2026-02-30-x.pdf'), undefined); // an impossible day is not read as its month
  assert.equal(dateFromFileName('evidence/2026-q3.pdf'), '2026-09-30');
  assert.equal(dateFromFileName('evidence/2026-Q4-x.pdf'), '2026-12-31');
  assert.equal(dateFromFileName('evidence/2026-Q5.pdf'), undefined);
  assert.equal(dateFromFileName('evidence/2026-Q23.pdf'), undefined);
  assert.equal(dateFromFileName('evidence/12026-Q1.pdf'), undefined);
  assert.equal(dateFromFileName('evidence/a2026-Q1b.pdf'), '2026-03-31');
  assert.equal(dateFromFileName('evidence/scan-2026-11.csv'), '2026-11-30');
  assert.equal(dateFromFileName('evidence/scan-2026-111.csv'), undefined);
  assert.equal(dateFromFileName('evidence/12026-11.csv'), undefined);
  assert.equal(dateFromFileName('evidence/2026-1-05.csv'), undefined);
  assert.equal(dateFromFileName('evidence/202-01-05.csv'), undefined);
  assert.equal(dateFromFileName('evidence/2026-01-5.csv'), undefined); // a malformed day, not the month 2026-01
  assert.equal(dateFromFileName('evidence/2026-01-x.csv'), '2026-01-31');
});

test('joinPath: `.`, empty parts and `..` are resolved; nothing climbs above the root of the path', () => {
  assert.equal(joinPath('evidence', 'a/b'), 'evidence/a/b');
  assert.equal(joinPath('evidence/', '/a//b/'), 'evidence/a/b');
  assert.equal(joinPath('./evidence', './a/./b'), 'evidence/a/b');
  assert.equal(joinPath('evidence', 'a/../../b'), 'b');
  assert.equal(joinPath('evidence', '../../../b'), 'b');
  assert.equal(joinPath('', ''), '');
});

test('a control\'s occurrences keep files and collected dates of the same day in the order written; missing paths are listed', () => {
  const loc = (value: string, line: number) => ({ value, range: { start: { line, character: 0 }, end: { line, character: 10 } } });
  const control = {
    evidence: [
      { path: loc('a', 1), collected: [loc('2026-04-01', 2)] },
      { path: loc('gone', 3), collected: [] },
      { path: loc('undated', 4), collected: [loc('2026-04-01', 5), loc('not a date', 6)] },
    ],
  } as unknown as Control;
  const files = new EvidenceFiles(['ev/a/2026-04-01-x.pdf', 'ev/undated/notes.txt']);
  const { occurrences, missingPaths } = controlEvidence(control, 'ev', files);
  assert.deepEqual(occurrences, [
    { date: '2026-04-01', file: 'ev/a/2026-04-01-x.pdf' },
    { date: '2026-04-01', range: loc('', 2).range },
    { date: '2026-04-01', range: loc('', 5).range },
  ]);
  assert.deepEqual(missingPaths, [loc('gone', 3)]);
});

test('EvidenceFiles: set replaces the list; under a folder stops at the next name that merely shares its prefix', () => {
  const f = new EvidenceFiles(['x/1.pdf']);
  f.set(['c/1.pdf', 'a/2.pdf', 'a/1.pdf', 'a-b/1.pdf', 'a/z/3.pdf', 'b/1.pdf']);
  assert.deepEqual(f.all(), ['a-b/1.pdf', 'a/1.pdf', 'a/2.pdf', 'a/z/3.pdf', 'b/1.pdf', 'c/1.pdf']);
  assert.deepEqual(f.under('a'), ['a/1.pdf', 'a/2.pdf', 'a/z/3.pdf']);
  assert.deepEqual(f.under('a/z'), ['a/z/3.pdf']);
  assert.deepEqual(f.under('c'), ['c/1.pdf']);
  assert.deepEqual(f.under('d'), []);
  assert.equal(f.has('x/1.pdf'), false);
  for (const name of f.all()) assert.equal(f.has(name), true, name);
  assert.equal(f.has('a'), false);
  assert.equal(f.has('zz'), false);
  f.add('0.pdf'); f.add('zz.pdf'); f.add('a/15.pdf');
  assert.deepEqual(f.all(), ['0.pdf', 'a-b/1.pdf', 'a/1.pdf', 'a/15.pdf', 'a/2.pdf', 'a/z/3.pdf', 'b/1.pdf', 'c/1.pdf', 'zz.pdf']);
  f.remove('0.pdf'); f.remove('zz.pdf'); f.remove('zzz.pdf'); f.remove('a/15');
  assert.deepEqual(f.all(), ['a-b/1.pdf', 'a/1.pdf', 'a/15.pdf', 'a/2.pdf', 'a/z/3.pdf', 'b/1.pdf', 'c/1.pdf']);
});

test('EvidenceFiles keeps a sorted listing as given and sorts and de-duplicates any other', () => {
  const sorted = ['evidence/a/2026-01-01.md', 'evidence/a/2026-02-01.md', 'evidence/b/2026-01-01.md'];
  assert.deepEqual(new EvidenceFiles(sorted).all(), sorted);
  assert.deepEqual(new EvidenceFiles([sorted[2], sorted[0], sorted[2], sorted[1], sorted[0]]).all(), sorted);
  assert.deepEqual(new EvidenceFiles([sorted[0], sorted[0]]).all(), [sorted[0]], 'a repeat is not an order');
  assert.deepEqual(new EvidenceFiles([]).all(), []);
});
