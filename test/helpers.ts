import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import type { Diagnostic } from '../server/src/engine/model';
import { CHECKS } from '../server/src/checks';

export const TODAY = '2026-07-15';

/** A small, clean type 2 repo (security + availability); tests override or add files. */
export function baseRepo(): Record<string, string> {
  return {
    'soc2.yaml': [
      'organization: Test Co',
      'report:',
      '  type: 2',
      '  period: { start: 2026-01-01, end: 2026-06-30 }',
      'scope:',
      '  categories: [security]',
      '',
    ].join('\n'),
    'policies/access.md': [
      '---',
      'id: POL-AC',
      'title: Access Control Policy',
      'owner: alice@example.com',
      'last_reviewed: 2026-03-01',
      'criteria: [CC6.1]',
      'controls: [AC-01]',
      '---',
      '',
      '# Access Control Policy',
      '## Policy statements',
      'Access is reviewed quarterly by each system owner (AC-01).',
      '',
      // The other sections every policy is expected to have (policy-missing-section), after the lines tests address.
      '## Purpose', '', 'Only the people a job requires can use our systems.', '',
      '## Scope', '', 'All staff and every production system.', '',
      '## Roles and responsibilities', '', 'System owners approve and review access to their systems.', '',
      '## Exceptions', '', 'The security lead approves exceptions in writing, with an end date.', '',
      '## Enforcement', '', 'Breaches of this policy lead to disciplinary action.', '',
      '## Review and approval', '', 'The CEO approves this policy.', '',
    ].join('\n'),
    'controls/access.yaml': [
      'controls:',
      '  - id: AC-01',
      '    title: Quarterly access review',
      '    owner: bob@example.com',
      '    frequency: quarterly',
      '    status: implemented',
      '    criteria: [CC6.1]',
      '    policies: [POL-AC]',
      '    last_reviewed: 2026-03-01',
      '    evidence:',
      '      - name: Sign-off',
      '        path: access',
      '',
    ].join('\n'),
    'evidence/access/2026-03-30-review.md': 'signed',
    'evidence/access/2026-06-29-review.md': 'signed',
  };
}

export async function diagnose(files: Record<string, string | Uint8Array>, today = TODAY): Promise<Diagnostic[]> {
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today });
  return project.allDiagnostics();
}

/** Diagnostics of one code, as `file:line:col` (1-based) plus message, for compact exact assertions. */
export async function findings(files: Record<string, string | Uint8Array>, code: string, today = TODAY): Promise<{ at: string; message: string; severity: string }[]> {
  return (await diagnose(files, today)).filter((d) => d.code === code).map((d) => ({
    at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message, severity: d.severity,
  }));
}

/** Codes of every diagnostic except unmapped-criterion (a one-control repo leaves most criteria unmapped). */
export async function codes(files: Record<string, string | Uint8Array>, today = TODAY): Promise<string[]> {
  return (await diagnose(files, today)).filter((d) => d.code !== 'unmapped-criterion').map((d) => d.code);
}

export function edit(files: Record<string, string>, path: string, from: string, to: string): Record<string, string> {
  const text = files[path];
  if (!text.includes(from)) throw new Error(`fixture ${path} has no ${JSON.stringify(from)}`);
  return { ...files, [path]: text.replace(from, to) };
}
