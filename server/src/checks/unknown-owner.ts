import { PeopleDirectory } from '../engine/people-directory';
import { ownersIn } from './owners';
import type { Check } from './types';

export const unknownOwner: Check = {
  code: 'unknown-owner',
  severity: 'warning',
  doc: 'With a roster (people.yaml), an owner or approver that matches no person by email, id, name or a role only one person holds.',
  appliesTo: ['controls', 'policy', 'risks'],
  crossFile: true,
  run(file, project, report) {
    const directory = project.peopleDirectory();
    if (!directory) return;
    for (const { value, role, label } of ownersIn(file)) {
      if (value.value.trim().toUpperCase() === 'TODO' || directory.resolve(value.value)) continue;
      const near = directory.nearest(value.value);
      report({
        range: value.range,
        message: `The ${role} of ${label}, "${value.value}", is nobody in the roster (${project.config.people.roster}).${near ? ` Did you mean ${PeopleDirectory.label(near)}?` : ' Add the person to the roster or name someone who is in it.'}`,
        data: near ? { suggestion: near.email ?? near.id } : undefined,
      });
    }
  },
};
