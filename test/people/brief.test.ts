import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { CHECKS } from '../../server/src/checks';
import { allOwners, ownerBrief } from '../../server/src/people/brief';
import { briefHtml, briefMarkdown } from '../../server/src/report/brief-output';
import { runCli } from '../../server/src/cli/main';
import { hostileRepo, PAYLOADS } from '../hostile-fixture';
import { baseRepo, TODAY } from '../helpers';
import { peopleRepo } from '../people-helpers';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'acme-saas');
const temps: string[] = [];
after(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });

async function project(files: Record<string, string>) {
  return (await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY })).project;
}

test('a briefing lists the owner\'s controls with frequency, criteria, evidence, the auditor\'s ask and open findings', async () => {
  const p = await project({ ...peopleRepo(), 'evidence/access/2026-07-02-review.md': 'x' });
  const b = ownerBrief(p, 'Bob Lee', p.allDiagnostics());
  assert.equal(b.owner, 'Bob Lee <bob@example.com>');
  assert.deepEqual(b.controls.map((c) => [c.control.id, c.criteria.map((k) => k.id), c.expectedEvidence, c.newestEvidence?.date, c.auditorAsks]), [
    ['AC-01', ['CC6.1'], ['Sign-off, under evidence/access'], '2026-07-02', 'the records of sampled quarters (often 2), with who signed off'],
  ]);
  const md = briefMarkdown(b, TODAY);
  assert.match(md, /^### AC-01: Quarterly access review$/m);
  assert.match(md, /^- \*\*Runs:\*\* quarterly · \*\*Status:\*\* implemented$/m);
  // This quarter's evidence is in, so the next collection (2026-12-31) is beyond the 90 days.
  assert.match(md, /^## Your tasks for the next 90 days \(0\)\n\nNone\.$/m);
  const without = await project(peopleRepo());
  assert.match(briefMarkdown(ownerBrief(without, 'bob', without.allDiagnostics()), TODAY), /^## Your tasks for the next 90 days \(1\)\n\n- 2026-09-30: Collect evidence for AC-01/m);
  // alice owns the policy, and only that.
  const a = ownerBrief(p, 'alice', p.allDiagnostics());
  assert.deepEqual([a.controls.length, a.policies.map((x) => x.id), a.risks.length], [0, ['POL-AC'], 0]);
  assert.deepEqual(allOwners(p), ['alice@example.com', 'bob@example.com']);
});

test('open findings of the control are in its briefing', async () => {
  const files = baseRepo();
  delete files['evidence/access/2026-03-30-review.md'];
  const p = await project(files);
  const b = ownerBrief(p, 'bob@example.com', p.allDiagnostics());
  assert.deepEqual(b.controls[0].findings.map((d) => d.code), ['evidence-gap']);
});

test('the HTML briefing escapes every value: the XSS payloads stay text', async () => {
  const p = await project(hostileRepo());
  for (const who of allOwners(p)) {
    const html = briefHtml(ownerBrief(p, who, p.allDiagnostics()), TODAY);
    assert.doesNotMatch(html, /<script|<img|<svg|onerror=|onload=|javascript:|https:\/\/evil/i, who);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  }
  const html = briefHtml(ownerBrief(p, PAYLOADS.url, p.allDiagnostics()), TODAY);
  assert.match(html, /&#60;script&#62;alert\(1\)&#60;&#47;script&#62;/);
});

test('soc2 brief --all writes one file per owner and never overwrites', async () => {
  const out = mkdtempSync(join(tmpdir(), 'soc2-brief-'));
  temps.push(out);
  let stdout = '';
  const io = { stdout: (s: string) => { stdout += s; }, stderr: () => {}, cwd: out, today: () => '2026-07-15' };
  assert.equal(await runCli(['brief', EXAMPLE, '--all', '--out', out, '--format', 'html'], io), 0);
  const files = readdirSync(out).sort();
  assert.equal(files.length, 10);
  assert.ok(files.includes('brief-leo.martins@acme.example.html'));
  assert.match(readFileSync(join(out, 'brief-leo.martins@acme.example.html'), 'utf8'), /owner of control LM-02, Leo Martins &#60;leo\.martins@acme\.example&#62;, left on 2026-03-13/);
  stdout = '';
  assert.equal(await runCli(['brief', EXAMPLE, '--all', '--out', out], io), 0);
  assert.match(stdout, /^0 briefings written, 0 skipped\.$|briefings written/m);
  assert.equal(await runCli(['brief', EXAMPLE], io), 2);
});
