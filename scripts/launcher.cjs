'use strict';
// The launcher in front of a bundle (dist/cli.js, dist/server.js). scripts/build.mjs writes it from this
// template, filling in the bundle, the build's hash and whether to keep a code cache. It starts the bundle as
// fast as the runtime allows:
//  - Node >= 22.1 has a compile cache (`module.enableCompileCache`): turned on in Node's default place
//    (NODE_COMPILE_CACHE, else the OS temp folder), never in the compliance repo;
//  - on older Node, the CLI keeps V8's code cache of its bundle itself, as that cache would: compiling the
//    1 MB bundle and its functions is about a fifth of a small repo's `soc2 check`. The cache is a private
//    file of the user (~/.cache/soc2-as-code, 0700 folder, 0600 file); a file not owned by the user, or
//    writable by others, is never used, since its bytecode would be run. V8 itself refuses a cache made by
//    another V8 or for another source. SOC2_CODE_CACHE=0 turns it off; SOC2_CODE_CACHE_DIR moves it.
// Anything that fails on the way only costs the speed-up: the bundle is then required as usual.
const bundle = require('node:path').join(__dirname, '__BUNDLE__');
const CODE_CACHE = __CODE_CACHE__;
const BUILD = '__BUILD__';

function codeCacheDir(path, env) {
  if (env.SOC2_CODE_CACHE_DIR) return env.SOC2_CODE_CACHE_DIR;
  return path.join(env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache'), 'soc2-as-code');
}

/**
 * Ours and private: owned by this user and writable by no one else. Windows has no owner or mode bits to ask
 * (stat says 0o666 for every file); there the user's profile folder, which holds the cache, is private by its ACL.
 */
function isPrivate(stat) {
  if (process.platform === 'win32') return true;
  return (typeof process.getuid !== 'function' || stat.uid === process.getuid()) && (stat.mode & 0o022) === 0;
}

/** Compiles the bundle with its code cache; returns the function that runs it, or undefined to require it instead. */
function compileWithCodeCache() {
  const fs = require('node:fs'), path = require('node:path'), vm = require('node:vm');
  const dir = codeCacheDir(path, process.env);
  const prefix = `${path.basename(bundle, '.js')}-`;
  const file = path.join(dir, `${prefix}${BUILD}-${process.version}-${process.arch}.v8`);
  let cached;
  try {
    const fd = fs.openSync(file, 'r');
    try { if (isPrivate(fs.fstatSync(fd))) cached = fs.readFileSync(fd); } finally { fs.closeSync(fd); }
  } catch { /* no cache yet */ }
  const source = fs.readFileSync(bundle, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData: cached });
  const wrapped = script.runInThisContext();
  const save = () => {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (!isPrivate(fs.statSync(dir))) return;
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(temp, file);
      // Caches of other builds or runtimes of this bundle are dead weight.
      for (const name of fs.readdirSync(dir)) if (name.startsWith(prefix) && name.endsWith('.v8') && path.join(dir, name) !== file) fs.rmSync(path.join(dir, name), { force: true });
    } catch { /* unwritable: the next run compiles again */ }
  };
  return () => {
    // Written at exit, when the functions the run used are compiled and can be cached with the rest.
    if (!cached || script.cachedDataRejected) process.once('exit', save);
    const mod = { exports: {}, id: '.', filename: bundle, loaded: false };
    wrapped.call(mod.exports, mod.exports, require('node:module').createRequire(bundle), mod, bundle, path.dirname(bundle));
  };
}

let run;
try {
  const nodeModule = require('node:module');
  if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
  else if (CODE_CACHE && process.env.SOC2_CODE_CACHE !== '0') run = compileWithCodeCache();
} catch { /* no cache: only slower */ }
if (run) run(); else require(bundle);
