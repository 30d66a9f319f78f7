import { problemCheck } from './problem-check';

export const fileTooLarge = problemCheck('file-too-large', 'warning', 'A file is over `limits.max_file_bytes` and was skipped.', ['controls', 'policy', 'risks', 'vendors', 'description', 'config', 'people', 'acknowledgements', 'training-records']);
