import { problemCheck } from './problem-check';

export const yamlSyntax = problemCheck('yaml-syntax', 'error', 'A controls file, risk, vendor or framework file, the people roster, or soc2.yaml is not valid YAML.', ['controls', 'risks', 'vendors', 'config', 'people', 'framework']);
