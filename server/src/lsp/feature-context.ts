import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Project } from '../engine/project';
import type { ComplianceRoot } from './roots';

/** What every LSP feature receives: the index of the document's root, the document, and its path in the root. */
export interface FeatureContext {
  root: ComplianceRoot;
  project: Project;
  /** Root-relative path with `/`. */
  path: string;
  document: TextDocument;
  /**
   * The current text of another file of the root (root-relative path): the editor's unsaved text when it
   * is open, else the disk's; undefined when it does not exist. Code actions need it to edit other files
   * exactly where the index's ranges point, since the index keeps ranges, not text.
   */
  textOf(path: string): string | undefined;
}
