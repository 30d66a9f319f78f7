import type { Control } from '../engine/model';
import { priorWeight, terms } from './stem';

/**
 * Which linked control a policy sentence is about, by the activity they share. A control's terms come from its
 * title, and at half weight from its description. Each term is weighted by a prior (generic words such as
 * "security" or "process" count for little) times its inverse document frequency over the policy's linked
 * controls: a word every linked control has does not tell them apart. The IDF is taken over the linked
 * controls, not the whole repo, so an edit to a control changes only the policies linked to it.
 */

/** A sentence matches a control when it covers at least this share of the control's weighted title terms. */
export const MATCH_THRESHOLD = 0.5;
/** A runner-up within this share of the best score is a tie. */
export const TIE_RATIO = 0.8;
/**
 * Of the sentence's words that name some linked control (title words in full, description words at
 * DESCRIPTION_WEIGHT), the share the matched control must hold, strictly: a sentence as much about another
 * linked control is about neither.
 */
export const OWN_SHARE = 0.5;
/** Description words count for this share of title words. */
export const DESCRIPTION_WEIGHT = 0.5;

interface Profile { title: ReadonlySet<string>; description: ReadonlySet<string> }
const profiles = new WeakMap<Control, Profile>();

/** A control's activity terms, computed once per parsed control (a re-parse makes a new object). */
export function profileOf(c: Control): Profile {
  let p = profiles.get(c);
  if (!p) {
    const title = new Set(terms(c.title ?? ''));
    const description = new Set(terms(c.description ?? '').filter((t) => !title.has(t)));
    p = { title, description };
    profiles.set(c, p);
  }
  return p;
}

export interface Candidate {
  control: Control; score: number; shared: string[];
  /** Whether the control holds more than OWN_SHARE of the sentence's words that name some linked control. */
  own: boolean;
}

/** The weighting of one policy's linked controls. */
export class LinkedControls {
  readonly controls: readonly Control[];
  private readonly df = new Map<string, number>();

  /** Every word of a linked control's title, and of a description. */
  private readonly titleWords = new Set<string>();
  private readonly descriptionWords = new Set<string>();

  constructor(controls: readonly Control[]) {
    this.controls = controls;
    for (const c of controls) {
      const p = profileOf(c);
      for (const t of p.title) this.titleWords.add(t);
      for (const t of p.description) this.descriptionWords.add(t);
      for (const t of new Set([...p.title, ...p.description])) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
  }

  weight(term: string): number {
    const n = this.controls.length;
    return priorWeight(term) * (1 + Math.log(n / (this.df.get(term) ?? n)));
  }

  /**
   * Every control the sentence's terms reach, best first. The score is the share of the control's weighted title
   * terms the sentence has, plus DESCRIPTION_WEIGHT times the share of the sentence's weighted terms found only in
   * the description: both are shares, so a long description (a whole procedure) cannot outweigh the title.
   */
  rank(sentenceTerms: readonly string[]): Candidate[] {
    const words = new Set(sentenceTerms);
    let sentenceMass = 0, namingMass = 0;
    for (const t of words) {
      sentenceMass += this.weight(t);
      namingMass += this.weight(t) * (this.titleWords.has(t) ? 1 : this.descriptionWords.has(t) ? DESCRIPTION_WEIGHT : 0);
    }
    const out: Candidate[] = [];
    for (const control of this.controls) {
      const p = profileOf(control);
      let mass = 0, got = 0, strong = false, fromDescription = 0, strongInDescription = 0;
      const shared: string[] = [];
      for (const t of p.title) {
        const w = this.weight(t);
        mass += w;
        if (words.has(t)) { got += w; shared.push(t); if (priorWeight(t) === 1) strong = true; }
      }
      for (const t of p.description) {
        if (!words.has(t)) continue;
        fromDescription += this.weight(t);
        shared.push(t);
        if (priorWeight(t) === 1) strongInDescription++;
      }
      // A sentence must share a distinctive word of the title, or two of the description.
      if (!strong && strongInDescription < 2) continue;
      // Of the sentence's words that name some linked control, this one must have more than half: "vendors are
      // assessed" is as much about "Vendor risk monitoring" as about "Risk assessment", so about neither.
      let mine = 0;
      for (const t of p.title) if (words.has(t)) mine += this.weight(t);
      for (const t of p.description) if (words.has(t)) mine += DESCRIPTION_WEIGHT * this.weight(t);
      const own = namingMass === 0 || mine / namingMass > OWN_SHARE;
      const score = (mass ? got / mass : 0) + (sentenceMass ? DESCRIPTION_WEIGHT * fromDescription / sentenceMass : 0);
      out.push({ control, score, shared, own });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
