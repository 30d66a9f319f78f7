import { problemCheck } from './problem-check';

export const frontmatterSyntax = problemCheck('frontmatter-syntax', 'error', "The YAML front matter of a policy or the system description does not parse or is never closed.", ['policy', 'description']);
