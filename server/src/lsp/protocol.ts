/**
 * Requests and notifications this server adds to LSP, shared by the server, the VS Code client and tests.
 * Only plain data crosses: the client renders it.
 */
import type { ReadinessSummary } from '../engine/summary';
import type { Task } from '../people/tasks';

/** `soc2/summary`: the readiness summary of every compliance root (a folder with soc2.yaml). */
export const SummaryRequest = 'soc2/summary';
export interface SummaryParams { /** Limit to the root that holds this URI. */ uri?: string }
export interface RootSummary {
  /** URI of the folder holding soc2.yaml. */
  root: string;
  name: string;
  summary: ReadinessSummary;
  /** The same summary as Markdown, for export. */
  markdown: string;
}
export interface SummaryResult { roots: RootSummary[]; indexing: boolean }

/** `soc2/summaryChanged`: sent (debounced) after diagnostics change, so views refresh live. */
export const SummaryChangedNotification = 'soc2/summaryChanged';

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** `YYYY-MM-DD`: the date checks measure against, instead of the clock. */
  today?: string;
  /** Milliseconds to wait after a keystroke before publishing diagnostics (default 75; saves publish at once). */
  debounceMs?: number;
  /** Whether code lenses are offered (default true). */
  codeLens?: boolean;
  /** False in an untrusted (restricted) workspace: the server then runs nothing, not even git. Default true. */
  trusted?: boolean;
  /**
   * A command the client itself runs to open its readiness summary, put on code lenses instead of the
   * server's own `soc2.showSummary.server`. The VS Code extension passes `soc2.revealSummary`; other clients
   * leave it out and their lenses run the server-side command through `workspace/executeCommand`.
   */
  revealSummaryCommand?: string;
  /**
   * Whether the server keeps a persistent cache in each root's `.soc2/cache/` (default true; the VS Code
   * setting `soc2.cache.enabled`), so the next start parses only files that changed.
   */
  cache?: boolean;
}

/**
 * `soc2/workCounters`: how much work the server did, per root, for tests and the benchmark (work is
 * counted, never timed, in tests): parses and check runs per file, and file-event batches applied.
 */
export const WorkCountersRequest = 'soc2/workCounters';
export interface WorkCountersResult {
  eventBatches: number;
  roots: { root: string; parses: Record<string, number>; checkRuns: Record<string, number>; cache?: { reused: number; parsed: number; diagnosticsReused: number; written: boolean } }[];
}

/**
 * Commands the server runs itself (advertised in `executeCommandProvider`), for clients that have no
 * commands of their own. Arguments: an optional document URI, to limit to the root holding it.
 */
export const ServerCommands = {
  /** Shows the readiness headline of each root with `window/showMessage` and returns the summary's Markdown. */
  showSummary: 'soc2.showSummary.server',
} as const;

/**
 * `soc2/publishPreview`: a policy document as `soc2 publish` will render it (header block, text, revision
 * history), from the editor's current text. `html` is already sanitised and escaped; the client frames it.
 */
export const PublishPreviewRequest = 'soc2/publishPreview';
export interface PublishPreviewParams { uri: string }
export interface PublishPreviewResult { title: string; html: string }

/** `soc2/tasks`: every dated obligation of each root (see `soc2 tasks`), soonest first. */
export const TasksRequest = 'soc2/tasks';
export interface TasksParams {
  /** Limit to the root that holds this URI. */
  uri?: string;
  /** Only this owner's tasks (as written, or the same person in the roster). */
  owner?: string;
}
export interface RootTasks { root: string; name: string; tasks: Task[]; /** Whether `owner` matched a person in this root's roster. */ ownerKnown: boolean }
export interface TasksResult { roots: RootTasks[] }

/** `soc2/brief`: one owner's briefing (see `soc2 brief`) as Markdown, for the editor to preview. */
export const BriefRequest = 'soc2/brief';
export interface BriefParams { uri?: string; owner: string }
export interface BriefResult { markdown: string; /** Every owner of the root(s), to pick from. */ owners: string[] }
