import { problemCheck } from './problem-check';
import { nearestWord } from '../util/strings';
import type { Check } from './types';

const fromParser = problemCheck('schema', 'error', 'A field has the wrong type, an unknown value, a bad date, or the id is missing (validated against schemas/).', ['controls', 'policy', 'risks', 'vendors', 'description', 'config', 'people', 'acknowledgements', 'training-records', 'framework']);

/**
 * What the parser found, plus, in soc2.yaml, override keys under `checks:` that name no check: a misspelt code
 * would otherwise be ignored in silence and the check it meant would keep running.
 */
export const schema: Check = {
  ...fromParser,
  run(file, project, report) {
    fromParser.run(file, project, report);
    // Only soc2.yaml has a config, and its checkKeys exist only when `checks:` names at least one key.
    const keys = file.config?.checkKeys;
    if (!keys) return;
    const codes = new Set(project.checks.map((c) => c.code));
    for (const key of keys) {
      if (codes.has(key.value)) continue;
      const near = nearestWord(key.value, codes);
      report({
        range: key.range,
        message: `\`${key.value}\` is not a check code, so this setting does nothing.${near ? ` Did you mean \`${near}\`?` : ' The codes are listed in the README.'}`,
        data: near ? { unknownField: key.value, suggestion: near } : undefined,
      });
    }
  },
};
