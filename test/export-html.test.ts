import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { computeSummary } from '../server/src/engine/summary';
import { escapeHtml, formatSummaryHtml } from '../server/src/report/summary-html';
import { hostileRepo, PAYLOADS } from './hostile-fixture';
import { CHECKS } from '../server/src/checks';

async function html(files: Record<string, string> | string): Promise<string> {
  const ws = typeof files === 'string' ? new DiskWorkspace(files) : new MemoryWorkspace(files);
  const { project } = await loadProject(ws, { checks: CHECKS, today: '2026-07-15' });
  return formatSummaryHtml(computeSummary(project), { version: '0.1.0' });
}

/** Tags outside the single style block; anything not listed means markup leaked in from a value. */
const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'footer', 'section', 'h1', 'h2', 'h3', 'div', 'span', 'small', 'strong', 'p', 'ul', 'li', 'code', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td']);
function tagNames(page: string): string[] {
  return [...page.replace(/<style>[\s\S]*?<\/style>/, '').matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());
}

test('the HTML summary is self-contained: no script, no URL, only known tags', async () => {
  const page = await html(join(__dirname, '..', 'examples', 'acme-saas'));
  assert.equal(/<script/i.test(page), false);
  assert.equal(/https?:\/\//i.test(page), false);
  assert.equal(/\bsrc=|\bhref=|@import|url\(/i.test(page), false);
  assert.deepEqual([...new Set(tagNames(page))].filter((t) => !TAGS.has(t)), []);
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
  // the sections a lead sends the auditor
  for (const heading of ['Coverage by category', 'Criteria in scope', 'Gaps, most urgent first', 'Risks', 'Evidence of implemented controls', 'Findings', 'Owners']) assert.ok(page.includes(`<h2>${heading}</h2>`), heading);
  // heat map: R-03 is likelihood 4 × impact 4, alone in its cell, coloured as severe
  assert.match(page, /<td class="h4" title="likelihood 4, impact 4&#58; 1 risk\(s\)">1<\/td>/);
  assert.match(page, /<div class="cell gap" title="[^"]*">CC9\.2<small>|<div class="cell partial" title="[^"]*">CC9\.2<small>/);
});

test('a repo full of <script> and onerror= payloads renders inert, with every value escaped not dropped', async () => {
  const page = await html(hostileRepo());
  assert.equal(/<script/i.test(page), false);
  assert.equal(/onerror=|onload=/i.test(page), false);
  assert.equal(/https?:\/\//i.test(page), false);
  assert.equal(/javascript:/i.test(page), false);
  assert.deepEqual([...new Set(tagNames(page))].filter((t) => !TAGS.has(t)), []);
  for (const [name, p] of Object.entries(PAYLOADS)) {
    assert.equal(page.includes(p), false, `${name} appears raw`);
    assert.ok(page.includes(escapeHtml(p)), `${name} is shown escaped`);
  }
});

test('escapeHtml leaves no character that can open a tag, attribute, URL or entity', () => {
  assert.equal(escapeHtml(`<a href="https://x">'&\`=`), '&#60;a href&#61;&#34;https&#58;&#47;&#47;x&#34;&#62;&#39;&#38;&#96;&#61;');
  assert.equal(escapeHtml('CC6.1 Dana Lee'), 'CC6.1 Dana Lee');
  assert.equal(escapeHtml(undefined), '');
});
