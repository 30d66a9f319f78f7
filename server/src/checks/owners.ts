import type { FileModel, Located } from '../engine/model';

/** Every owner and approver a file names, with what it belongs to: the values the people checks look up. */
export function ownersIn(file: FileModel): { value: Located<string>; role: 'owner' | 'approver'; label: string }[] {
  const out: { value: Located<string>; role: 'owner' | 'approver'; label: string }[] = [];
  for (const c of file.controls) if (c.owner) out.push({ value: c.owner, role: 'owner', label: `control ${c.id}` });
  for (const r of file.risks ?? []) if (r.owner) out.push({ value: r.owner, role: 'owner', label: `risk ${r.id}` });
  const p = file.policy;
  if (p?.owner) out.push({ value: p.owner, role: 'owner', label: `policy ${p.id}` });
  if (p?.approver && p.approver.value.trim()) out.push({ value: p.approver, role: 'approver', label: `policy ${p.id}` });
  return out;
}
