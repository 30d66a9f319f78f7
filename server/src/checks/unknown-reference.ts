import { prefixOf } from '../engine/ids';
import type { Check } from './types';

export const unknownReference: Check = {
  code: 'unknown-reference',
  severity: 'error',
  doc: 'A policy names a control, a control a policy or vendor, a vendor a control, or an exclusion a vendor, that does not exist.',
  appliesTo: ['controls', 'policy', 'vendors', 'config'],
  crossFile: true,
  run(file, project, report) {
    for (const c of file.controls) {
      for (const p of c.policies) {
        if (!project.policies(p.value).length) report({ range: p.range, message: `Control ${c.id} names policy ${p.value}, which does not exist.`, data: { kind: 'policy', id: p.value } });
      }
    }
    for (const c of file.controls) {
      for (const v of c.vendors ?? []) {
        if (!project.register.vendors(v.value).length) report({ range: v.range, message: `Control ${c.id} names vendor ${v.value}, which is not in the vendor register.`, data: { kind: 'vendor', id: v.value } });
      }
    }
    for (const v of file.vendors ?? []) {
      for (const c of v.monitoredBy) {
        if (!project.controls(c.value).length) report({ range: c.range, message: `Vendor ${v.id} is monitored by control ${c.value}, which does not exist.`, data: { kind: 'control', id: c.value } });
      }
    }
    for (const e of file.config?.exclusions ?? []) {
      if (e.vendor && !project.register.vendors(e.vendor.value).length) report({ range: e.vendor.range, message: `The exclusion of ${e.criterion.value} names vendor ${e.vendor.value}, which is not in the vendor register.`, data: { kind: 'vendor', id: e.vendor.value } });
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
