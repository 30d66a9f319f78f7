import { stringify } from 'yaml';

/** One YAML document holding `key: [items]`, with a leading comment, in the style `soc2 init` writes. */
export function yamlListFile(comment: readonly string[], key: string, items: readonly Record<string, unknown>[]): string {
  const body = stringify({ [key]: items.map(dropEmpty) }, { lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
  return [...comment.map((c) => `# ${c}`.trimEnd()), body].join('\n');
}

/** Front matter (between `---` lines) for a policy, keys in the order given, empty values left out. */
export function frontMatter(fields: Record<string, unknown>, comments: Readonly<Record<string, string>> = {}): string {
  const lines: string[] = ['---'];
  for (const [key, value] of Object.entries(dropEmpty(fields))) {
    // Lists of plain values in flow style (`criteria: [CC6.1, CC6.2]`), as the README's examples write them.
    const flow = Array.isArray(value) && value.every((v) => typeof v !== 'object');
    const text = flow
      ? `${key}: ${stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd()}`
      : stringify({ [key]: value }, { lineWidth: 0 }).trimEnd();
    lines.push(comments[key] ? `${text}   # ${comments[key]}` : text);
  }
  lines.push('---');
  return lines.join('\n') + '\n';
}

function dropEmpty<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as T;
}
