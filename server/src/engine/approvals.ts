import type { Policy } from './model';
import type { ApprovalQuery, BodyChange, GitHistory } from './git-history';
import { parseIsoDate } from './dates';

/**
 * What git says of each policy's body since its `approved_on`: asked once per file and date, never per check run,
 * and for all policies at once. Indexing only records the questions; the first check run that needs an answer
 * (or an earlier `prefetch`, which the language server awaits off its main thread) asks git for every pending one.
 */
export class Approvals {
  private readonly answers = new Map<string, BodyChange | undefined>();
  private readonly pending = new Map<string, ApprovalQuery>();
  constructor(public git?: GitHistory) {}

  /** Swaps the history: every answer is forgotten. */
  reset(git: GitHistory | undefined): void {
    this.git = git;
    this.answers.clear();
    this.pending.clear();
  }

  record(pol: Policy): void {
    const date = pol.approvedOn?.value;
    if (!this.git || !date || !parseIsoDate(date)) return;
    const key = keyOf(pol.file, date);
    if (!this.answers.has(key)) this.pending.set(key, { file: pol.file, date });
  }

  get(pol: Policy): BodyChange | undefined {
    const date = pol.approvedOn?.value;
    if (!date) return undefined;
    if (this.pending.size) this.askNow();
    return this.answers.get(keyOf(pol.file, date));
  }

  /** Asks git for every pending question without blocking, when the history can; later `get`s read the answers. */
  async prefetch(): Promise<void> {
    const git = this.git;
    if (!git?.bodiesChangedSinceAsync || !this.pending.size) return;
    const queries = [...this.pending.values()];
    let answers: (BodyChange | undefined)[];
    try { answers = await git.bodiesChangedSinceAsync(queries); } catch { answers = []; }
    if (git !== this.git) return; // the history moved while git was answering: those answers are stale
    this.store(queries, answers);
  }

  private askNow(): void {
    const git = this.git;
    const queries = [...this.pending.values()];
    let answers: (BodyChange | undefined)[] = [];
    try {
      answers = git?.bodiesChangedSince ? git.bodiesChangedSince(queries) : queries.map((q) => oneAnswer(git, q));
    } catch { answers = []; }
    this.store(queries, answers);
  }

  private store(queries: readonly ApprovalQuery[], answers: readonly (BodyChange | undefined)[]): void {
    queries.forEach((q, i) => {
      const key = keyOf(q.file, q.date);
      this.answers.set(key, answers[i]);
      this.pending.delete(key);
    });
  }
}

function oneAnswer(git: GitHistory | undefined, q: ApprovalQuery): BodyChange | undefined {
  try { return git?.bodyChangedSince(q.file, q.date); } catch { return undefined; }
}

function keyOf(file: string, date: string): string { return `${file}\0${date}`; }
