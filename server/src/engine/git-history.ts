import { findFrontMatter } from './markdown-blocks';

/** What the history of one policy says about its body since a date. */
export interface BodyChange {
  changed: boolean;
  /** The first commit after the date whose body differs from the approved one. */
  commit?: string;
  /** That commit's date (YYYY-MM-DD). */
  date?: string;
}

/**
 * The engine's only view of version control, so it stays pure: the CLI and the language server (in trusted
 * workspaces only) supply one, server/src/git/cli-git.ts. `undefined` means "no history known for this
 * file" and keeps the check quiet.
 */
export interface GitHistory {
  bodyChangedSince(file: string, isoDate: string): BodyChange | undefined;
  /**
   * The same question for many policies at once, answered in order: one `git log` for all of them instead of
   * one per policy. Optional, so a history that can only answer one file at a time still works.
   */
  bodiesChangedSince?(queries: readonly ApprovalQuery[]): (BodyChange | undefined)[];
  /** As bodiesChangedSince, without blocking the caller's thread (the language server's). */
  bodiesChangedSinceAsync?(queries: readonly ApprovalQuery[]): Promise<(BodyChange | undefined)[]>;
}

/** A policy file and the day its text was approved. */
export interface ApprovalQuery { file: string; date: string }

/** A policy's text without its front matter, line endings normalised, so metadata edits compare equal. */
export function policyBody(text: string): string {
  const t = text.replace(/^\uFEFF/, '');
  const fm = findFrontMatter(t);
  return (fm ? t.slice(fm.end) : t).replace(/\r\n?/g, '\n').replace(/\s+$/, '').replace(/^\s+/, '');
}

/** One committed version of a file, newest first in the lists below. */
export interface Version {
  commit: string; date: string; text: string;
  /** Author name and subject line, for the published revision history; absent where the source gives none. */
  author?: string; subject?: string;
}

/**
 * Decides from a file's committed versions (newest first) whether its body changed after `approvedOn`.
 * The approved body is the newest version committed on or before that day; when the file only entered
 * history later, its first committed version stands for the approved text.
 */
export function bodyChangeAfter(versions: readonly Version[], approvedOn: string): BodyChange | undefined {
  if (!versions.length) return undefined;
  const baseline = versions.find((v) => v.date <= approvedOn) ?? versions[versions.length - 1];
  const approved = policyBody(baseline.text);
  // Oldest first, so the finding names the commit where the text first left the approved wording.
  const later = versions.filter((v) => v.date > approvedOn && v !== baseline).reverse();
  for (const v of later) {
    if (policyBody(v.text) !== approved) return { changed: true, commit: v.commit, date: v.date };
  }
  return { changed: false };
}
