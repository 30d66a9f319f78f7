import type { Project } from '../engine/project';
import { pastOccurrences, type Occurrence } from '../engine/evidence';
import { FREQUENCY_BY_ID } from '../catalog/vocabulary';
import { parseIsoDate } from '../engine/dates';
import { periodIntervals, type Interval } from '../engine/intervals';

const EVIDENCE_CSV_COLUMNS = ['control_id', 'title', 'owner', 'frequency', 'interval_start', 'interval_end', 'evidence_file', 'evidence_date'] as const;

/**
 * The evidence request list an auditor works through: one row per implemented control and expected
 * occurrence in the observation period (the same intervals as evidence-gap), with the evidence that
 * satisfies it, or blank cells where none does. Controls without a periodic frequency (continuous,
 * on-event) get one row for the whole period; without a period, one row with the newest evidence.
 */
function buildEvidenceRows(project: Project): string[][] {
  const { period } = project.config;
  const start = parseIsoDate(period?.start.value), end = parseIsoDate(period?.end.value);
  const whole: Interval | undefined = start && end && start <= end ? { start: period!.start.value, end: period!.end.value } : undefined;
  const rows: string[][] = [];
  const controls = [...project.allControls()].filter((c) => c.status?.value === 'implemented').sort((a, b) => a.id.localeCompare(b.id) || a.file.localeCompare(b.file));
  for (const c of controls) {
    const occurrences = pastOccurrences(project.evidenceOf(c).occurrences, project.today);
    const step = FREQUENCY_BY_ID.get(c.frequency?.value ?? '')?.interval;
    const intervals: (Interval | undefined)[] = whole ? (step ? periodIntervals(start!, end!, step) : [whole]) : [undefined];
    for (const iv of intervals) {
      const inside = iv ? occurrences.filter((o) => o.date >= iv.start && o.date <= iv.end) : occurrences;
      // The newest occurrence in the interval is the one an auditor would sample.
      const hit: Occurrence | undefined = inside[inside.length - 1];
      rows.push([c.id, c.title ?? '', c.owner?.value ?? '', c.frequency?.value ?? '', iv?.start ?? '', iv?.end ?? '', hit?.file ?? '', hit?.date ?? '']);
    }
  }
  return rows;
}

export function formatEvidenceCsv(project: Project): string {
  return toCsv([[...EVIDENCE_CSV_COLUMNS], ...buildEvidenceRows(project)]);
}

/** RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(value: string): string {
  // A cell starting with = + - @ (or a tab or CR) is a formula to a spreadsheet; a leading quote makes it text.
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
