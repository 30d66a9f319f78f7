import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Block } from '../../server/src/engine/markdown-blocks';
import { pipeCells } from '../../server/src/engine/markdown-tables';

/**
 * The reference reading of a policy body: CommonMark plus GitHub tables, by micromark/mdast (what remark
 * with remark-gfm's tables builds). Tests only: the engine's one reader is markdown-blocks.ts, and the
 * property test holds it to this.
 */
interface Node { type: string; depth?: number; children?: Node[]; position?: { start: { offset?: number }; end: { offset?: number } } }

export function oracleBlocks(text: string): Block[] {
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(['yaml']), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
  }) as unknown as Node;
  const blocks: Block[] = [];
  const walk = (node: Node, parent?: Node, items = 0): void => {
    const s = node.position?.start.offset ?? 0, e = node.position?.end.offset ?? 0;
    switch (node.type) {
      case 'yaml': case 'code': case 'html': case 'definition': return;
      case 'heading': blocks.push({ kind: 'heading', start: s, end: e, level: node.depth ?? 1 }); return;
      case 'paragraph': {
        const item = parent?.type === 'listItem' && parent.children?.[0] === node;
        blocks.push({ kind: 'paragraph', start: s, end: e, ...(item ? { item: items } : {}) });
        return;
      }
      case 'table': {
        const rows = (node.children ?? []).map((r) => {
          // A row's trailing white space is not part of it (mdast keeps it when the last cell is empty).
          const rs = r.position!.start.offset!;
          let re = r.position!.end.offset!;
          while (re > rs && /[ \t]/.test(text[re - 1])) re--;
          return { start: rs, end: re, cells: pipeCells(text.slice(rs, re), rs) };
        });
        blocks.push({ kind: 'table', start: s, end: e, header: rows[0]?.cells ?? [], rows: rows.slice(1) });
        return;
      }
      default: for (const c of node.children ?? []) walk(c, node, items + (node.type === 'listItem' ? 1 : 0));
    }
  };
  walk(tree);
  return blocks;
}
