import type { Check, Finding } from './types';
import { descriptionDisagreements, linkedControls, policyDisagreements, type Disagreement } from '../practice/sentences';

/**
 * Policy wording against practice. The policy's promise is what the auditor tests: practice less frequent than
 * promised is a warning (exceptions will be found), more frequent an info, a floor kept ("at least annually"
 * against a quarterly control) nothing.
 */
export const frequencyMismatch: Check = {
  code: 'frequency-mismatch',
  severity: 'warning',
  doc: "A policy sentence (naming a control, or about a linked control's activity) or a control's description states a frequency its control's `frequency` contradicts.",
  appliesTo: ['policy', 'controls'],
  crossFile: true,
  run(file, project, report) {
    const pol = file.policy;
    if (pol) {
      const linked = linkedControls(pol, (id) => project.controls(id), project.controlsListing(pol.id));
      for (const d of policyDisagreements(pol, linked, (id) => project.controls(id))) report(finding(d));
      return;
    }
    for (const c of file.controls) for (const d of descriptionDisagreements(c)) report(finding(d));
  },
};

function finding(d: Disagreement): Finding {
  const { control, statement } = d;
  const actual = control.frequency!.value;
  const stated = statement.frequency;
  const said = `"${statement.phrase}"${statement.phrase.toLowerCase() === stated ? '' : ` (${stated})`}`;
  const about = d.via === 'terms' ? `control ${control.id}${control.title ? ` (${control.title})` : ''}, the linked control it is about,` : `control ${control.id}`;
  const sentence = d.row ? 'This table row' : 'This sentence';
  const lead = d.via === 'id' ? `${sentence} says ${control.id} happens ${said}`
    : d.via === 'terms' ? `${sentence} says ${said}`
      : `The description of ${control.id} says ${said}`;
  const subject = d.via === 'description' ? `${control.id}` : about;
  const message = d.verdict === 'more-frequent'
    ? `${lead}, but ${subject} runs more often (frequency: ${actual}). If the practice is the rule, say so; if the wording is a minimum, write "at least".`
    : `${lead}, but ${subject} has frequency: ${actual}${d.verdict === 'less-frequent' ? ', less often than promised' : ''}. Align the ${d.via === 'description' ? 'description' : 'policy'} with practice, or the control with the ${d.via === 'description' ? 'description' : 'policy'}.`;
  return {
    range: d.range,
    message: d.via === 'id' && d.verdict !== 'more-frequent'
      ? `${sentence} says ${control.id} happens ${said}, but control ${control.id} has frequency: ${actual}. Align the policy with practice, or the control with the policy.`
      : message,
    severity: d.verdict === 'more-frequent' ? 'info' : 'warning',
    related: [{ file: control.file, range: control.frequency!.range, message: `${control.id} frequency: ${actual}` }],
    data: {
      control: control.id, policyFrequency: stated, controlFrequency: actual, phraseRange: d.phraseRange,
      controlFile: control.file, controlFrequencyRange: control.frequency!.range, via: d.via,
    },
  };
}
