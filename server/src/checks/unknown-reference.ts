import { prefixOf } from '../engine/ids';
import type { Check } from './types';

export const unknownReference: Check = {
  code: 'unknown-reference',
  severity: 'error',
  doc: 'A policy names a control, or a control a policy, that does not exist.',
  appliesTo: ['controls', 'policy'],
  crossFile: true,
  run(file, project, report) {
    for (const c of file.controls) {
      for (const p of c.policies) {
        if (!project.policies(p.value).length) report({ range: p.range, message: `Control ${c.id} names policy ${p.value}, which does not exist.`, data: { kind: 'policy', id: p.value } });
      }
    }
    const pol = file.policy;
    if (!pol) return;
    for (const c of pol.controls) {
      if (!project.controls(c.value).length) report({ range: c.range, message: `Policy ${pol.id} lists control ${c.value}, which does not exist.`, data: { kind: 'control', id: c.value, policy: pol.id } });
    }
    for (const m of pol.mentions) {
      // Only words that look like one of this repo's ids (same prefix) are references; SHA-256 is not.
      if (!project.controls(m.id).length && (m.viaLink || project.hasControlPrefix(prefixOf(m.id)))) {
        report({ range: m.range, message: `Policy ${pol.id} mentions control ${m.id}, which does not exist.`, data: { kind: 'control', id: m.id, policy: pol.id } });
      }
    }
  },
};
