import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { ComplianceRoot } from './roots';

/**
 * Controls, policies and risks of a root whose id or title holds the query's characters in order, ignoring case
 * (`ac2` finds AC-02). The title is part of the name because editors filter the results by name again.
 */
export function workspaceSymbols(root: ComplianceRoot, query: string): SymbolInformation[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const found: { rank: number; id: string; symbol: SymbolInformation }[] = [];
  const add = (id: string, title: string | undefined, kind: SymbolKind, file: string, range: SymbolInformation['location']['range']) => {
    const name = title ? `${id} — ${title}` : id;
    if (!subsequence(q, name.toLowerCase())) return;
    const rank = id.toLowerCase() === q ? 0 : id.toLowerCase().startsWith(q) ? 1 : 2;
    found.push({ rank, id, symbol: { name, kind, location: { uri: root.uriOf(file), range }, containerName: file } });
  };
  for (const c of root.project.allControls()) add(c.id, c.title, SymbolKind.Object, c.file, c.idRange);
  for (const p of root.project.allPolicies()) add(p.id, p.title?.value, SymbolKind.Module, p.file, p.idRange);
  for (const r of root.project.allRisks()) add(r.id, r.title, SymbolKind.Event, r.file, r.idRange);
  return found.sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id) || a.symbol.containerName!.localeCompare(b.symbol.containerName!)).map((f) => f.symbol);
}

function subsequence(q: string, s: string): boolean {
  let i = 0;
  for (let j = 0; j < s.length && i < q.length; j++) if (s[j] === q[i]) i++;
  return i === q.length;
}
