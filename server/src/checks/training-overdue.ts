import { toIso } from '../engine/dates';
import { daysAgo } from '../engine/review';
import { trainingDue } from '../people/obligations';
import type { Check } from './types';

export const trainingOverdue: Check = {
  code: 'training-overdue',
  severity: 'warning',
  doc: 'An active person past due for a course soc2.yaml requires (`training:`), by their start date or their last completion.',
  appliesTo: ['people'],
  crossFile: true,
  run(file, project, report) {
    // Stryker disable next-line ArrayDeclaration: the fallback serves only a roster too large to read; anything put in it has no start date or completion, so nothing falls due
    const mine = (file.people ?? []);
    for (const due of trainingDue(mine, project.config.people.courses, project.trainingCompletions(), project.today)) {
      if (due.due >= project.today) continue;
      report({
        range: due.person.idRange,
        message: `${due.person.name ?? due.person.id} is past due for "${due.course.course.value}": due ${toIso(due.due)} (${daysAgo(due.due, project.today)}), ${due.last ? `last completed ${due.last}` : 'never completed'}.`,
      });
    }
  },
};
