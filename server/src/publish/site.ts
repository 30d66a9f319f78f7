import { siteData, type SiteInput } from './model';
import { SITE_PAGES } from './names';
import { controlsPage, criteriaPage, indexPage } from './pages';
import { handbookPage, policyPage } from './policy-page';
import { siteLinks } from './site-links';
import { STYLESHEET } from './style';

/**
 * The whole published site as file name → content, a pure function of the project, the policy texts and
 * their histories: no clock, no disk, no randomness, every list in a fixed order. The same repo, commit and
 * `--today` therefore give byte-identical files.
 */
export function buildSite(input: SiteInput): Map<string, string> {
  const data = siteData(input);
  const links = siteLinks(data);
  const files = new Map<string, string>();
  files.set(SITE_PAGES.style, STYLESHEET);
  files.set(SITE_PAGES.index, indexPage(data));
  files.set(SITE_PAGES.controls, controlsPage(data, links));
  files.set(SITE_PAGES.criteria, criteriaPage(data, links));
  files.set(SITE_PAGES.handbook, handbookPage(data, links));
  for (const p of data.policies) files.set(p.page, policyPage(p, data, links));
  return files;
}
