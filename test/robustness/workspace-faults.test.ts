/**
 * What a real disk does to a checker: a 50 MB file, symbolic link loops, files that vanish between
 * listing and reading, permissions, and a soc2.yaml that cannot be used. Each ends in a diagnostic on
 * the file (or a listing problem), never in an exception, and never hides the other files' findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { baseRepo, edit } from '../helpers';
import { DiskWorkspace } from '../../server/src/engine/disk-workspace';
import type { ListResult } from '../../server/src/engine/workspace';
import { aliasBomb, at, DEEP_YAML, diagnoseWorkspace, FaultyWorkspace, memory, ofFile } from './support';

/** Writes files into a fresh temp dir; returns its path. */
function onDisk(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'soc2-faults-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

test('a 50 MB file is skipped with file-too-large, without being read', async (t) => {
  const dir = onDisk({ ...baseRepo(), 'controls/huge.yaml': Buffer.alloc(50 * 1024 * 1024, 'a: b\n'), 'policies/huge.md': Buffer.alloc(50 * 1024 * 1024, '# x\n') });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const ws = new FaultyWorkspace(new DiskWorkspace(dir), {});
  const started = performance.now();
  const { diagnostics } = await diagnoseWorkspace(ws);
  assert.ok(performance.now() - started < 2000);
  for (const f of ['controls/huge.yaml', 'policies/huge.md']) {
    assert.deepEqual(ofFile(diagnostics, f).map(at), [`${f}:1:1 file-too-large`]);
    assert.match(ofFile(diagnostics, f)[0].message, /52,428,800 bytes, over the limit of 5,242,880 \(limits\.max_file_bytes in soc2\.yaml\)/);
    assert.equal(ws.reads.includes(f), false, `${f} was read`);
  }
  assert.ok(ws.reads.includes('controls/access.yaml'), 'the other files are read and checked');
});

test('limits.max_file_bytes is configurable, and applies to text given by the editor too', async () => {
  const files: Record<string, string> = { ...baseRepo(), 'soc2.yaml': `${baseRepo()['soc2.yaml']}limits:\n  max_file_bytes: 400\n` };
  const { diagnostics, project } = await diagnoseWorkspace(memory(files));
  assert.deepEqual(diagnostics.filter((d) => d.code === 'file-too-large').map(at), ['policies/access.md:1:1 file-too-large']);
  assert.match(ofFile(diagnostics, 'policies/access.md')[0].message, /over the limit of 400/);
  project.setFile('controls/access.yaml', files['controls/access.yaml'] + '#'.repeat(500), 2, [], { markdown: 'remark' });
  assert.deepEqual(project.diagnosticsFor('controls/access.yaml').map(at), ['controls/access.yaml:1:1 file-too-large']);
});

test('a soc2.yaml whose own size is over its limits.max_file_bytes is still read, every time (found by the fuzzer)', async () => {
  const config = `${baseRepo()['soc2.yaml']}limits:\n  max_file_bytes: 100\n`;
  const files: Record<string, string> = { ...baseRepo(), 'soc2.yaml': config };
  const { project, diagnostics } = await diagnoseWorkspace(memory(files));
  assert.deepEqual(diagnostics.filter((d) => d.code === 'file-too-large').map(at), ['controls/access.yaml:1:1 file-too-large', 'policies/access.md:1:1 file-too-large']);
  // Saved again and again (the editor): the limit never turns soc2.yaml, and so itself, off.
  for (let i = 0; i < 3; i++) {
    const { rolesChanged } = project.setFile('soc2.yaml', config, i + 2);
    assert.equal(rolesChanged, false);
    assert.deepEqual(project.diagnosticsFor('soc2.yaml').filter((d) => d.code === 'file-too-large'), []);
    assert.equal(project.config.maxFileBytes, 100);
  }
  // A new limit changes which files are read: the caller is told to re-list, as for new paths.
  assert.equal(project.setFile('soc2.yaml', baseRepo()['soc2.yaml'], 9).rolesChanged, true);
});

test('unusable path patterns in soc2.yaml are ignored with a diagnostic, never thrown', async () => {
  const patterns: Record<string, string> = { empty: '""', blank: '"   "', 'only ./': '"./"', 'too long': JSON.stringify(`policies/${'*'.repeat(70_000)}.md`) };
  for (const [name, bad] of Object.entries(patterns)) {
    const config = `${baseRepo()['soc2.yaml']}paths:\n  policies: [${bad}, "policies/**/*.md"]\n  controls: [${bad}]\n`;
    const { diagnostics, project } = await diagnoseWorkspace(memory({ ...baseRepo(), 'soc2.yaml': config }));
    assert.ok(ofFile(diagnostics, 'soc2.yaml').some((d) => /path pattern cannot be used/.test(d.message)), `${name}: ${JSON.stringify(ofFile(diagnostics, 'soc2.yaml').map(at))}`);
    assert.equal(project.file('policies/access.md')?.policy?.id, 'POL-AC', name);
    assert.deepEqual(project.file('controls/access.yaml')?.controls.map((c) => c.id), ['AC-01'], `${name}: the default controls pattern is used`);
  }
});

// The CLI lists and reads with blocking calls (oneShot), the server with async ones: both must agree.
for (const oneShot of [false, true]) {
  const mode = oneShot ? ' (blocking reads, as the CLI)' : '';
  test(`symbolic link loops, self links and dangling links: listing ends, and says what it skipped${mode}`, async (t) => {
    const dir = onDisk(baseRepo());
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    symlinkSync('..', path.join(dir, 'controls', 'parent'));            // a folder loop
    symlinkSync('.', path.join(dir, 'policies', 'again'));              // another
    symlinkSync('self.yaml', path.join(dir, 'controls', 'self.yaml'));  // ELOOP
    symlinkSync('nowhere.yaml', path.join(dir, 'controls', 'dangling.yaml'));
    symlinkSync('access.yaml', path.join(dir, 'controls', 'alias.yaml')); // a link to a file is read like the file
    const ws = new DiskWorkspace(dir, { oneShot });
    const listed = await ws.list();
    assert.deepEqual(listed.files.filter((f) => !f.startsWith('evidence/')), ['controls/access.yaml', 'controls/alias.yaml', 'policies/access.md', 'soc2.yaml']);
    assert.deepEqual(listed.problems.map((p) => `${p.path} ${p.reason}`).sort(), ['controls/dangling.yaml ENOENT', 'controls/self.yaml ELOOP']);
    const { diagnostics } = await diagnoseWorkspace(ws);
    assert.ok(diagnostics.some((d) => d.file === 'controls/alias.yaml' && d.code === 'duplicate-id'), 'the linked copy is checked like a file');
  });
}

test('a file deleted between listing and reading drops out quietly; the rest still checks', async () => {
  const files = { ...baseRepo(), 'controls/gone.yaml': 'id: GN-01\n' };
  const ws = new FaultyWorkspace(memory(files), { 'controls/gone.yaml': 'ENOENT' });
  const { diagnostics, project } = await diagnoseWorkspace(ws);
  assert.equal(project.file('controls/gone.yaml'), undefined);
  assert.deepEqual(ofFile(diagnostics, 'controls/gone.yaml'), []);
  assert.deepEqual(project.file('controls/access.yaml')?.controls.map((c) => c.id), ['AC-01']);
});

// The CLI lists and reads with blocking calls (oneShot), the server with async ones: both must agree.
for (const oneShot of [false, true]) {
  const mode = oneShot ? ' (blocking reads, as the CLI)' : '';
  test(`the same race on a real disk: the file is unlinked right after the listing${mode}`, async (t) => {
    const dir = onDisk({ ...baseRepo(), 'controls/gone.yaml': 'id: GN-01\n' });
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const disk = new DiskWorkspace(dir, { oneShot });
    const racing = Object.assign(Object.create(disk) as DiskWorkspace, {
      async list(): Promise<ListResult> { const l = await disk.list(); unlinkSync(path.join(dir, 'controls/gone.yaml')); return l; },
    });
    const { diagnostics, project } = await diagnoseWorkspace(racing);
    assert.equal(project.file('controls/gone.yaml'), undefined);
    assert.ok(diagnostics.every((d) => d.file !== 'controls/gone.yaml'));
  });
}

test('unreadable files (EACCES, EIO): file-unreadable on each, the rest still checks', async () => {
  const files = { ...baseRepo(), 'controls/secret.yaml': 'id: SC-01\n', 'policies/secret.md': '---\nid: POL-S\n---\n' };
  const ws = new FaultyWorkspace(memory(files), { 'controls/secret.yaml': 'EACCES', 'policies/secret.md': 'EIO' });
  const { diagnostics, project } = await diagnoseWorkspace(ws);
  assert.deepEqual(ofFile(diagnostics, 'controls/secret.yaml').map((d) => `${at(d)} ${d.severity}: ${d.message}`), ['controls/secret.yaml:1:1 file-unreadable error: This file could not be read (permission denied).']);
  assert.match(ofFile(diagnostics, 'policies/secret.md')[0].message, /could not be read \(EIO: simulated failure/);
  assert.deepEqual(project.file('controls/access.yaml')?.controls.map((c) => c.id), ['AC-01']);
});

test('real permissions: chmod 000 gives file-unreadable', { skip: process.getuid?.() === 0 ? 'running as root, where chmod does not block reads (the EACCES case above simulates it)' : false }, async (t) => {
  const dir = onDisk({ ...baseRepo(), 'controls/secret.yaml': 'id: SC-01\n' });
  t.after(() => { chmodSync(path.join(dir, 'controls/secret.yaml'), 0o644); rmSync(dir, { recursive: true, force: true }); });
  chmodSync(path.join(dir, 'controls/secret.yaml'), 0o000);
  const { diagnostics } = await diagnoseWorkspace(new DiskWorkspace(dir));
  assert.deepEqual(ofFile(diagnostics, 'controls/secret.yaml').map((d) => d.message), ['This file could not be read (permission denied).']);
});

test('a broken soc2.yaml: a diagnostic on it says defaults are in use, and every other file still checks', async () => {
  const good = edit(baseRepo(), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.1, CC6.9]');
  const cases: Record<string, { files: Record<string, string | Uint8Array>; faults?: Record<string, 'EACCES'>; code: string }> = {
    'syntax error': { files: { ...good, 'soc2.yaml': 'organization: Acme\nscope:\n  categories: [security\n' }, code: 'yaml-syntax' },
    'not a mapping': { files: { ...good, 'soc2.yaml': '- security\n- availability\n' }, code: 'schema' },
    'empty': { files: { ...good, 'soc2.yaml': '' }, code: 'schema' },
    'binary': { files: { ...good, 'soc2.yaml': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]) }, code: 'file-unreadable' },
    'unreadable': { files: good, faults: { 'soc2.yaml': 'EACCES' }, code: 'file-unreadable' },
    'too large': { files: { ...good, 'soc2.yaml': `organization: X\n${'#'.repeat(6 * 1024 * 1024)}\n` }, code: 'file-too-large' },
    'alias bomb': { files: { ...good, 'soc2.yaml': `organization: X\n${aliasBomb()}\n` }, code: 'yaml-syntax' },
    'deep nesting': { files: { ...good, 'soc2.yaml': DEEP_YAML['compact block sequences'] }, code: 'yaml-syntax' },
    // Found by the long fuzz run: a truncated list left an empty pattern, and the glob library threw.
    'cut off in a path list': { files: { ...good, 'soc2.yaml': 'organization: X\npaths:\n  policies: ["policies/**/*.md"]\n  controls: ["' }, code: 'yaml-syntax' },
  };
  for (const [name, c] of Object.entries(cases)) {
    const { diagnostics, project } = await diagnoseWorkspace(new FaultyWorkspace(memory(c.files), c.faults ?? {}));
    const mine = ofFile(diagnostics, 'soc2.yaml').filter((d) => d.code === c.code);
    assert.ok(mine.length, `${name}: ${JSON.stringify(ofFile(diagnostics, 'soc2.yaml').map(at))}`);
    assert.match(mine.map((d) => d.message).join('\n'), /default/, `${name}: ${mine[0].message}`);
    assert.ok(diagnostics.some((d) => d.file === 'controls/access.yaml' && d.code === 'unknown-criterion'), `${name}: controls still checked`);
    assert.equal(project.file('policies/access.md')?.policy?.id, 'POL-AC', `${name}: policies still read`);
  }
});
