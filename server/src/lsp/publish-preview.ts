import type { FeatureContext } from './feature-context';
import type { PublishPreviewResult } from './protocol';
import type { Version } from '../engine/git-history';
import { siteData } from '../publish/model';
import { siteLinks } from '../publish/site-links';
import { policySection } from '../publish/policy-page';
import { revisionHistory, type RevisionHistory } from '../publish/history';

/** Whether the root's history source can list versions (the git reader can; test doubles may not). */
function versionsOf(git: unknown, file: string): Version[] | undefined {
  const reader = git as { history?: (file: string) => Version[] } | undefined;
  return typeof reader?.history === 'function' ? reader.history(file) : undefined;
}

/**
 * The open policy as it will be published, from the editor's unsaved text: the same page model, renderer and
 * sanitiser as `soc2 publish`. Other policies take part only by name (their pages are what links point to),
 * so a keystroke reads no other file. Null when the document is not a policy.
 */
export function publishPreview(ctx: FeatureContext): PublishPreviewResult | null {
  const policy = ctx.project.file(ctx.path)?.policy;
  if (!policy) return null;
  const text = ctx.document.getText();
  const texts = new Map<string, string>();
  for (const p of ctx.project.allPolicies()) texts.set(p.file, p.file === ctx.path ? text : '');
  let histories: Map<string, RevisionHistory> | undefined;
  if (ctx.project.git) {
    histories = new Map();
    try {
      const versions = versionsOf(ctx.project.git, ctx.path);
      if (versions) histories.set(ctx.path, revisionHistory(versions, text, policy.approvedOn?.value));
    } catch { /* git timed out: the preview shows no history rather than failing */ }
  }
  const data = siteData({ project: ctx.project, texts, ...(histories ? { histories } : {}), toolVersion: '' });
  const entry = data.policies.find((p) => p.file === ctx.path);
  if (!entry) return null;
  const links = siteLinks(data);
  return { title: entry.title, html: policySection(entry, data, links, { idPrefix: '', fileHref: links.policyFileHref }) };
}
