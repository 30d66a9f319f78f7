/**
 * The "SOC 2 Tasks" tree: every dated obligation from the server's `soc2/tasks`, grouped as Overdue, This month
 * and Later. It shows only my tasks when `soc2.me` (or, in a trusted workspace, git's user.email) is a person
 * in the roster; everyone's otherwise. Refreshed whenever the summary changes.
 */
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TasksRequest, type TasksParams, type TasksResult } from '../../server/src/lsp/protocol';
import type { Task } from '../../server/src/people/tasks';
import { dueLabel, groupTasks, TASK_GROUPS, type TaskGroup } from './tasks-model';

type Node = { group: TaskGroup; count: number } | { task: Task; root: string; today: string };

const KIND_ICON: Record<Task['kind'], string> = {
  review: 'history', evidence: 'file-add', remediation: 'tools', acknowledgement: 'pass', training: 'mortar-board', 'risk-acceptance': 'warning',
};

export class TasksTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the tasks were fetched again (the status bar counts the overdue ones). */
  readonly onDidChangeTasks = this.changed.event;
  private result: TasksResult | undefined;
  private mine = false;
  private me: string | undefined;

  constructor(private readonly client: () => LanguageClient | undefined, private readonly today: () => string) {}

  get overdue(): number { return this.all().filter((t) => t.task.overdue).length; }
  /** Whether the tree shows only the tasks of `soc2.me` / git's user. */
  get filtered(): boolean { return this.mine; }

  async refresh(): Promise<void> {
    const c = this.client();
    if (!c) return;
    try {
      this.me = await identity();
      const params: TasksParams = this.me ? { owner: this.me } : {};
      let result = await c.sendRequest<TasksResult>(TasksRequest, params);
      this.mine = !!this.me && result.roots.some((r) => r.ownerKnown);
      if (this.me && !this.mine) result = await c.sendRequest<TasksResult>(TasksRequest, {});
      this.result = result;
    } catch {
      this.result = undefined;
    }
    this.emitter.fire(undefined);
    this.changed.fire();
  }

  private all(): { task: Task; root: string; today: string }[] {
    return (this.result?.roots ?? []).flatMap((r) => r.tasks.map((task) => ({ task, root: r.root, today: this.today() })));
  }

  getChildren(node?: Node): Node[] {
    const all = this.all();
    if (!node) {
      const groups = groupTasks(all.map((n) => ({ ...n, due: n.task.due, overdue: n.task.overdue })), this.today());
      return TASK_GROUPS.map((g) => ({ group: g, count: groups.get(g)!.length })).filter((g) => g.count > 0);
    }
    if ('group' in node) {
      const groups = groupTasks(all.map((n) => ({ ...n, due: n.task.due, overdue: n.task.overdue })), this.today());
      return groups.get(node.group)!.map(({ task, root, today }) => ({ task, root, today }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('group' in node) {
      const item = new vscode.TreeItem(`${node.group} (${node.count})`, node.group === 'Later' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `soc2-tasks-${node.group}`;
      return item;
    }
    const t = node.task;
    const item = new vscode.TreeItem(t.title, vscode.TreeItemCollapsibleState.None);
    item.description = `${dueLabel(t.due, node.today)} · ${t.owner}`;
    item.tooltip = new vscode.MarkdownString(`**${t.title}**\n\nOwner: ${t.owner}\n\nDue: ${t.due}${t.overdue ? ' (overdue)' : ''}\n\n${t.file}:${t.line}`);
    item.iconPath = new vscode.ThemeIcon(KIND_ICON[t.kind] ?? 'circle-outline');
    const target = vscode.Uri.joinPath(vscode.Uri.parse(node.root), ...t.file.split('/'));
    item.command = { title: 'Open', command: 'vscode.open', arguments: [target, { selection: new vscode.Range(t.line - 1, 0, t.line - 1, 0) }] };
    item.contextValue = `soc2.task.${t.kind}`;
    return item;
  }

  dispose(): void { this.emitter.dispose(); this.changed.dispose(); }
}

/** Who "me" is: the `soc2.me` setting, else git's user.email in a trusted workspace (read, never written). */
async function identity(): Promise<string | undefined> {
  const setting = vscode.workspace.getConfiguration('soc2').get<string>('me', '').trim();
  if (setting) return setting;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder || !vscode.workspace.isTrusted) return undefined;
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.email'], { cwd: folder, timeout: 2000 }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
  });
}
