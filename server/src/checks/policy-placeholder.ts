import { PLACEHOLDERS, STUB_WORDS } from '../catalog/placeholders';
import type { Sentence } from '../engine/model';
import { positionAfter, type Position } from '../engine/text';
import { titleAnchor } from './policy-missing-section';
import type { Check } from './types';

const PLACEHOLDER_RE = new RegExp(PLACEHOLDERS.map((p) => `(${p.pattern})`).join('|'), 'gi');

function positionIn(sentence: Sentence, offset: number): Position {
  return positionAfter(sentence.text, sentence.range.start, offset);
}

export const policyPlaceholder: Check = {
  code: 'policy-placeholder',
  severity: 'warning',
  doc: 'A policy still holds template text (`[Company Name]`, `{{company}}`, TBD, TODO, lorem ipsum), or is a stub that nothing stands behind.',
  appliesTo: ['policy'],
  run(file, _project, report) {
    const policy = file.policy;
    if (!policy) return;
    for (const sentence of policy.sentences) {
      PLACEHOLDER_RE.lastIndex = 0;
      for (let m = PLACEHOLDER_RE.exec(sentence.text); m; m = PLACEHOLDER_RE.exec(sentence.text)) {
        const written = m[0];
        // Each pattern is one group and exactly one matched: its index is the kind of placeholder.
        const kind = PLACEHOLDERS[m.slice(1).findIndex((g) => g !== undefined)];
        if (kind.upper && written !== written.toUpperCase()) continue;
        report({
          range: { start: positionIn(sentence, m.index), end: positionIn(sentence, m.index + written.length) },
          message: `"${written.replace(/\s+/g, ' ')}" is unfilled template text (${kind.label}): write what is true of your organization, or remove it.`,
          data: { placeholder: written },
        });
      }
    }
    // A stub: its criteria count toward readiness though nothing stands behind them. ("Coming soon." and the like
    // are stubs by their word count alone.)
    const headingLines = new Set(policy.sections.map((s) => s.range.start.line));
    const body = policy.sentences.filter((s) => !headingLines.has(s.range.start.line)).map((s) => s.text).join(' ');
    // Split at every space: the empty pieces a run of spaces leaves have no letter and are not counted.
    const words = body.split(/\s/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (words < STUB_WORDS) {
      const criteria = policy.criteria.map((c) => c.value);
      const claims = criteria.length ? ` yet maps ${criteria.join(', ')}: those criteria count toward readiness with nothing behind them` : '';
      report({
        range: titleAnchor(policy),
        message: `Policy ${policy.id} is a stub (${words} word${words === 1 ? '' : 's'} of text)${claims}. Write the policy, or remove its criteria until it exists.`,
        data: { words, criteria },
      });
    }
  },
};
