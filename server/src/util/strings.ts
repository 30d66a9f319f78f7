/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

/** The candidate closest to a misspelt word, when it is close enough to be what was meant (a third of its letters, at least 2). */
export function nearestWord(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined, bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(c, word);
    if (d < bestScore) { best = c; bestScore = d; }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** The word with its indefinite article, by its first letter: `an annual`, `a quarterly`. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
