import { policyBody, type Version } from '../engine/git-history';

/** One line of a policy's published revision history: a commit that changed its body. */
export interface Revision {
  commit: string;
  date: string;
  author: string;
  subject: string;
  /** This commit holds the text as approved on `approved_on`. */
  approved: boolean;
}

export interface RevisionHistory {
  /** Oldest first, as a document's revision table reads. */
  revisions: Revision[];
  /** The commit whose body is the approved text, when the policy has `approved_on` and history reaches it. */
  approvedCommit?: { commit: string; date: string };
  /** The text being published differs from the newest committed body (uncommitted edits). */
  uncommitted: boolean;
}

/**
 * The revision history of one policy from its committed versions (newest first, as git gives them): every
 * commit whose body (front matter excluded, so review-date edits do not count) differs from the version
 * before it, and the commit of the approved text, found the way the approval check finds it (the newest
 * version committed on or before `approved_on`, or the first one when the file entered history later).
 */
export function revisionHistory(versions: readonly Version[], currentText: string, approvedOn: string | undefined): RevisionHistory {
  const oldestFirst = [...versions].reverse();
  let approvedCommit: RevisionHistory['approvedCommit'];
  if (approvedOn && versions.length) {
    const baseline = versions.find((v) => v.date <= approvedOn) ?? versions[versions.length - 1];
    approvedCommit = { commit: baseline.commit, date: baseline.date };
  }
  const revisions: Revision[] = [];
  let previous: string | undefined;
  for (const v of oldestFirst) {
    const body = policyBody(v.text);
    if (body === previous) {
      // A metadata-only commit can still be the approval baseline; it then marks the revision whose text it carries.
      if (approvedCommit?.commit === v.commit && revisions.length) revisions[revisions.length - 1].approved = true;
      continue;
    }
    previous = body;
    revisions.push({ commit: v.commit, date: v.date, author: v.author ?? '', subject: v.subject ?? '', approved: approvedCommit?.commit === v.commit });
  }
  const uncommitted = versions.length > 0 && policyBody(currentText) !== policyBody(versions[0].text);
  return { revisions, ...(approvedCommit ? { approvedCommit } : {}), uncommitted };
}
