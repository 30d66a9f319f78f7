/**
 * What test/fixtures/lsp is built to produce, shared by the language server tests: the diagnostics its
 * files publish before any edit, and helpers that compare diagnostics by code and position.
 */
import type { Diagnostic } from 'vscode-languageserver-protocol/node';

export const TODAY = '2026-07-15';

/** Copied with `\r\n` line endings, so edits are seen to keep a file's own line breaks. */
export const CRLF = ['controls/continuity.yaml', 'policies/continuity.md'];

/** Every diagnostic: the fixture's expectations name every code, so a new or changed check on it shows up here. */
export const core = (ds: Diagnostic[]): Diagnostic[] => ds;

/** `code@line:column` (1-based) of each diagnostic, sorted. */
export const brief = (ds: Diagnostic[]): string[] => core(ds).map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`).sort();

/** What the lsp root publishes before any edit, file by file (soc2.yaml aside). */
export const INITIAL: Record<string, string[]> = {
  'controls/access.yaml': ['one-sided-link@25:9', 'stale-review@26:20', 'unknown-criterion@36:23'],
  'controls/continuity.yaml': ['missing-review-date@1:5'],
  // policy-missing-section: one finding per expected section the policy lacks, all on its title.
  'policies/access.md': ['one-sided-link@10:33', 'policy-missing-section@13:1', 'policy-missing-section@13:1', 'policy-missing-section@13:1', 'policy-missing-section@13:1', 'unknown-reference@28:96'],
  'policies/continuity.md': ['frequency-mismatch@12:1', 'policy-missing-section@10:1', 'policy-missing-section@10:1', 'policy-missing-section@10:1', 'policy-missing-section@10:1', 'policy-missing-section@10:1', 'policy-missing-section@10:1', 'policy-missing-section@10:1'],
  'policies/security.md': ['one-sided-link@11:5', 'policy-missing-section@14:1', 'policy-missing-section@14:1', 'policy-missing-section@14:1', 'policy-missing-section@14:1', 'policy-missing-section@14:1', 'policy-missing-section@14:1', 'policy-missing-section@14:1', 'unknown-reference@10:5'],
  'risks/register.yaml': ['risk-unknown-control@22:9'],
};

/** In-scope criteria no implemented or partial control maps: soc2.yaml's `unmapped-criterion` findings, in order. */
export const UNMAPPED = ['CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5', 'CC2.1', 'CC2.2', 'CC2.3', 'CC3.1', 'CC3.2', 'CC3.3', 'CC3.4', 'CC4.1', 'CC4.2',
  'CC5.1', 'CC5.2', 'CC5.3', 'CC6.5', 'CC6.6', 'CC6.7', 'CC6.8', 'CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5', 'CC8.1', 'CC9.1', 'CC9.2',
  'A1.1', 'A1.2', 'A1.3'];
