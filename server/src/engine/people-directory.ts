import { parseIsoDate } from './dates';
import { editDistance } from '../util/strings';
import type { Person } from './people-model';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Looks people up as owners are written: by email (`Dana <dana@acme.example>` too), id or name, ignoring
 * case; or by role when exactly one person holds it ("Security Lead"). Built once per roster version.
 */
export class PeopleDirectory {
  private readonly byKey = new Map<string, Person>();
  private readonly byRole = new Map<string, Person[]>();
  constructor(readonly people: readonly Person[]) {
    for (const p of people) {
      for (const key of [p.email, p.id, p.name]) if (key && !this.byKey.has(norm(key))) this.byKey.set(norm(key), p);
      if (p.role) this.byRole.set(norm(p.role), [...(this.byRole.get(norm(p.role)) ?? []), p]);
    }
  }

  resolve(owner: string): Person | undefined {
    const email = /<([^<>\s]+@[^<>\s]+)>/.exec(owner)?.[1];
    const hit = (email && this.byKey.get(norm(email))) || this.byKey.get(norm(owner));
    if (hit) return hit;
    const holders = this.byRole.get(norm(owner));
    return holders?.length === 1 ? holders[0] : undefined;
  }

  /** The person whose email, id or name is nearest to what was written, when near enough to be a typo. */
  nearest(owner: string): Person | undefined {
    const w = norm(owner);
    let best: Person | undefined, bestScore = Infinity;
    for (const [key, p] of this.byKey) {
      const d = editDistance(key, w);
      if (d < bestScore) { best = p; bestScore = d; }
    }
    return bestScore <= Math.max(2, Math.floor(w.length / 3)) ? best : undefined;
  }

  /** How a person is shown: name and email when both are known. */
  static label(p: Person): string {
    return p.name && p.email ? `${p.name} <${p.email}>` : p.name ?? p.email ?? p.id;
  }
}

/** Whether someone works here on `day`: started (or no start given) and not yet past their last day. */
export function isActive(p: Person, day: Date): boolean {
  const start = parseIsoDate(p.start?.value), end = parseIsoDate(p.end?.value);
  return (!start || start <= day) && (!end || end >= day);
}

/** Their last day, when it is before `day`. */
export function departedBefore(p: Person, day: Date): Date | undefined {
  const end = parseIsoDate(p.end?.value);
  return end && end < day ? end : undefined;
}
