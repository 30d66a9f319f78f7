import { toIso } from '../engine/dates';
import { PeopleDirectory } from '../engine/people-directory';
import { acknowledgementsDue, acknowledgeWindow } from '../people/obligations';
import type { Check } from './types';

/** Names listed in one finding; the rest are counted. */
const NAMES_SHOWN = 5;

export const acknowledgementMissing: Check = {
  code: 'acknowledgement-missing',
  severity: 'warning',
  doc: 'A policy that must be acknowledged, where active people have not acknowledged its current version within the allowed days.',
  appliesTo: ['policy'],
  crossFile: true,
  run(file, project, report) {
    const policy = file.policy;
    const directory = project.peopleDirectory();
    if (!policy || !directory) return;
    const within = acknowledgeWindow(policy, project.config.people);
    // Stryker disable next-line ConditionalExpression: equivalent; with no window every due date is addDays(from, undefined), an Invalid Date that is never before today, so nobody would be late
    if (within === undefined) return;
    const late = acknowledgementsDue(policy, directory.people, project.acknowledgementRecords(), within, project.today, true);
    if (!late.length) return;
    const names = late.slice(0, NAMES_SHOWN).map((l) => `${l.person.name ?? l.person.id} (due ${toIso(l.due)})`);
    const more = late.length - names.length;
    report({
      range: policy.acknowledgeWithinDays?.range ?? policy.title?.range ?? policy.idRange,
      message: `${late.length} ${late.length === 1 ? 'person has' : 'people have'} not acknowledged ${policy.id}${policy.version ? ` version ${policy.version.value}` : ''} within ${within} days: ${names.join(', ')}${more ? ` and ${more} more` : ''}.`,
      data: { people: late.map((l) => PeopleDirectory.label(l.person)) },
    });
  },
};
