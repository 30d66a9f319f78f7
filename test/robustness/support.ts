/**
 * Shared by the robustness tests: run the engine on files and time it, wrap a workspace so reads fail
 * the way disks do, and the hostile inputs several tests feed to the engine, the CLI and the server.
 */
import { loadProject } from '../../server/src/engine/load';
import { Project } from '../../server/src/engine/project';
import { MemoryWorkspace, type FileStat, type ListResult, type Workspace } from '../../server/src/engine/workspace';
import type { Diagnostic } from '../../server/src/engine/model';
import type { PolicyParseOptions } from '../../server/src/engine/parse-policy';
import { TODAY } from '../helpers';
import { CHECKS } from '../../server/src/checks';

export type Mode = NonNullable<PolicyParseOptions['markdown']>;
export const MODES: readonly Mode[] = ['fast', 'remark'];

/** Generous wall-clock bound for one pathological file (they take tens of milliseconds here). */
export const FILE_BUDGET_MS = 2000;

/** Loads a workspace (policies with the fast scanner, as the CLI does) and returns every diagnostic. */
export async function diagnoseWorkspace(ws: Workspace): Promise<{ project: Project; diagnostics: Diagnostic[] }> {
  const { project } = await loadProject(ws, { checks: CHECKS, today: TODAY });
  return { project, diagnostics: project.allDiagnostics() };
}

/**
 * Builds a project from files, parsing policies in the given mode (`remark` is what the editor uses
 * for open documents), and returns its diagnostics and how long the parse and checks took.
 */
export function diagnoseFiles(files: Record<string, string>, mode: Mode = 'fast'): { project: Project; diagnostics: Diagnostic[]; ms: number } {
  const started = performance.now();
  const project = new Project({ checks: CHECKS, today: TODAY });
  if (files['soc2.yaml'] !== undefined) project.setFile('soc2.yaml', files['soc2.yaml']);
  project.setEvidenceFiles(Object.keys(files));
  for (const [path, text] of Object.entries(files)) if (path !== 'soc2.yaml') project.setFile(path, text, 0, [], { markdown: mode });
  const diagnostics = project.allDiagnostics();
  return { project, diagnostics, ms: performance.now() - started };
}

/** `file:line:col code` (1-based), the compact form assertions compare. */
export const at = (d: Diagnostic): string => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`;

export const ofFile = (ds: Diagnostic[], file: string): Diagnostic[] => ds.filter((d) => d.file === file);

/**
 * A workspace whose reads fail for some paths, as a disk does: a file deleted between listing and
 * reading (ENOENT), a permission error (EACCES), an I/O error. Stat succeeds, as it would for a
 * file whose read permission was dropped.
 */
export class FaultyWorkspace implements Workspace {
  readonly reads: string[] = [];
  constructor(private readonly inner: Workspace, private readonly faults: Record<string, 'ENOENT' | 'EACCES' | 'EIO'>) {}
  list(): Promise<ListResult> { return this.inner.list(); }
  stat(path: string): Promise<FileStat | undefined> { return this.inner.stat(path); }
  async read(path: string): Promise<Uint8Array> {
    this.reads.push(path);
    const code = this.faults[path];
    if (code) throw Object.assign(new Error(`${code}: simulated failure reading ${path}`), { code });
    return this.inner.read(path);
  }
}

export const memory = (files: Record<string, string | Uint8Array>): MemoryWorkspace => new MemoryWorkspace(files);

// ---- hostile inputs ---------------------------------------------------------------------------

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings once expanded. */
export function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  return lines.join('\n');
}

export const DEPTH = 100_000;

/** YAML nested DEPTH levels deep, in each way YAML can nest. */
export const DEEP_YAML: Record<string, string> = {
  'flow sequences': `x: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`,
  'flow mappings': `x: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`,
  'compact block sequences': `${'- '.repeat(DEPTH)}a\n`,
  'explicit keys': `${'? '.repeat(DEPTH)}a\n`,
  'unclosed brackets': `x: ${'['.repeat(DEPTH)}\n`,
  // Shapes the fuzzer found slipping past the first version of the guard:
  'indicators after a key': `type: ${'? '.repeat(DEPTH)}a\n`,
  'a line of bare markers': `x:\n${'- '.repeat(DEPTH)}\n`,
  'behind a comment, lone CR line ends': `# note\rx: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\r`,
  'behind a stray quote': `title: 27" screen\nx: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`,
  'behind an apostrophe inside brackets': `x: [it's ${'![]'.repeat(10)}\ny: ${'!['.repeat(DEPTH)}\n`,
  'behind a comment marker in a string': `x: " #" ${'['.repeat(DEPTH)}\n`,
};

/** Markdown nested DEPTH levels deep (indentation nesting grows quadratically in size, so 2,000 levels). */
export const DEEP_MARKDOWN: Record<string, string> = {
  'block quotes': `${'>'.repeat(DEPTH)} AC-01 is reviewed quarterly.\n`,
  'list items': `${'- '.repeat(DEPTH)}AC-01 is reviewed quarterly.\n`,
  'ordered list items': `${'1. '.repeat(DEPTH)}AC-01\n`,
  'indented lists': Array.from({ length: 2000 }, (_, i) => `${' '.repeat(2 * i)}- AC-01 item ${i}`).join('\n') + '\n',
  'emphasis': `${'*a '.repeat(DEPTH)}AC-01${' b*'.repeat(DEPTH)}\n`,
  'links': `${'['.repeat(DEPTH)}AC-01${'](#x)'.repeat(DEPTH)}\n`,
  'images': `${'!['.repeat(DEPTH)}AC-01${'](x.png)'.repeat(DEPTH)}\n`,
  'html': `${'<div>'.repeat(DEPTH)}AC-01\n`,
  'code spans': `${'`'.repeat(DEPTH)}AC-01\n`,
};

export const policyWith = (body: string, frontMatter = 'id: POL-X\nowner: a@example.com'): string => `---\n${frontMatter}\n---\n\n# Deep\n\n${body}`;
