import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CHECKS } from '../../server/src/checks';
import { parse } from 'parse5';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { buildSite } from '../../server/src/publish/site';
import type { RevisionHistory } from '../../server/src/publish/history';

/** A parsed element, flattened from parse5's tree: what the assertions need. */
export interface El { tag: string; attrs: Record<string, string>; text: string; parent?: El }

interface P5Node { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: P5Node[]; value?: string; content?: P5Node }

/** Every element of an HTML document, parsed as a browser would (parse5 follows the HTML standard). */
export function elementsOf(html: string): El[] {
  const out: El[] = [];
  const walk = (n: P5Node, parent?: El): string => {
    let text = n.nodeName === '#text' ? n.value ?? '' : '';
    let el: El | undefined;
    if (n.tagName) {
      el = { tag: n.tagName, attrs: Object.fromEntries((n.attrs ?? []).map((a) => [a.name, a.value])), text: '', ...(parent ? { parent } : {}) };
      out.push(el);
    }
    for (const c of [...(n.childNodes ?? []), ...(n.content ? [n.content] : [])]) text += walk(c, el ?? parent);
    if (el) el.text = text;
    return text;
  };
  walk(parse(html) as unknown as P5Node);
  return out;
}

export const textOf = (html: string): string => elementsOf(html).find((e) => e.tag === 'body')?.text ?? '';

/** Publishes an in-memory repo; the policies' texts come from the same files. */
export async function siteOf(files: Record<string, string>, today = '2026-07-15', histories?: Map<string, RevisionHistory>, commit?: string): Promise<Map<string, string>> {
  const ws = new MemoryWorkspace(files);
  const { project } = await loadProject(ws, { today, checks: CHECKS });
  const texts = new Map([...project.allPolicies()].map((p) => [p.file, files[p.file]]));
  return buildSite({ project, texts, ...(histories ? { histories } : {}), ...(commit ? { commit } : {}), toolVersion: '0.0.0-test' });
}

/** Every file under a folder, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p); else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function readSite(dir: string): Map<string, string> {
  return new Map(listFiles(dir).filter((f) => f.endsWith('.html') || f.endsWith('.css')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

/**
 * Checks a site's links: every relative href names a file of the site and, with a fragment, an id in that
 * file; every other href is http(s) or mailto. Returns the problems, empty when all is well.
 */
export function brokenLinks(site: ReadonlyMap<string, string>): string[] {
  const ids = new Map<string, Set<string>>();
  const parsed = new Map<string, El[]>();
  for (const [name, html] of site) {
    if (!name.endsWith('.html')) continue;
    const els = elementsOf(html);
    parsed.set(name, els);
    ids.set(name, new Set(els.map((e) => e.attrs.id).filter((x): x is string => !!x)));
  }
  const problems: string[] = [];
  for (const [name, els] of parsed) {
    for (const e of els) {
      const href = e.attrs.href;
      if (href === undefined) continue;
      if (/^(https?:\/\/|mailto:)/i.test(href)) continue;
      const [file, frag] = href.split('#', 2) as [string, string | undefined];
      const target = file === '' ? name : file;
      if (!site.has(target)) { problems.push(`${name}: ${href} names no file of the site`); continue; }
      if (frag !== undefined && !ids.get(target)?.has(frag)) problems.push(`${name}: ${href} names no id in ${target}`);
    }
  }
  return problems;
}
