import * as nodePath from 'node:path';
import type { GitHistory } from '../engine/git-history';
import { CliGit } from '../git/cli-git';
import type { Publisher } from './publishing';
import type { ServerState } from './server-state';

/** Files under `.git/` whose change means the history moved (a commit, checkout, reset, `git init`). */
const GIT_STATE = /^(?:HEAD|packed-refs|logs\/HEAD|refs\/heads\/.+)$/;
/** A commit writes several of those at once: ask git again only once they have settled. */
const HISTORY_DEBOUNCE_MS = 200;

/** Git watching: which roots have a history, and asking git again when a commit or checkout moves it. */
export class GitWatcher {
  /** Roots already reported as outside git, so the output channel says it once. */
  private readonly noGitSaid = new Set<string>();
  private readonly historyPending = new Set<string>();
  private historyTimer: NodeJS.Timeout | undefined;

  constructor(private readonly state: ServerState, private readonly publisher: Publisher) {}

  /** The folder's git history; never looked for (no process started) in an untrusted workspace. */
  historyOf(path: string): GitHistory | undefined {
    if (!this.state.trusted) return undefined;
    const git = CliGit.open(path);
    if (git) this.noGitSaid.delete(path);
    else if (!this.noGitSaid.has(path)) {
      this.noGitSaid.add(path);
      this.state.connection.console.info(`soc2: ${path} is not in a git repository (or git is not installed), so policy-changed-since-approval is off there.`);
    }
    return git;
  }

  /**
   * A change under `.git/`: when it moves the history (a commit, checkout, `git init`), every root in that
   * repository asks git again, once the burst of writes has settled. True when the path was under `.git/`.
   */
  changed(abs: string): boolean {
    const p = abs.split(nodePath.sep).join('/');
    const at = p.lastIndexOf('/.git/');
    if (at < 0) return false;
    if (!this.state.trusted || !GIT_STATE.test(p.slice(at + 6))) return true;
    const top = p.slice(0, at);
    for (const root of this.state.roots.values()) {
      const rp = root.path.split(nodePath.sep).join('/');
      if (rp === top || rp.startsWith(top + '/')) this.historyPending.add(root.path);
    }
    if (this.historyPending.size && !this.historyTimer) this.historyTimer = setTimeout(() => this.refresh(), HISTORY_DEBOUNCE_MS);
    return true;
  }

  private refresh(): void {
    this.historyTimer = undefined;
    const paths = [...this.historyPending];
    this.historyPending.clear();
    for (const path of paths) {
      const root = this.state.roots.get(path);
      if (!root) continue;
      const affected = root.project.setHistory(this.historyOf(root.path));
      void root.project.prefetchApprovals().then(() => this.publisher.schedule(root, affected, 0));
    }
  }
}
