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
}
