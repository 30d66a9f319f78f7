import { TSC_2017, type Criterion, type Framework } from './tsc2017';
import { editDistance } from '../util/strings';

/** Looks criteria up by id, forgiving the miswritings every public template library ships. */
export class CriteriaCatalog {
  readonly byId: ReadonlyMap<string, Criterion>;
  constructor(readonly framework: Framework = TSC_2017) {
    this.byId = new Map(framework.criteria.map((c) => [c.id, c]));
  }

  get(id: string): Criterion | undefined { return this.byId.get(id); }

  /**
   * `exact` when the id is in the catalog as written; otherwise `alias` names the criterion a common
   * miswriting stands for (`cc6.1`, `CC 6.1`, `CC6.1.`, `PP1.1`, a bare `6.1`), and `suggestions` the
   * nearest real ids.
   */
  resolve(raw: string): { exact?: Criterion; alias?: Criterion; suggestions: Criterion[] } {
    const exact = this.byId.get(raw);
    if (exact) return { exact, suggestions: [] };
    const alias = this.byId.get(normaliseCriterionId(raw));
    if (alias) return { alias, suggestions: [alias] };
    return { suggestions: this.nearest(normaliseCriterionId(raw), 3) };
  }

  nearest(id: string, count: number): Criterion[] {
    const series = id.replace(/\..*$/, '');
    return this.framework.criteria
      .map((c, i) => ({ c, i, d: editDistance(c.id, id) - (c.series === series ? 0.5 : 0) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .slice(0, count)
      .map((x) => x.c);
  }
}

/** Upper-cases, drops spaces and stray punctuation, fixes known prefix slips and zero padding. */
export function normaliseCriterionId(raw: string): string {
  let s = raw.trim().toUpperCase().replace(/[\s_]+/g, '').replace(/[.,;:]+$/, '').replace(/-/g, '.');
  s = s.replace(/^PP(?=\d)/, 'PI').replace(/^P1(?=\d\.)/, 'PI');
  if (/^\d+\.\d+$/.test(s)) s = `CC${s}`;
  s = s.replace(/^([A-Z]+)0*(\d+)\.0*(\d+)$/, '$1$2.$3');
  return s;
}
