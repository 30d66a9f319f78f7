import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Located } from './model';
import { DEFAULT_PEOPLE_CONFIG, type PeopleConfig, type TrainingRequirement } from './people-model';
import { findPair, locatedScalar, locatedString, type YamlSource } from './yaml-source';

/** `key: { within_days: N }` as a located whole number of days (the schema check reports anything else). */
export function withinDays(src: YamlSource, map: YAMLMap, key: string): Located<number> | undefined {
  const inner = findPair(map, key)?.value as Node | null;
  if (!isMap(inner)) return undefined;
  const v = locatedScalar(src, inner, 'within_days');
  const n = typeof v?.value === 'number' ? v.value : Number(v?.value);
  return v && Number.isInteger(n) && n >= 0 ? { value: n, range: v.range } : undefined;
}

/** The people settings of soc2.yaml: `paths.people`, `paths.acknowledgements`, `paths.training`, `acknowledge`, `training`. */
export function readPeopleConfig(src: YamlSource, root: YAMLMap): PeopleConfig {
  const config: PeopleConfig = { ...DEFAULT_PEOPLE_CONFIG, courses: [] };
  const paths = findPair(root, 'paths')?.value as Node | null;
  if (isMap(paths)) {
    const path = (key: 'people' | 'acknowledgements' | 'training') => locatedString(src, paths, key)?.value?.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    config.roster = path('people') || config.roster;
    config.acknowledgements = path('acknowledgements') || config.acknowledgements;
    config.training = path('training') || config.training;
  }
  config.acknowledgeWithinDays = withinDays(src, root, 'acknowledge')?.value;
  const training = findPair(root, 'training');
  if (training && isSeq(training.value)) {
    config.trainingKey = src.nodeRange(training.key as Node);
    for (const item of training.value.items) {
      if (!isMap(item)) continue;
      const course = locatedString(src, item, 'course');
      if (!course || !course.value.trim()) continue;
      const cycle = locatedScalar(src, item, 'cycle')?.value;
      const within = Number(locatedScalar(src, item, 'within_days_of_start')?.value ?? 30);
      config.courses.push({ course, cycle, withinDaysOfStart: Number.isInteger(within) && within >= 0 ? within : 30, range: src.nodeRange(item) } satisfies TrainingRequirement);
    }
  }
  return config;
}
