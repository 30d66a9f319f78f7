import type { Policy } from './model';
import type { BodyChange, GitHistory } from './git-history';
import { parseIsoDate } from './dates';

/** What git says of each policy's body since its `approved_on`: asked once per file and date, never per check run. */
export class Approvals {
  private readonly answers = new Map<string, BodyChange | undefined>();
  constructor(public git?: GitHistory) {}

  /** Swaps the history: every answer is forgotten. */
  reset(git: GitHistory | undefined): void {
    this.git = git;
    this.answers.clear();
  }

  record(pol: Policy): void {
    const date = pol.approvedOn?.value;
    if (!this.git || !date || !parseIsoDate(date)) return;
    const key = keyOf(pol.file, date);
    if (this.answers.has(key)) return;
    let answer: BodyChange | undefined;
    try { answer = this.git.bodyChangedSince(pol.file, date); } catch { answer = undefined; }
    this.answers.set(key, answer);
  }

  get(pol: Policy): BodyChange | undefined {
    const date = pol.approvedOn?.value;
    return date ? this.answers.get(keyOf(pol.file, date)) : undefined;
  }
}

function keyOf(file: string, date: string): string { return `${file}\0${date}`; }
