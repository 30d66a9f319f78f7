/**
 * Where a link in a policy body may point once published: a web page (http, https), an e-mail address
 * (mailto), an id on the same page, another published policy, or a control in the matrix. Anything
 * else (other schemes, protocol-relative `//host`, paths that leave the repo, files that are not
 * published) is not a link in the site: the caller keeps only its text.
 */

export interface LinkContext {
  /** The policy's repo path, `/`-separated. */
  file: string;
  /** Prefix of the ids on this page (the handbook prefixes each policy's ids). */
  prefix: string;
  /** Ids present on this page. */
  ids: ReadonlySet<string>;
  controlHref(id: string): string | undefined;
  fileHref(repoPath: string): string | undefined;
  isSiteHref(href: string): boolean;
}

const EXTERNAL = /^(?:https?:\/\/[^\s/\\]|mailto:[^\s])/i;

export function classifyHref(raw: string, ctx: LinkContext): string | undefined {
  const href = raw.trim();
  // Control characters or white space inside a URL are how filters are usually fooled; such a link is dropped.
  if (!href || /[\u0000-\u0020\u007f-\u009f]/.test(href)) return undefined;
  if (EXTERNAL.test(href)) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.includes('\\')) return undefined;
  if (ctx.isSiteHref(href)) return href;
  const hash = href.indexOf('#');
  const pathAndQuery = hash < 0 ? href : href.slice(0, hash);
  const fragment = hash < 0 ? '' : safeDecode(href.slice(hash + 1));
  const path = safeDecode(pathAndQuery.replace(/\?.*$/, ''));
  if (path === undefined || fragment === undefined) return undefined;
  if (!path) {
    if (!fragment) return undefined;
    if (ctx.ids.has(ctx.prefix + fragment)) return `#${ctx.prefix}${fragment}`;
    if (ctx.ids.has(fragment)) return `#${fragment}`;
    return ctx.controlHref(fragment);
  }
  const target = resolveRepoPath(ctx.file, path);
  if (target === undefined) return undefined;
  const page = ctx.fileHref(target);
  if (page) return page;
  // `controls/access.yaml#AC-03` and the like: the fragment names a control, so the matrix row stands for it.
  return fragment ? ctx.controlHref(fragment) : undefined;
}

function safeDecode(s: string): string | undefined {
  try { return decodeURIComponent(s); } catch { return undefined; }
}

/** Resolves a relative path against the folder of `from`; undefined when it climbs out of the repo. */
export function resolveRepoPath(from: string, rel: string): string | undefined {
  if (rel.startsWith('/')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const p of rel.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') { if (!parts.length) return undefined; parts.pop(); } else parts.push(p);
  }
  return parts.join('/');
}
