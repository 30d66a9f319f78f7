import type { Check } from './types';
import { conflicting, PracticeIndex, statementsOf } from '../practice/policy-index';

/**
 * Two policies that give one activity different frequencies ("access is reviewed monthly" here, "every quarter"
 * there). An info on both sentences, each pointing at the other: which one is right is for the owners to decide.
 */
export const policyFrequencyConflict: Check = {
  code: 'policy-frequency-conflict',
  severity: 'info',
  doc: 'Two policies state different frequencies for the same activity; reported on both sentences, each pointing at the other.',
  appliesTo: ['policy'],
  crossFile: true,
  createIndex: () => new PracticeIndex(),
  run(file, project, report) {
    const pol = file.policy;
    const index = project.checkIndex(policyFrequencyConflict);
    if (!pol || !(index instanceof PracticeIndex)) return;
    const mine = statementsOf(pol);
    const others = index.sharing(pol).sort((a, b) => a.file.localeCompare(b.file)); // sharing() leaves this policy out
    for (const a of mine) {
      for (const other of others) {
        for (const b of statementsOf(other)) {
          if (!conflicting(a, b)) continue;
          report({
            range: a.range,
            message: `This sentence says "${a.statement.phrase}" (${a.statement.frequency}), but policy ${other.id} says "${b.statement.phrase}" (${b.statement.frequency}) for the same activity (${other.file}:${b.range.start.line + 1}). Agree on one frequency, or make clear they are different activities.`,
            related: [{ file: other.file, range: b.range, message: `${other.id}: "${b.statement.phrase}" (${b.statement.frequency})` }],
            data: { policy: other.id, otherFile: other.file, policyFrequency: a.statement.frequency, otherFrequency: b.statement.frequency },
          });
        }
      }
    }
  },
};
