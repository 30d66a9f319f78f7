import type { FileKind, FileModel } from './model';
import { DEFAULTS_IN_USE, parseConfig } from './parse-config';
import { parseControls } from './parse-controls';
import { parsePolicy, type PolicyParseOptions } from './parse-policy';
import { parseRisks } from './parse-risks';
import { parseAcknowledgements, parseRoster, parseTrainingCompletions } from './parse-people';
import { LineIndex } from './text';
import { parseVendors } from './parse-vendors';
import { parseDescription } from './parse-description';

/**
 * Parses one file's text into the model the index keeps. Pure, and free of any project state, so it can
 * run in a worker thread; the project indexes the result.
 */
export function parseFileModel(path: string, kind: FileKind, text: string, version: number, options: PolicyParseOptions, sizeLimit: number): FileModel {
  const lines = new LineIndex(text);
  const model: FileModel = { path, kind, version, problems: [], controls: [], lineCount: lines.lineCount };
  if (text.length > sizeLimit) {
    model.problems.push({ code: 'file-too-large', range: lines.range(0, 0), message: `This file is ${text.length.toLocaleString('en-US')} characters, over the limit of ${sizeLimit.toLocaleString('en-US')} (limits.max_file_bytes in soc2.yaml); it was not checked.${kind === 'config' ? ` ${DEFAULTS_IN_USE}` : ''}` });
    return model;
  }
  try {
    if (kind === 'config') {
      const { config, problems } = parseConfig(path, text, lines);
      model.config = config;
      model.problems.push(...problems);
    } else if (kind === 'controls') {
      const { controls, problems } = parseControls(path, text, lines);
      model.controls = controls;
      model.problems.push(...problems);
    } else if (kind === 'policy') {
      const { policy, problems } = parsePolicy(path, text, lines, options);
      model.policy = policy;
      model.problems.push(...problems);
    } else if (kind === 'risks') {
      const { risks, problems } = parseRisks(path, text, lines);
      model.risks = risks;
      model.problems.push(...problems);
    } else if (kind === 'vendors') {
      const { vendors, problems } = parseVendors(path, text, lines);
      model.vendors = vendors;
      model.problems.push(...problems);
    } else if (kind === 'description') {
      const { description, problems } = parseDescription(path, text, lines);
      model.description = description;
    } else if (kind === 'people') {
      const { people, problems } = parseRoster(path, text, lines);
      model.people = people;
      model.problems.push(...problems);
    } else if (kind === 'acknowledgements') {
      const { records, problems } = parseAcknowledgements(path, text);
      model.acknowledgements = records;
      model.problems.push(...problems);
    } else if (kind === 'training-records') {
      const { records, problems } = parseTrainingCompletions(path, text);
      model.trainingCompletions = records;
      model.problems.push(...problems);
    }
  } catch (err) {
    // A parser bug must not take the whole check down: say so on the file and go on.
    model.problems.push({ code: kind === 'policy' || kind === 'description' ? 'frontmatter-syntax' : 'yaml-syntax', range: lines.range(0, 0), message: `This file could not be read: ${(err as Error).message}` });
  }
  return model;
}
