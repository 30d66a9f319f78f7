import type { Options as Schema } from 'rehype-sanitize';

/**
 * The only HTML a published policy body may contain: the elements Markdown (with GFM tables, task lists,
 * strikethrough and footnotes) produces, and a handful of attributes. No `style`, no `class` from the
 * source, no event handlers, no `src` (images are replaced by their description before this runs), and `href` only with
 * http, https or mailto, or relative (which the link pass after this narrows to the site's own pages).
 * Raw HTML never reaches this point: it is shown as text before Markdown becomes HTML.
 */
export const POLICY_SCHEMA: Schema = {
  allowComments: false,
  allowDoctypes: false,
  tagNames: [
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'del', 'code', 'pre',
    'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input', 'sup', 'section',
  ],
  attributes: {
    a: ['href', 'id'],
    ol: [['start', /^\d{1,6}$/]],
    li: ['id'],
    h2: ['id'],
    th: [['align', 'left', 'center', 'right']],
    td: [['align', 'left', 'center', 'right']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    code: [['className', /^language-[\w-]{1,40}$/]],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: ['http', 'https', 'mailto'] },
  ancestors: { li: ['ol', 'ul'], tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'] },
  // Ids are checked again by the link pass; no page of the site runs script, so there is nothing to clobber.
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style'],
};
