import picomatch from 'picomatch';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { DocumentLink } from 'vscode-languageserver';
import { joinPath } from '../engine/evidence';
import { LineIndex, type Range } from '../engine/text';
import { findPair, YamlSource } from '../engine/yaml-source';
import type { Located } from '../engine/model';
import type { FeatureContext } from './feature-context';

/** The `paths` keys of soc2.yaml whose values are globs. */
const GLOB_KEYS = ['policies', 'controls', 'risks'];

/**
 * Document links. In controls: each evidence `path` opens its file, or reveals its folder; each policy id
 * under `policies` opens the policy. In policies: each control id listed or mentioned opens the controls
 * file. In risks: each control id opens the controls file. In soc2.yaml: `paths.evidence` reveals its
 * folder, and a path glob that matches exactly one file opens that file. Ids that name nothing get no link.
 */
export function documentLinks(ctx: FeatureContext): DocumentLink[] {
  const { project } = ctx;
  const model = project.file(ctx.path);
  const out: DocumentLink[] = [];
  const link = (range: Range, file: string, tooltip: string) => out.push({ range, target: ctx.root.uriOf(file), tooltip });
  const toControl = (item: Located<string>) => {
    const c = project.controls(item.value)[0];
    if (c) link(item.range, c.file, `Open control ${c.id} (${c.file})`);
  };
  for (const c of model?.controls ?? []) {
    for (const p of c.policies) {
      const pol = project.policies(p.value)[0];
      if (pol) link(p.range, pol.file, `Open policy ${pol.id} (${pol.file})`);
    }
    for (const e of c.evidence) {
      if (!e.path) continue;
      const target = joinPath(project.config.paths.evidence, e.path.value);
      const found = project.evidenceFiles.under(target);
      if (!found.length) continue;
      const isFile = found.length === 1 && found[0] === target;
      link(e.path.range, target, isFile ? `Open evidence ${target}` : `Reveal evidence folder ${target} (${found.length} file${found.length === 1 ? '' : 's'})`);
    }
  }
  const policy = model?.policy;
  if (policy) {
    for (const item of policy.controls) toControl(item);
    for (const m of policy.mentions) toControl({ value: m.id, range: m.range });
  }
  for (const r of model?.risks ?? []) for (const item of r.controls) toControl(item);
  if (model?.kind === 'config') out.push(...configLinks(ctx));
  return out;
}

/** soc2.yaml: `paths.evidence` and the globs of `paths` that match exactly one file. */
function configLinks(ctx: FeatureContext): DocumentLink[] {
  const text = ctx.document.getText();
  const src = new YamlSource(text, new LineIndex(text));
  const root = src.docs[0]?.contents as Node | null | undefined;
  const paths = isMap(root) ? findPair(root, 'paths')?.value : undefined;
  if (!isMap(paths)) return [];
  const out: DocumentLink[] = [];
  const files = [...ctx.project.allFiles()].map((f) => f.path);
  for (const key of GLOB_KEYS) {
    const value = findPair(paths, key)?.value as Node | undefined;
    const globs = isSeq(value) ? value.items : [value];
    for (const g of globs) {
      if (!isScalar(g) || typeof g.value !== 'string') continue;
      const match = picomatch(g.value.replace(/^\.\//, ''), { dot: false });
      const hits = files.filter((f) => match(f));
      if (hits.length === 1) out.push({ range: src.nodeRange(g as Node), target: ctx.root.uriOf(hits[0]), tooltip: `Open ${hits[0]}, the one file this pattern matches` });
    }
  }
  const evidence = findPair(paths, 'evidence')?.value;
  const folder = ctx.project.config.paths.evidence;
  if (isScalar(evidence) && ctx.project.evidenceFiles.under(folder).length) {
    out.push({ range: src.nodeRange(evidence as Node), target: ctx.root.uriOf(folder), tooltip: `Reveal the evidence folder ${folder}` });
  }
  return out;
}
