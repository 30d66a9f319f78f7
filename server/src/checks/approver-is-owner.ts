import type { Check } from './types';

export const approverIsOwner: Check = {
  code: 'approver-is-owner',
  severity: 'warning',
  doc: "A policy's approver is also its owner, so nobody independent approved it.",
  appliesTo: ['policy'],
  run(file, _project, report) {
    const p = file.policy;
    if (!p?.approver || !p.owner) return;
    // Case and spacing differences do not make a second person.
    if (norm(p.approver.value) !== norm(p.owner.value)) return;
    report({
      range: p.approver.range,
      message: `Policy ${p.id} is approved by its own owner (${p.owner.value}); approval should come from someone else, so that writing and approving a policy are separate duties.`,
      related: [{ file: p.file, range: p.owner.range, message: 'The owner' }],
    });
  },
};

function norm(s: string): string { return s.trim().replace(/\s+/g, ' ').toLowerCase(); }
