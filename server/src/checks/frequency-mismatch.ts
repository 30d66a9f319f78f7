import { FREQUENCY_BY_ID } from '../catalog/vocabulary';
import type { Check } from './types';

export const frequencyMismatch: Check = {
  code: 'frequency-mismatch',
  severity: 'warning',
  doc: "A policy sentence names a control and a frequency that differs from that control's `frequency`.",
  appliesTo: ['policy'],
  crossFile: true,
  run(file, project, report) {
    const pol = file.policy;
    if (!pol) return;
    for (const m of pol.mentions) {
      const sentence = pol.sentences[m.sentence];
      const stated = [...new Set(sentence.frequencies.map((f) => f.frequency))];
      // Two different frequencies in one sentence are ambiguous: which applies to which control is unclear.
      if (stated.length !== 1) continue;
      const phrase = sentence.frequencies[0];
      for (const control of project.controls(m.id)) {
        const actual = control.frequency;
        if (!actual || !FREQUENCY_BY_ID.has(actual.value) || actual.value === stated[0]) continue;
        report({
          range: sentence.range,
          message: `This sentence says ${control.id} happens "${phrase.phrase}"${phrase.phrase.toLowerCase() === stated[0] ? '' : ` (${stated[0]})`}, but control ${control.id} has frequency: ${actual.value}. Align the policy with practice, or the control with the policy.`,
          related: [{ file: control.file, range: actual.range, message: `${control.id} frequency: ${actual.value}` }],
          data: { control: control.id, policyFrequency: stated[0], controlFrequency: actual.value, phraseRange: phrase.range, controlFile: control.file, controlFrequencyRange: actual.range },
        });
      }
    }
  },
};
