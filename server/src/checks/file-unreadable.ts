import { problemCheck } from './problem-check';

export const fileUnreadable = problemCheck('file-unreadable', 'error', 'A file could not be read: binary content, permissions, or it vanished.', ['controls', 'policy', 'risks', 'vendors', 'description', 'config', 'people', 'acknowledgements', 'training-records']);
