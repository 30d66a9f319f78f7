import type { Check } from './types';

export const oneSidedLink: Check = {
  code: 'one-sided-link',
  severity: 'info',
  doc: 'A control lists a policy that neither lists nor mentions it, or a policy lists a control that does not list it back.',
  appliesTo: ['controls', 'policy'],
  crossFile: true,
  run(file, project, report) {
    for (const c of file.controls) {
      for (const p of c.policies) {
        const policies = project.policies(p.value);
        if (!policies.length) continue; // unknown-reference says it
        const linked = policies.some((pol) => pol.controls.some((x) => x.value === c.id) || pol.mentions.some((x) => x.id === c.id));
        if (!linked) report({
          range: p.range,
          message: `Control ${c.id} lists policy ${p.value}, but the policy neither lists nor mentions ${c.id}.`,
          related: policies.map((pol) => ({ file: pol.file, range: pol.controlsKey ?? pol.idRange, message: `${pol.id} front matter` })),
          data: { missing: 'policy', control: c.id, policy: p.value, policyFile: policies[0].file },
        });
      }
    }
    const pol = file.policy;
    if (!pol) return;
    for (const ref of pol.controls) {
      const controls = project.controls(ref.value);
      if (!controls.length) continue;
      if (!controls.some((c) => c.policies.some((p) => p.value === pol.id))) report({
        range: ref.range,
        message: `Policy ${pol.id} lists control ${ref.value}, but the control does not list ${pol.id} under \`policies\`.`,
        related: controls.map((c) => ({ file: c.file, range: c.policiesKey ?? c.idRange, message: `${c.id}` })),
        data: { missing: 'control', control: ref.value, policy: pol.id, controlFile: controls[0].file },
      });
    }
  },
};
