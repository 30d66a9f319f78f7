/**
 * Everything the CLI prints passes through here. Values from the repository (ids, titles, owners, file
 * names) may hold control characters: an escape sequence can retitle or clear a terminal, a lone carriage
 * return can overwrite "3 errors" with "0 errors", bidirectional overrides can reorder what is shown.
 * Each such character is written as its `\uXXXX` escape instead: visible, inert, and inside a JSON string
 * the very same character, so every format stays valid. Tabs, line feeds and CRLF pairs pass unchanged.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

export function neutralizeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
