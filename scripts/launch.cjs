#!/usr/bin/env node
// Runs a compiled entry point (`node scripts/launch.cjs src/main.js [args…]`), compiling first only when the
// sources changed since the last build, so that a start or a token costs no compilation when nothing changed
// and a stale dist/ is never run. `node scripts/launch.cjs build` compiles (incrementally) and records what it
// compiled; `build --if-available` does nothing where TypeScript is not installed (an install without dev
// dependencies, which must bring its own dist/).
//
// Plain JavaScript on purpose: it has to run before anything is compiled.
'use strict';

const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP_NAME = '.sources.sha256';
const STAMP = path.join(DIST, STAMP_NAME);
// Everything tsconfig.build.json compiles, the compiler options, and the lock file: the emitted decorator
// metadata depends on the installed packages' types.
const SOURCE_DIRS = ['src', 'migrations', 'bench'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function listFiles(dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else if (entry.isFile() && !entry.name.endsWith('.test.ts')) out.push(full);
  }
}

/** A digest of the names and contents of every compiled input: contents, not times, so a copy or checkout with old times is seen. */
function sourceDigest(root = ROOT) {
  const files = [];
  for (const dir of SOURCE_DIRS) listFiles(path.join(root, dir), files);
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) files.push(full);
  }
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function recordedDigest(root = ROOT) {
  try {
    return fs.readFileSync(path.join(root, 'dist', STAMP_NAME), 'utf8').trim();
  } catch {
    return null;
  }
}

function typescriptCompiler() {
  try {
    return require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  } catch {
    return null;
  }
}

/** Compiles with tsc (incremental: tsconfig.build.json keeps its build info in dist/) and records the digest compiled. */
function build(digest) {
  const tsc = typescriptCompiler();
  if (!tsc) throw new Error('dist/ is missing or older than the sources, and TypeScript is not installed to compile them (npm install)');
  // Removed first: an interrupted build must not leave a digest that claims the new sources are compiled.
  fs.rmSync(STAMP, { force: true });
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  fs.writeFileSync(STAMP, `${digest}\n`);
}

function main() {
  const [target, ...rest] = process.argv.slice(2);
  if (!target) throw new Error('usage: launch.cjs build [--if-available] | launch.cjs <file under dist/, e.g. src/main.js> [args…]');
  if (target === 'build') {
    if (rest.includes('--if-available') && !typescriptCompiler()) return;
    build(sourceDigest());
    return;
  }
  const entry = path.join(DIST, target);
  const digest = sourceDigest();
  if (digest !== recordedDigest() || !fs.existsSync(entry)) {
    process.stderr.write('compiling the changed sources…\n');
    build(digest);
  }
  // Run in this process, with the arguments the entry expects: [node, entry, …args].
  process.argv.splice(1, 2, entry);
  require(entry);
}

/** True when dist/ under `root` was compiled from the sources as they are now. */
function distIsCurrent(root = ROOT) {
  return sourceDigest(root) === recordedDigest(root);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    // A failed compilation has said why already (its exit status is set); anything else gets its stack.
    const failedCompile = err && typeof err.status === 'number';
    process.stderr.write(`${failedCompile ? 'compilation failed' : (err && err.stack) || String(err)}\n`);
    process.exit(failedCompile ? err.status : 1);
  }
}

module.exports = { sourceDigest, distIsCurrent, STAMP_NAME };
