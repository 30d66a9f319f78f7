import { problemCheck } from './problem-check';

export const frontmatterSyntax = problemCheck('frontmatter-syntax', 'error', "A policy's YAML front matter does not parse or is never closed.", ['policy']);
