/**
 * Preloaded (`node --require` or NODE_OPTIONS) into the CLI and the language server by
 * test/robustness/no-network.test.ts. It replaces every way a Node program reaches the network or
 * starts a program (sockets, TLS, HTTP, fetch, DNS, UDP, child processes) with a function that records
 * the attempt (one JSON line per attempt in $SOC2_GUARD_LOG) and throws. The one exception is `git`,
 * started with an argument array (never a shell), and only when $SOC2_GUARD_ALLOW_GIT is "1"; it is
 * recorded too. Standard input and output (the LSP pipe) are not opened by `connect`, so they work.
 */
'use strict';
const fs = require('node:fs');

const LOG = process.env.SOC2_GUARD_LOG;
const ALLOW_GIT = process.env.SOC2_GUARD_ALLOW_GIT === '1';

function describe(v) {
  try { return typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'function' ? '[function]' : x)); } catch { return String(v); }
}
function record(kind, detail) {
  if (LOG) fs.appendFileSync(LOG, JSON.stringify({ pid: process.pid, kind, ...detail }) + '\n');
}
function refuse(kind, detail) {
  record(kind, { ...detail, refused: true });
  const err = new Error(`no-network-preload: ${kind} is not allowed (${describe(detail)})`);
  err.code = 'EACCES';
  throw err;
}

// ---- network ----------------------------------------------------------------------------------
const net = require('node:net');
net.Socket.prototype.connect = function connect(...args) { return refuse('net.Socket.connect', { target: describe(args[0]) }); };
net.connect = net.createConnection = (...args) => refuse('net.connect', { target: describe(args[0]) });
net.Server.prototype.listen = function listen(...args) { return refuse('net.Server.listen', { target: describe(args[0]) }); };
const tls = require('node:tls');
tls.connect = (...args) => refuse('tls.connect', { target: describe(args[0]) });
for (const name of ['http', 'https', 'http2']) {
  const m = require(`node:${name}`);
  if (m.request) m.request = (...args) => refuse(`${name}.request`, { target: describe(args[0]) });
  if (m.get) m.get = (...args) => refuse(`${name}.get`, { target: describe(args[0]) });
  if (m.connect) m.connect = (...args) => refuse(`${name}.connect`, { target: describe(args[0]) });
}
globalThis.fetch = (...args) => refuse('fetch', { target: describe(args[0]) });
if (globalThis.WebSocket) globalThis.WebSocket = function WebSocket(url) { refuse('WebSocket', { target: describe(url) }); };
const dns = require('node:dns');
for (const k of Object.keys(dns)) {
  if (/^(lookup|lookupService|resolve\w*|reverse)$/.test(k)) dns[k] = (...args) => refuse(`dns.${k}`, { target: describe(args[0]) });
}
for (const k of Object.keys(dns.promises)) {
  if (/^(lookup|lookupService|resolve\w*|reverse)$/.test(k)) dns.promises[k] = async (...args) => refuse(`dns.promises.${k}`, { target: describe(args[0]) });
}
const dgram = require('node:dgram');
dgram.createSocket = (...args) => refuse('dgram.createSocket', { target: describe(args[0]) });

// ---- programs ---------------------------------------------------------------------------------
const cp = require('node:child_process');
for (const k of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const original = cp[k];
  cp[k] = function guarded(file, args, ...rest) {
    const argv = Array.isArray(args) ? args.map(String) : undefined;
    const git = file === 'git' && argv !== undefined && !/^exec(Sync)?$/.test(k);
    const options = Array.isArray(args) ? rest[0] : args;
    const shell = !!(options && typeof options === 'object' && options.shell);
    if (git && ALLOW_GIT && !shell) {
      record(`child_process.${k}`, { file, args: argv, allowed: true });
      return original.call(this, file, args, ...rest);
    }
    return refuse(`child_process.${k}`, { file: describe(file), args: argv, shell });
  };
}
