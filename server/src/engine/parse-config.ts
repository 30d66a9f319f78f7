import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import picomatch from 'picomatch';
import type { Config, Exclusion, Located, ParseProblem, Severity } from './model';
import { LineIndex } from './text';
import { parseIsoDate } from './dates';
import { findPair, locatedList, locatedString, YamlSource } from './yaml-source';
import { validateDocument } from './schema';
import { readPeopleConfig } from './people-config';
import { DEFAULT_PEOPLE_CONFIG } from './people-model';

export const CONFIG_FILE = 'soc2.yaml';

export const DEFAULT_PATHS: Config['paths'] = {
  policies: ['policies/**/*.md'],
  controls: ['controls/**/*.yaml', 'controls/**/*.yml'],
  evidence: 'evidence',
  risks: ['risks/**/*.yaml', 'risks/**/*.yml'],
  vendors: ['vendors/**/*.yaml', 'vendors/**/*.yml'],
  description: 'system/description.md',
};

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Appended to what is wrong with soc2.yaml when the checks cannot use it, so nobody mistakes the defaults for their settings. */
export const DEFAULTS_IN_USE = 'Until soc2.yaml can be read, every other file is checked with the default settings (security only, default paths, annual reviews).';

export function defaultConfig(file = CONFIG_FILE): Config {
  return {
    file, reportType: 1, categories: [], exclusions: [], paths: { ...DEFAULT_PATHS },
    defaultCycle: 'annual', dueSoonDays: 30, checks: {}, vagueLanguage: { enabled: true, words: [], ignore: [] },
    maxFileBytes: DEFAULT_MAX_FILE_BYTES, people: { ...DEFAULT_PEOPLE_CONFIG, courses: [] }, usable: false,
  };
}

/** Reads `soc2.yaml`; whatever cannot be read falls back to the defaults so the rest still checks. */
export function parseConfig(file: string, text: string, lines = new LineIndex(text)): { config: Config; problems: ParseProblem[] } {
  const src = new YamlSource(text, lines);
  const problems: ParseProblem[] = [...src.problems];
  if (problems[0]) problems[0] = { ...problems[0], message: `${problems[0].message} Until this is fixed, settings soc2.yaml could not give are taken from the defaults.` };
  const config = defaultConfig(file);
  const doc = src.docs[0];
  const root = doc?.contents as Node | null | undefined;
  if (!doc || !isMap(root)) {
    if (!src.problems.length) problems.push({ code: 'schema', range: lines.lineRange(0), message: 'soc2.yaml should be a mapping with `organization`, `report` and `scope`; defaults are used until it is.' });
    return { config, problems };
  }
  if (!doc.errors.length) problems.push(...validateDocument('config', src, doc));
  config.usable = doc.errors.length === 0;
  config.organization = locatedString(src, root, 'organization')?.value;

  const report = mapAt(root, 'report');
  if (report) {
    const type = locatedString(src, report, 'type')?.value;
    config.reportType = type === '2' ? 2 : 1;
    const period = mapAt(report, 'period');
    if (period) {
      const start = locatedString(src, period, 'start');
      const end = locatedString(src, period, 'end');
      if (start && end) config.period = { start, end };
      const from = parseIsoDate(start?.value), to = parseIsoDate(end?.value);
      // An inverted period has no intervals, which would silently turn evidence-gap off.
      if (start && end && from && to && to < from) {
        problems.push({ code: 'schema', range: end.range, message: `The observation period ends (${end.value}) before it starts (${start.value}); evidence-gap is off until the dates are in order.` });
      }
    }
  }
  const scope = mapAt(root, 'scope');
  if (scope) {
    const cats = locatedList(src, scope, 'categories');
    config.categories = cats.items;
    config.categoriesKey = cats.keyRange;
    const ex = findPair(scope, 'exclusions')?.value as Node | null;
    if (isSeq(ex)) {
      for (const item of ex.items) {
        if (!isMap(item)) continue;
        const criterion = locatedString(src, item, 'criterion');
        const vendor = locatedString(src, item, 'vendor');
        if (criterion) config.exclusions.push({ criterion, reason: locatedString(src, item, 'reason')?.value, range: src.nodeRange(item), ...(vendor?.value.trim() ? { vendor } : {}) } satisfies Exclusion);
      }
    }
  }
  const paths = mapAt(root, 'paths');
  if (paths) {
    const list = (key: 'policies' | 'controls' | 'risks' | 'vendors') => {
      const l = locatedList(src, paths, key).items.filter((i) => usablePattern(i, problems)).map((i) => i.value);
      if (l.length) config.paths[key] = l;
    };
    list('policies'); list('controls'); list('risks'); list('vendors');
    const description = locatedString(src, paths, 'description');
    if (description && usablePattern(description, problems)) config.paths.description = description.value.replace(/^\.\//, '');
    const evidence = locatedString(src, paths, 'evidence')?.value;
    if (evidence) config.paths.evidence = evidence.replace(/\/+$/, '');
  }
  const review = mapAt(root, 'review');
  if (review) {
    const cycle = locatedString(src, review, 'default_cycle')?.value;
    if (cycle) config.defaultCycle = /^\d+$/.test(cycle) ? Number(cycle) : cycle;
    const soon = Number(locatedString(src, review, 'due_soon_days')?.value);
    if (Number.isFinite(soon) && soon >= 0) config.dueSoonDays = soon;
  }
  const checks = mapAt(root, 'checks');
  if (checks) {
    for (const pair of checks.items) {
      const code = String((pair.key as { value?: unknown })?.value ?? '');
      if (code) (config.checkKeys ??= []).push({ value: code, range: src.nodeRange(pair.key as Node) });
      const level = String((pair.value as { value?: unknown })?.value ?? '');
      if (code && ['off', 'error', 'warning', 'info', 'hint'].includes(level)) config.checks[code] = level as 'off' | Severity;
    }
  }
  const vague = mapAt(root, 'vague_language');
  if (vague) {
    const enabled = locatedString(src, vague, 'enabled')?.value;
    if (enabled === 'false') config.vagueLanguage.enabled = false;
    config.vagueLanguage.words = locatedList(src, vague, 'words').items.map((i) => i.value);
    config.vagueLanguage.ignore = locatedList(src, vague, 'ignore').items.map((i) => i.value);
  }
  const sections = locatedList(src, root, 'policy_sections').items.map((i) => i.value);
  if (sections.length) config.policySections = sections;
  const shared = mapAt(root, 'shared_sections');
  if (shared) {
    for (const pair of shared.items) {
      const section = String((pair.key as { value?: unknown })?.value ?? '').trim();
      const policy = String((pair.value as { value?: unknown })?.value ?? '').trim();
      if (section && policy) (config.sharedSections ??= {})[section] = policy;
    }
  }
  config.people = readPeopleConfig(src, root);
  const limits = mapAt(root, 'limits');
  if (limits) {
    const max = Number(locatedString(src, limits, 'max_file_bytes')?.value);
    if (Number.isFinite(max) && max > 0) config.maxFileBytes = max;
  }
  return { config, problems };
}

/** A glob the matcher accepts; an empty or oversized one (a half-typed list) is reported and left out, never thrown. */
function usablePattern(glob: Located<string>, problems: ParseProblem[]): boolean {
  try {
    const pattern = glob.value.replace(/^\.\//, ''); // as the project compiles it
    if (!pattern.trim()) throw new Error('it is empty');
    picomatch(pattern);
    return true;
  } catch (err) {
    problems.push({ code: 'schema', range: glob.range, message: `This path pattern cannot be used (${(err as Error).message}); it is left out, and the default applies if no other pattern is given.` });
    return false;
  }
}

function mapAt(map: YAMLMap, key: string): YAMLMap | undefined {
  const v = findPair(map, key)?.value;
  return isMap(v) ? v : undefined;
}
