import * as nodePath from 'node:path';
import type { Project } from '../engine/project';
import type { Workspace } from '../engine/workspace';
import { DiskWorkspace } from '../engine/disk-workspace';
import { loadProject } from '../engine/load';
import { CHECKS } from '../checks';
import { decodeText } from '../engine/text';
import { CliGit } from '../git/cli-git';
import { revisionHistory, type RevisionHistory } from './history';
import { buildSite } from './site';
import { writeSite } from './write';
import { printToPdf } from './pdf';
import { SITE_PAGES } from './names';

/**
 * `soc2 publish` and the editor's "Publish Policies…" share this: read the policies' text, ask git for
 * their histories (read-only, fixed arguments, see git/cli-git.ts), build the site, write it into the output
 * folder only, and optionally print PDFs with a browser the caller found.
 */

export interface PublishOptions {
  out: string;
  toolVersion: string;
  /** A Chromium or Chrome executable: print each policy and the handbook to `pdf/` under the output. */
  chrome?: string;
}

export interface PublishResult {
  /** Files written, relative to the output folder. */
  files: string[];
  policies: number;
  inGit: boolean;
  commit?: string;
}

export async function publishProject(project: Project, ws: Workspace, git: CliGit | undefined, options: PublishOptions): Promise<PublishResult> {
  const texts = new Map<string, string>();
  for (const p of project.allPolicies()) {
    try {
      texts.set(p.file, decodeText(await ws.read(p.file)).text);
    } catch { /* deleted or unreadable since it was indexed: not published */ }
  }
  let histories: Map<string, RevisionHistory> | undefined;
  let commit: string | undefined;
  if (git) {
    histories = new Map();
    commit = git.resolve('HEAD');
    for (const p of project.allPolicies()) {
      const text = texts.get(p.file);
      if (text === undefined) continue;
      try {
        histories.set(p.file, revisionHistory(git.history(p.file), text, p.approvedOn?.value));
      } catch { /* a timeout or an odd history leaves this policy without one, never the run */ }
    }
  }
  const site = buildSite({ project, texts, ...(histories ? { histories } : {}), ...(commit ? { commit } : {}), toolVersion: options.toolVersion });
  const files = writeSite(options.out, site);
  if (options.chrome) {
    const pages = [...site.keys()].filter((n) => n.startsWith('policy-') || n === SITE_PAGES.handbook);
    for (const name of pages) {
      const pdf = `pdf/${name.replace(/\.html$/, '.pdf')}`;
      writeSite(options.out, new Map([[pdf, new Uint8Array()]])); // checks the name and clears a link standing there
      await printToPdf(options.chrome, nodePath.join(nodePath.resolve(options.out), name), nodePath.join(nodePath.resolve(options.out), pdf));
      files.push(pdf);
    }
  }
  return { files, policies: texts.size, inGit: !!git, ...(commit ? { commit } : {}) };
}

/** Loads a compliance root from disk and publishes it; git is used only when `useGit` (a trusted workspace). */
export async function publishFolder(dir: string, today: string, useGit: boolean, options: PublishOptions): Promise<PublishResult> {
  const git = useGit ? CliGit.open(dir) : undefined;
  const ws = new DiskWorkspace(dir);
  const { project } = await loadProject(ws, { today, git, checks: CHECKS });
  return publishProject(project, ws, git, options);
}
