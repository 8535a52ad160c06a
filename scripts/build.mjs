// npm run build: ESM + .d.ts (dist/esm), CommonJS + .d.ts (dist/cjs, marked by its own
// {"type":"commonjs"} package.json so Node and TypeScript read it as CommonJS), and webpack's UMD +
// ESM browser bundles of the root entry (dist/bundles), all with rxjs external. Declarations leave
// out members tagged @internal (stripInternal). Ends by checking that every promised file is there.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const webpack = require.resolve('webpack/bin/webpack.js');

/** Runs `node <file> ...args` in the repo root; resolves when it exits 0. */
function node(label, file, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`))));
  });
}

const started = performance.now();
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

// The three compilations are independent: run them side by side, and report every failure.
const failures = (
  await Promise.allSettled([
    node('tsc -p tsconfig.build.json (esm)', tsc, ['-p', 'tsconfig.build.json']),
    node('tsc -p tsconfig.cjs.json (cjs)', tsc, ['-p', 'tsconfig.cjs.json']),
    node('webpack', webpack, ['--config', 'webpack.config.js', '--stats', 'errors-warnings']),
  ])
).filter((result) => result.status === 'rejected');
if (failures.length > 0) {
  console.error(`build failed: ${failures.map((failure) => failure.reason.message).join('; ')}`);
  process.exit(1);
}

mkdirSync(path.join(dist, 'cjs'), { recursive: true });
writeFileSync(path.join(dist, 'cjs/package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
writeFileSync(path.join(dist, 'esm/package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');

// Check the result, so a broken build fails here rather than in a user's project.
const problems = [];
for (const file of [
  'esm/index.js',
  'esm/index.d.ts',
  'esm/operators/index.js',
  'esm/operators/index.d.ts',
  'cjs/index.js',
  'cjs/index.d.ts',
  'cjs/operators/index.js',
  'cjs/package.json',
  'bundles/rxipc.umd.min.cjs',
  'bundles/rxipc.esm.min.js',
]) {
  if (!existsSync(path.join(dist, file))) problems.push(`missing dist/${file}`);
}
for (const file of walk(dist)) {
  if (file.endsWith('.d.ts') && readFileSync(file, 'utf8').includes('@internal')) {
    problems.push(`${path.relative(root, file)} still declares an @internal member`);
  }
}
const esmBundle = read('bundles/rxipc.esm.min.js');
const umdBundle = read('bundles/rxipc.umd.min.cjs');
if (esmBundle !== undefined && !/from\s*["']rxjs["']/.test(esmBundle)) problems.push('the ESM bundle does not import rxjs');
if (umdBundle !== undefined && !/require\(["']rxjs["']\)/.test(umdBundle)) problems.push('the UMD bundle does not require rxjs');
for (const [name, text] of [
  ['ESM', esmBundle],
  ['UMD', umdBundle],
]) {
  // A message only rxjs's own Subject code contains: rxjs was bundled instead of left external.
  if (text !== undefined && text.includes('object unsubscribed')) problems.push(`the ${name} bundle contains rxjs`);
}
if (problems.length > 0) {
  console.error(`build: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`built dist/esm, dist/cjs, dist/bundles in ${((performance.now() - started) / 1000).toFixed(1)} s`);

function read(file) {
  const full = path.join(dist, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}
