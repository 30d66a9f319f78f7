import type { Check } from './types';

export const policyChangedSinceApproval: Check = {
  code: 'policy-changed-since-approval',
  severity: 'warning',
  doc: "In a git repository: a policy's body was committed after its `approved_on` date (front-matter-only changes do not count).",
  appliesTo: ['policy'],
  run(file, project, report) {
    const p = file.policy;
    if (!p?.approvedOn) return;
    const change = project.approvalChange(p);
    if (!change?.changed) return;
    const commit = change.commit ? `commit ${change.commit.slice(0, 12)}` : 'a later commit';
    report({
      range: p.approvedOn.range,
      message: `The text of policy ${p.id} changed after its approval on ${p.approvedOn.value} (${commit}${change.date ? ` on ${change.date}` : ''}); to an auditor it is unapproved until ${p.approver ? p.approver.value : 'its approver'} approves the current text and \`approved_on\` is updated.`,
      data: { commit: change.commit, date: change.date },
    });
  },
};
