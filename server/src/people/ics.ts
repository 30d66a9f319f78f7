import type { Task } from './tasks';

/**
 * The tasks as an RFC 5545 calendar an owner can subscribe to: one all-day VEVENT per task on its due
 * date (VEVENT rather than VTODO because the common calendar applications show events in subscribed
 * calendars and ignore to-dos). UIDs name the obligation, not its date, so a re-import moves an event
 * instead of adding a second one. Text is escaped, lines are folded at 75 octets and end in CRLF.
 */
export function tasksToIcs(tasks: readonly Task[], o: { today: string; organization?: string }): string {
  const stamp = `${o.today.replace(/-/g, '')}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//soc2-as-code//soc2 tasks//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(`SOC 2 tasks${o.organization ? ` – ${o.organization}` : ''}`)}`,
  ];
  for (const t of tasks) {
    const day = t.due.replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(t)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${nextDay(t.due)}`,
      `SUMMARY:${text(`${t.overdue ? 'OVERDUE: ' : ''}${t.title}`)}`,
      `DESCRIPTION:${text(`${t.title}\nOwner: ${t.owner}\nDue: ${t.due}\nWhere: ${t.file}:${t.line}`)}`,
      `CATEGORIES:${text(`SOC 2,${t.kind}`, false)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** A stable id per obligation: kind, item and owner, restricted to characters every parser accepts. */
function uid(t: Task): string {
  return `${t.kind}-${t.id}-${t.owner}`.replace(/[^A-Za-z0-9._-]+/g, '_') + '@soc2-as-code';
}

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped (commas kept as list separators when asked). */
function text(s: string, escapeCommas = true): string {
  let out = s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
  if (escapeCommas) out = out.replace(/,/g, '\\,');
  // Other control characters are not allowed in TEXT values.
  return out.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** Folds a content line into pieces of at most 75 octets, never splitting a UTF-8 character. */
function fold(line: string): string {
  const bytes = (c: string) => Buffer.byteLength(c, 'utf8');
  if (bytes(line) <= 75) return line;
  const parts: string[] = [];
  let cur = '', size = 0, limit = 75;
  for (const ch of line) {
    const n = bytes(ch);
    if (size + n > limit) { parts.push(cur); cur = ''; size = 0; limit = 74; /* the leading space counts */ }
    cur += ch; size += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}
