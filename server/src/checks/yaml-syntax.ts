import { problemCheck } from './problem-check';

export const yamlSyntax = problemCheck('yaml-syntax', 'error', 'A controls file, risk or vendor register file, or soc2.yaml is not valid YAML.', ['controls', 'risks', 'vendors', 'config', 'people']);
