import { toIso } from '../engine/dates';
import { departedBefore, isActive, PeopleDirectory } from '../engine/people-directory';
import { ownersIn } from './owners';
import type { Check } from './types';

/** How many active colleagues the reassign quick fix offers. */
const CANDIDATES = 3;

export const ownerDeparted: Check = {
  code: 'owner-departed',
  severity: 'warning',
  doc: 'An owner or approver whose `end` date in the roster is before today: nobody is accountable any more.',
  appliesTo: ['controls', 'policy', 'risks'],
  crossFile: true,
  run(file, project, report) {
    const directory = project.peopleDirectory();
    if (!directory) return;
    for (const { value, role, label } of ownersIn(file)) {
      const person = directory.resolve(value.value);
      const left = person && departedBefore(person, project.today);
      if (!person || !left) continue;
      // Whoever shares the role, then the team, is the likeliest successor.
      // The departed owner is not active, so is never among them.
      const active = directory.people.filter((p) => isActive(p, project.today));
      const sameRole = active.filter((p) => person.role && p.role === person.role);
      // Teammates not already offered for their role (comparing roles would drop role-less teammates of a role-less person).
      const sameTeam = active.filter((p) => person.team && p.team === person.team && !sameRole.includes(p));
      const candidates = [...sameRole, ...sameTeam].slice(0, CANDIDATES);
      report({
        range: value.range,
        message: `The ${role} of ${label}, ${PeopleDirectory.label(person)}, left on ${toIso(left)}: name a current ${role}.`,
        related: [{ file: person.file, range: person.end!.range, message: `${person.name ?? person.id}'s last day` }],
        data: { candidates: candidates.map((p) => p.email ?? p.id) },
      });
    }
  },
};
