/**
 * Scores the prose checks on the labelled corpus (test/fixtures/prose-corpus). Labels are HTML comments:
 * `<!-- vague: phrase -->` ends the line where a fair vague-language finding starts (its first vague
 * phrase), and `<!-- missing: A; B -->` names sections a policy truly lacks. The labels are stripped
 * (only the comment, so every position stays) before the policies are checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../server/src/checks';
import { Project } from '../../server/src/engine/project';
import type { Diagnostic } from '../../server/src/engine/model';

export const CORPUS = join(__dirname, '..', 'fixtures', 'prose-corpus');
const LABEL = /[ \t]*<!-- (vague|missing): ([^>]*?) -->/g;

export interface Score { findings: number; truePositives: number; falseAlarms: string[]; labels: number; missed: string[] }
export interface CorpusScore { policies: number; vague: Score; missing: Score; diagnostics: Diagnostic[] }

export function corpusFiles(): Record<string, string> {
  const files: Record<string, string> = { 'soc2.yaml': readFileSync(join(CORPUS, 'soc2.yaml'), 'utf8') };
  files['controls/controls.yaml'] = readFileSync(join(CORPUS, 'controls', 'controls.yaml'), 'utf8');
  for (const name of readdirSync(join(CORPUS, 'policies')).sort()) files[`policies/${name}`] = readFileSync(join(CORPUS, 'policies', name), 'utf8');
  return files;
}

export function scoreCorpus(today = '2026-03-01'): CorpusScore {
  const files = corpusFiles();
  const vagueLabels: { file: string; line: number; phrase: string }[] = [];
  const missingLabels: { file: string; section: string }[] = [];
  const project = new Project({ checks: CHECKS, today });
  project.setFile('soc2.yaml', files['soc2.yaml']);
  let policies = 0;
  for (const [path, text] of Object.entries(files)) {
    if (path === 'soc2.yaml') continue;
    if (path.endsWith('.md')) policies++;
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      for (const m of l.matchAll(LABEL)) {
        if (m[1] === 'vague') vagueLabels.push({ file: path, line: i, phrase: m[2].trim().toLowerCase() });
        else for (const s of m[2].split(';')) missingLabels.push({ file: path, section: s.trim().toLowerCase() });
      }
    });
    project.setFile(path, lines.map((l) => l.replace(LABEL, '')).join('\n'));
  }
  const diagnostics = project.allDiagnostics();

  const vague = diagnostics.filter((d) => d.code === 'vague-language');
  const phrasesOf = (d: Diagnostic) => ((d.data?.phrases as string[] | undefined) ?? [d.data?.phrase as string]).map((p) => p.toLowerCase());
  const vagueHit = new Set<number>();
  const vagueFalse: string[] = [];
  for (const d of vague) {
    const i = vagueLabels.findIndex((l, k) => !vagueHit.has(k) && l.file === d.file && l.line === d.range.start.line && phrasesOf(d).includes(l.phrase));
    if (i >= 0) vagueHit.add(i); else vagueFalse.push(`${d.file}:${d.range.start.line + 1} ${phrasesOf(d).join(', ')}`);
  }
  const missing = diagnostics.filter((d) => d.code === 'policy-missing-section');
  const missingHit = new Set<number>();
  const missingFalse: string[] = [];
  for (const d of missing) {
    const section = String(d.data?.section).toLowerCase();
    const i = missingLabels.findIndex((l, k) => !missingHit.has(k) && l.file === d.file && l.section === section);
    if (i >= 0) missingHit.add(i); else missingFalse.push(`${d.file} ${section}`);
  }
  return {
    policies,
    diagnostics,
    vague: { findings: vague.length, truePositives: vagueHit.size, falseAlarms: vagueFalse, labels: vagueLabels.length,
      missed: vagueLabels.filter((_, k) => !vagueHit.has(k)).map((l) => `${l.file}:${l.line + 1} ${l.phrase}`) },
    missing: { findings: missing.length, truePositives: missingHit.size, falseAlarms: missingFalse, labels: missingLabels.length,
      missed: missingLabels.filter((_, k) => !missingHit.has(k)).map((l) => `${l.file} ${l.section}`) },
  };
}

export function describe(s: Score): string {
  const fa = s.findings ? (100 * s.falseAlarms.length) / s.findings : 0;
  const recall = s.labels ? (100 * s.truePositives) / s.labels : 100;
  return `${s.findings} findings, ${s.falseAlarms.length} false alarms (${fa.toFixed(1)}%), recall ${s.truePositives}/${s.labels} (${recall.toFixed(1)}%)`;
}
