/**
 * Stylesheet of the readiness webview. Only VS Code theme variables (with fallbacks), no fonts,
 * images or URLs, so the page needs nothing beyond its nonce'd style element.
 */
export const SUMMARY_CSS = `
:root {
  --ok: var(--vscode-testing-iconPassed, #73c991);
  --warn: var(--vscode-editorWarning-foreground, #cca700);
  --bad: var(--vscode-editorError-foreground, #f14c4c);
  --off: var(--vscode-disabledForeground, #888888);
  --line: var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
  --muted: var(--vscode-descriptionForeground, #999999);
}
body {
  font-family: var(--vscode-font-family);
  font-size: var(--vscode-font-size);
  color: var(--vscode-foreground);
  background: var(--vscode-editor-background);
  padding: 0 20px 40px;
  line-height: 1.45;
}
h1 { font-size: 1.5em; margin: 0.6em 0 0.2em; font-weight: 600; }
h2 { font-size: 1.15em; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid var(--line); font-weight: 600; }
h3 { font-size: 1em; margin: 1em 0 0.4em; font-weight: 600; }
.root + .root { margin-top: 3em; border-top: 2px solid var(--line); }
.meta, .muted { color: var(--muted); }
.readiness { display: flex; align-items: baseline; gap: 0.6em; flex-wrap: wrap; margin: 0.6em 0; }
.pct { font-size: 2.4em; font-weight: 700; line-height: 1; }
.notice { padding: 0.6em 0.9em; border-left: 3px solid var(--warn); background: var(--vscode-textBlockQuote-background, transparent); }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 0.25em 0.9em 0.25em 0; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
svg.bar { width: 220px; height: 12px; display: block; margin-top: 0.3em; border-radius: 2px; background: var(--line); }
svg.bar rect.covered, .legend .st-covered::before { fill: var(--ok); background: var(--ok); }
svg.bar rect.partial, .legend .st-partial::before { fill: var(--warn); background: var(--warn); }
svg.bar rect.gap, .legend .st-gap::before { fill: var(--bad); background: var(--bad); }
svg.bar rect.excluded, .legend .st-excluded::before { fill: var(--off); background: var(--off); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(7.5em, 1fr)); gap: 6px; }
.cell {
  display: flex; gap: 0.4em; align-items: center; justify-content: flex-start;
  padding: 0.45em 0.6em; border: 1px solid var(--line); border-left-width: 5px; border-radius: 3px;
  color: var(--vscode-foreground); background: transparent; font: inherit; text-align: left; cursor: pointer;
}
.cell:hover { background: var(--vscode-list-hoverBackground, rgba(128, 128, 128, 0.15)); }
.cell.st-covered { border-left-color: var(--ok); background: color-mix(in srgb, var(--ok) 14%, transparent); }
.cell.st-partial { border-left-color: var(--warn); background: color-mix(in srgb, var(--warn) 14%, transparent); }
.cell.st-gap { border-left-color: var(--bad); background: color-mix(in srgb, var(--bad) 16%, transparent); }
.cell.st-excluded { border-left-color: var(--off); color: var(--muted); }
.mark { width: 1em; display: inline-block; text-align: center; }
.legend { display: flex; gap: 1.2em; flex-wrap: wrap; margin: 0.4em 0 0.8em; color: var(--muted); }
.legend span::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.35em; border-radius: 2px; vertical-align: -0.05em; }
button.link {
  background: none; border: none; padding: 0; font: inherit; cursor: pointer;
  color: var(--vscode-textLink-foreground, #3794ff); text-align: left;
}
button.link:hover { text-decoration: underline; color: var(--vscode-textLink-activeForeground, #3794ff); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder, #007fd4); outline-offset: 1px; }
ul.findings, ol.gaps { padding-left: 1.4em; margin: 0.3em 0; }
ul.findings li, ol.gaps li { margin: 0.25em 0; }
.sev { display: inline-block; min-width: 4.5em; font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.03em; }
.sev-error { color: var(--bad); }
.sev-warning { color: var(--warn); }
.sev-info, .sev-hint { color: var(--muted); }
.code { color: var(--muted); font-family: var(--vscode-editor-font-family, monospace); font-size: 0.9em; }
.status-gap { color: var(--bad); }
.status-ok { color: var(--ok); }
.status-partial { color: var(--warn); }
`;
