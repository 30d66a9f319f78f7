import { problemCheck } from './problem-check';

export const encoding = problemCheck('encoding', 'warning', 'A file is not valid UTF-8; unreadable bytes were replaced before checking.', ['controls', 'policy', 'risks', 'vendors', 'description', 'config', 'people', 'acknowledgements', 'training-records']);
