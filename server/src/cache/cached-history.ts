import type { ApprovalQuery, BodyChange, GitHistory } from '../engine/git-history';

/** `file\0approved_on` → what git answered; null stands for "no answer" (JSON has no undefined). */
export type HistoryAnswers = Record<string, BodyChange | null>;

/**
 * Remembers what git said about each policy's body since its approval date. The answer depends only on the
 * committed history, so it holds for as long as HEAD names the same commit: the cache keeps the answers
 * under HEAD's id and a warm run starts no `git log` for a policy it already asked about.
 */
export class CachedHistory implements GitHistory {
  /** How many questions went to git itself, for tests. */
  asked = 0;

  constructor(private readonly inner: GitHistory, readonly answers: HistoryAnswers) {}

  bodyChangedSince(file: string, isoDate: string): BodyChange | undefined {
    const key = `${file}\0${isoDate}`;
    if (key in this.answers) return this.answers[key] ?? undefined;
    this.asked++;
    const answer = this.inner.bodyChangedSince(file, isoDate);
    this.answers[key] = answer ?? null;
    return answer;
  }

  /** The batch form: only the questions not answered yet go to git, in one call when git can batch them. */
  bodiesChangedSince(queries: readonly ApprovalQuery[]): (BodyChange | undefined)[] {
    const keyOf = (q: ApprovalQuery) => `${q.file}\0${q.date}`;
    const missing = queries.filter((q) => !(keyOf(q) in this.answers));
    if (missing.length && this.inner.bodiesChangedSince) {
      this.asked += missing.length;
      const got = this.inner.bodiesChangedSince(missing);
      missing.forEach((q, i) => { this.answers[keyOf(q)] = got[i] ?? null; });
    }
    return queries.map((q) => this.bodyChangedSince(q.file, q.date));
  }
}
