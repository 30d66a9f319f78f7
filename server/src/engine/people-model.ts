import type { Located } from './model';
import type { Range } from './text';

/** One person of the roster (`people.yaml`): who may own, approve, acknowledge and train. */
export interface Person {
  kind: 'person';
  id: string;
  idRange: Range;
  /** The whole mapping of this person. */
  range: Range;
  /** Set when a syntax error falls inside or before this entry: it was not read whole (see item-file.ts). */
  incomplete?: true;
  file: string;
  name?: string;
  email?: string;
  role?: string;
  team?: string;
  start?: Located<string>;
  /** The last day they worked here; after it they are gone. */
  end?: Located<string>;
}

/** One line of an acknowledgement export: `person,policy,version,date`. */
export interface Acknowledgement { person: string; policy: string; version: string; date: string; file: string; line: number }

/** One line of a training export: `person,course,date`. */
export interface TrainingCompletion { person: string; course: string; date: string; file: string; line: number }

/** A course everyone must take: within so many days of starting, then again every `cycle`. */
export interface TrainingRequirement { course: Located<string>; cycle?: string | number; withinDaysOfStart: number; range: Range }

/** What soc2.yaml says about people: where the roster and the records are, and the obligations. */
export interface PeopleConfig {
  /** The roster file, relative to soc2.yaml. */
  roster: string;
  /** Folders of CSV exports. */
  acknowledgements: string;
  training: string;
  /** Default for policies without `acknowledge` in front matter; undefined means no acknowledgement needed. */
  acknowledgeWithinDays?: number;
  courses: TrainingRequirement[];
  /** The `training` key, where course-level findings land. */
  trainingKey?: Range;
}

export const DEFAULT_PEOPLE_CONFIG: PeopleConfig = { roster: 'people.yaml', acknowledgements: 'acknowledgements', training: 'training', courses: [] };
