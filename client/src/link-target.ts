/**
 * Validation of "open this file at this line" requests. They come from the webview (whose content
 * is derived from repository text, so treated as hostile) and from server data. Pure: no vscode import.
 */

export interface OpenTarget {
  /** URI of the compliance root, exactly as the server sent it. */
  root: string;
  /** Path relative to the root, `/`-separated. */
  file: string;
  /** 1-based line. */
  line: number;
}

const MAX_PATH = 1024;
const MAX_LINE = 10_000_000;

/**
 * True for a plain relative path that cannot leave its root: no absolute path, drive letter, URI
 * scheme, backslash, control character, empty, `.` or `..` segment.
 */
export function isSafeRelativePath(p: unknown): p is string {
  if (typeof p !== 'string' || !p.length || p.length > MAX_PATH) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:]/.test(p)) return false;
  if (p.startsWith('/')) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** A 1-based line number, or undefined when the value is not a sane one. */
export function safeLine(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_LINE ? v : undefined;
}

/**
 * Parses a webview message into an open request, or undefined. The root must be one the extension
 * itself received from the server; the file a safe relative path; a bad or missing line becomes 1.
 */
export function parseOpenMessage(msg: unknown, knownRoots: ReadonlySet<string>): OpenTarget | undefined {
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) return undefined;
  const m = msg as Record<string, unknown>;
  if (m.type !== 'open') return undefined;
  if (typeof m.root !== 'string' || !knownRoots.has(m.root)) return undefined;
  if (!isSafeRelativePath(m.file)) return undefined;
  return { root: m.root, file: m.file, line: safeLine(m.line) ?? 1 };
}

/**
 * True when `child` (a resolved URI path) lies strictly inside `root` (a URI path). A second check
 * after resolving, in case the platform's join normalised something the first check let through.
 */
export function isInside(rootPath: string, childPath: string): boolean {
  const base = rootPath.endsWith('/') ? rootPath : rootPath + '/';
  return childPath.startsWith(base) && childPath.length > base.length;
}
