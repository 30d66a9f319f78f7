import { problemCheck } from './problem-check';

export const schema = problemCheck('schema', 'error', 'A field has the wrong type, an unknown value, a bad date, or the id is missing (validated against schemas/).', ['controls', 'policy', 'risks', 'config', 'framework']);
