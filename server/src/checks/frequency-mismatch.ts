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
  const where = d.row ? 'This table row' : 'This sentence';
  const [lead, subject, text] = d.via === 'id' ? [`${where} says ${control.id} happens ${said}`, `control ${control.id}`, 'policy']
    : d.via === 'terms' ? [`${where} says ${said}`, `control ${control.id}${control.title ? ` (${control.title})` : ''}, the linked control it is about,`, 'policy']
      : [`The description of ${control.id} says ${said}`, control.id, 'description'];
  // The wording of a less frequent practice found through an id is the message the README and editors have quoted.
  const message = d.verdict === 'more-frequent'
    ? `${lead}, but ${subject} runs more often (frequency: ${actual}). If the practice is the rule, say so; if the wording is a minimum, write "at least".`
    : `${lead}, but ${subject} has frequency: ${actual}${d.verdict === 'less-frequent' && d.via !== 'id' ? ', less often than promised' : ''}. Align the ${text} with practice, or the control with the ${text}.`;
  return {
    range: d.range,
    message,
    severity: d.verdict === 'more-frequent' ? 'info' : 'warning',
    related: [{ file: control.file, range: control.frequency!.range, message: `${control.id} frequency: ${actual}` }],
    data: {
      control: control.id, policyFrequency: stated, controlFrequency: actual, phraseRange: d.phraseRange,
      controlFile: control.file, controlFrequencyRange: control.frequency!.range, via: d.via,
    },
  };
}
