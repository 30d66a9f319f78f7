import type { SiteData } from './model';
import { anchorOf, SITE_PAGES } from './names';

/** Where each id of the repo lives in the site, and the set of every link target the site has. */
export interface SiteLinks {
  controlHref(id: string): string | undefined;
  criterionHref(id: string): string | undefined;
  policyHref(id: string): string | undefined;
  /** The page of a policy file (repo path). */
  policyFileHref(file: string): string | undefined;
  /** Whether `page` or `page#anchor` exists in the site. */
  isSiteHref(href: string): boolean;
}

export function siteLinks(data: SiteData): SiteLinks {
  const controls = new Set([...data.project.allControls()].map((c) => c.id));
  const criteria = new Set(data.summary.criteria.filter((c) => c.status !== 'out-of-scope').map((c) => c.id));
  const policyById = new Map<string, string>();
  const policyByFile = new Map<string, string>();
  for (const p of data.policies) {
    if (!policyById.has(p.id)) policyById.set(p.id, p.page);
    policyByFile.set(p.file, p.page);
  }
  const targets = new Set<string>([SITE_PAGES.index, SITE_PAGES.controls, SITE_PAGES.criteria, SITE_PAGES.handbook, `${SITE_PAGES.index}#scope`, `${SITE_PAGES.index}#policies`]);
  for (const id of controls) targets.add(`${SITE_PAGES.controls}#${anchorOf('control', id)}`);
  for (const id of criteria) targets.add(`${SITE_PAGES.criteria}#${anchorOf('criterion', id)}`);
  for (const cat of data.summary.categories) if (cat.inScope) targets.add(`${SITE_PAGES.criteria}#${anchorOf('criterion', cat.id)}`);
  for (const p of data.policies) targets.add(p.page);
  return {
    controlHref: (id) => (controls.has(id) ? `${SITE_PAGES.controls}#${anchorOf('control', id)}` : undefined),
    criterionHref: (id) => (criteria.has(id) ? `${SITE_PAGES.criteria}#${anchorOf('criterion', id)}` : undefined),
    policyHref: (id) => policyById.get(id),
    policyFileHref: (file) => policyByFile.get(file),
    isSiteHref: (href) => targets.has(href),
  };
}
