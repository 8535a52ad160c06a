// npm run test:package: proves rxipc works AS PUBLISHED. Builds, packs the tarball, installs it (with
// rxjs) into a fresh project in os.tmpdir(), and uses it the ways a user would:
//   - Node ESM (`import ... from 'rxipc'`) and Node CommonJS (`require('rxipc')`): send/on, reply,
//     invoke, sendSync, sendToHost, channel + operators from 'rxipc/operators', close;
//   - every other subpath present in dist (rxipc/testing, rxipc/transports/*, ...), imported and
//     required, must export at least one function;
//   - the UMD and ESM bundles from Node;
//   - a webpack bundle of a browser entry, and the UMD bundle after rxjs's UMD (global `rxipc`),
//     both in headless Chromium (file:// page; results written into the DOM and read with --dump-dom);
//   - TypeScript consumers of the published .d.ts with skipLibCheck: false: Node without the DOM
//     lib (ESM + CJS, plus the type tests of spec/types), a CommonJS project on module node16, a
//     browser project without @types/node, and every subpath together.
// The shared runtime checks live in spec/package/checks.js. Prints one line per check, then
// "N passed, N failed"; exits 1 on any failure.
//   node scripts/test-package.mjs [--no-build] [--keep]   (--keep leaves the temp project for a look)
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChrome } from './chrome-bin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const keep = argv.includes('--keep');
const started = performance.now();
const results = [];

/* Reporting */

function record(name, ok, detail) {
  results.push({ name, ok });
  const text = detail ? String(detail).trim().split('\n').slice(0, 6).join('\n         ') : '';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && text ? `\n         ${text}` : ''}`);
}

/** Runs one named check; a thrown error fails it. Returns fn's result (true if none), or undefined on failure. */
async function check(name, fn) {
  const at = () => ` [${((performance.now() - started) / 1000).toFixed(1)} s]`;
  try {
    const value = await fn();
    record(name + at(), true);
    return value ?? true;
  } catch (error) {
    record(name + at(), false, error instanceof Error ? error.message : error);
    return undefined;
  }
}

function finish() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\ntest:package took ${seconds} s`);
  console.log(`package: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

/* Processes */

/** Runs a command; resolves { stdout, stderr }, rejects with the output tail on failure or timeout. */
function run(file, args, { cwd = root, timeout = 60_000, env } = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, timeout, env: env ?? process.env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const why = error.killed ? `timed out after ${timeout / 1000} s (killed)` : `exit code ${error.code}`;
        const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n');
        reject(new Error(`${path.basename(file)} ${args.join(' ')}: ${why}\n${tail}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
const npm = (args, cwd) => run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, env: npmEnv, timeout: 120_000 });
const tscBin = require.resolve('typescript/bin/tsc');
const tsc = (project) => run(process.execPath, [tscBin, '-p', project], { timeout: 120_000 });

/* The package */

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const versionOf = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;

/** Bare module names imported by the built ESM files (node: builtins excluded), with one importer each. */
function bareImports(dir) {
  const ts = require('typescript');
  const found = new Map();
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) {
        // preProcessFile reads real import/export/import() statements and skips comments (doc examples).
        for (const { fileName: spec } of ts.preProcessFile(readFileSync(full, 'utf8'), true, true).importedFiles) {
          if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
          if (!found.has(name)) found.set(name, path.relative(root, full));
        }
      }
    }
  };
  walk(dir);
  return found;
}

/** Subpaths ('rxipc', 'rxipc/operators', 'rxipc/transports/x', ...) whose files exist in `dist`. */
function builtSubpaths(packageDir) {
  const out = [];
  const skipped = [];
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (key === './package.json' || key.startsWith('./bundles')) continue;
    // A target is a path, { import: path, ... } or { import: { types, default: path }, ... }.
    const importTarget = typeof target === 'string' ? target : typeof target.import === 'string' ? target.import : target.import?.default;
    if (typeof importTarget !== 'string') {
      skipped.push(key);
      continue;
    }
    if (key.includes('*')) {
      const [before] = importTarget.split('*');
      const base = path.join(packageDir, before);
      if (!existsSync(base)) {
        skipped.push(key);
        continue;
      }
      for (const name of readdirSync(base).sort()) {
        if (existsSync(path.join(packageDir, importTarget.replace('*', name)))) out.push(`rxipc/${key.slice(2).replace('*', name)}`);
      }
    } else if (existsSync(path.join(packageDir, importTarget))) {
      out.push(key === '.' ? 'rxipc' : `rxipc/${key.slice(2)}`);
    } else {
      skipped.push(key);
    }
  }
  return { subpaths: out, skipped };
}

/* Consumer sources */

const checksSource = readFileSync(path.join(root, 'spec/package/checks.js'), 'utf8');

/** Node ESM consumer: root + operators checks, the bundles, and every subpath; prints JSON results. */
function esmConsumer(subpaths) {
  return `import * as rxipc from 'rxipc';
import * as operators from 'rxipc/operators';
import * as rxjs from 'rxjs';
import { createRequire } from 'node:module';

${checksSource}

const out = [];
const add = (group, items) => out.push(...items.map((item) => ({ ...item, name: group + ': ' + item.name })));
const resolved = import.meta.resolve('rxipc');
add('node esm', [{ name: "import 'rxipc' loads dist/esm", ok: resolved.endsWith('/dist/esm/index.js'), message: resolved }]);
add('node esm', await runChecks(rxipc, operators, rxjs));
${subpathLoop('import', subpaths)}
const umd = createRequire(import.meta.url)('rxipc/bundles/rxipc.umd.min.cjs');
add('node umd bundle', await runChecks(umd, umd, rxjs));
const esmBundle = await import('rxipc/bundles/rxipc.esm.min.js');
add('node esm bundle', await runChecks(esmBundle, esmBundle, rxjs));
console.log('RESULTS ' + JSON.stringify(out));
`;
}

/** Node CommonJS consumer: the same through require(). */
function cjsConsumer(subpaths) {
  return `'use strict';
const rxipc = require('rxipc');
const operators = require('rxipc/operators');
const rxjs = require('rxjs');
const path = require('node:path');

${checksSource}

(async () => {
  const out = [];
  const add = (group, items) => out.push(...items.map((item) => ({ ...item, name: group + ': ' + item.name })));
  const resolved = require.resolve('rxipc');
  add('node cjs', [{ name: "require('rxipc') loads dist/cjs", ok: resolved.endsWith(path.join('dist', 'cjs', 'index.js')), message: resolved }]);
  add('node cjs', await runChecks(rxipc, operators, rxjs));
  ${subpathLoop('require', subpaths)}
  console.log('RESULTS ' + JSON.stringify(out));
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}

function subpathLoop(how, subpaths) {
  const group = how === 'import' ? 'node esm' : 'node cjs';
  return `for (const spec of ${JSON.stringify(subpaths)}) {
  const name = ${how === 'import' ? '"import(\'" + spec + "\')"' : '"require(\'" + spec + "\')"'};
  try {
    const mod = ${how === 'import' ? 'await import(spec)' : 'require(spec)'};
    const functions = Object.keys(mod).filter((key) => typeof mod[key] === 'function');
    add('${group}', [{ name: name + ' exports ' + functions.length + ' function(s)', ok: functions.length > 0, message: 'exports: ' + (Object.keys(mod).join(', ') || 'nothing') }]);
  } catch (error) {
    add('${group}', [{ name, ok: false, message: String((error && error.stack) || error) }]);
  }
}`;
}

/** The webpack entry: what a browser app bundles (root, operators, and every browser-safe subpath). */
function browserEntry(browserSubpaths) {
  const imports = browserSubpaths.map((spec, i) => `import * as sub${i} from '${spec}';`).join('\n');
  const list = browserSubpaths.map((spec, i) => `['${spec}', sub${i}]`).join(', ');
  return `import * as rxipc from 'rxipc';
import * as operators from 'rxipc/operators';
import * as rxjs from 'rxjs';
${imports}

${checksSource}

const subpaths = [${list}].map(([spec, mod]) => {
  const functions = Object.keys(mod).filter((key) => typeof mod[key] === 'function');
  return { name: "import '" + spec + "' exports " + functions.length + ' function(s)', ok: functions.length > 0, message: 'exports: ' + Object.keys(mod).join(', ') };
});
runChecks(rxipc, operators, rxjs).then(
  (results) => window.report('webpack', results.concat(subpaths)),
  (error) => window.report('webpack', [{ name: 'runChecks', ok: false, message: String(error && error.stack || error) }]),
);
`;
}

/** Whether a built subpath's own folder imports Node builtins or `ws` (so it is not for browsers). */
function isNodeOnly(packageDir, spec) {
  const ts = require('typescript');
  const dir = path.join(packageDir, 'dist/esm', spec.slice('rxipc/'.length));
  const walk = (d) =>
    readdirSync(d, { withFileTypes: true }).some((entry) => {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) return walk(full);
      if (!entry.name.endsWith('.js')) return false;
      return ts
        .preProcessFile(readFileSync(full, 'utf8'), true, true)
        .importedFiles.some(({ fileName }) => fileName.startsWith('node:') || builtinModules.includes(fileName) || fileName === 'ws');
    });
  return existsSync(dir) && walk(dir);
}

/** The page: the webpack bundle, then rxjs's UMD + rxipc's UMD (global `rxipc`). */
function page() {
  return `<!doctype html>
<html>
<head><meta charset="utf-8"><title>rxipc package test</title></head>
<body>
<pre id="errors"></pre>
<pre id="webpack"></pre>
<pre id="umd"></pre>
<script>
  // Results go into the DOM URI-encoded, so --dump-dom gives them back byte for byte.
  window.report = (id, results) => { document.getElementById(id).textContent = 'RESULTS ' + encodeURIComponent(JSON.stringify(results)); };
  window.addEventListener('error', (e) => {
    document.getElementById('errors').textContent += encodeURIComponent(String((e.error && e.error.stack) || e.message)) + ' ';
  });
</script>
<script src="web/bundle.js"></script>
<script src="node_modules/rxjs/dist/bundles/rxjs.umd.min.js"></script>
<script src="node_modules/rxipc/dist/bundles/rxipc.umd.min.cjs"></script>
<script>
${checksSource}
(function () {
  const umd = globalThis.rxipc;
  if (typeof umd !== 'object' || umd === null || typeof umd.createIpc !== 'function') {
    window.report('umd', [{ name: 'global rxipc', ok: false, message: 'global rxipc is ' + typeof umd }]);
    return;
  }
  runChecks(umd, umd, globalThis.rxjs).then(
    (results) => window.report('umd', [{ name: 'global rxipc', ok: true }].concat(results)),
    (error) => window.report('umd', [{ name: 'runChecks', ok: false, message: String(error && error.stack || error) }]),
  );
})();
</script>
</body>
</html>
`;
}

/** Parses the `RESULTS <json>` line a consumer printed and records each result under `prefix`. */
function recordResults(text, prefix, { encoded = false } = {}) {
  const match = /RESULTS (.+)/.exec(text);
  if (!match) return false;
  const items = JSON.parse(encoded ? decodeURIComponent(match[1]) : match[1]);
  for (const item of items) record(prefix ? `${prefix}: ${item.name}` : item.name, item.ok, item.message);
  return true;
}

/* Type consumers */

function writeTypeProjects(project, subpaths) {
  const types = path.join(project, 'types');
  mkdirSync(types, { recursive: true });
  const nodeTypes = path.join(root, 'node_modules/@types');
  // skipLibCheck: false checks every .d.ts a consumer loads (ours, rxjs's, Angular's, @types/node);
  // TypeScript's own lib files are left out (skipDefaultLibCheck): they cannot break by our doing.
  const base = { strict: true, noEmit: true, skipLibCheck: false, skipDefaultLibCheck: true, target: 'ES2022', typeRoots: [nodeTypes] };
  const write = (file, text) => {
    mkdirSync(path.dirname(path.join(types, file)), { recursive: true });
    writeFileSync(path.join(types, file), text);
  };
  const importAll = (list, style) =>
    list
      .map((spec, i) =>
        style === 'import' ? `import * as m${i} from '${spec}';\nvoid m${i};` : `import m${i} = require('${spec}');\nvoid m${i};`,
      )
      .join('\n');
  const usage = `const { ipcMain, ipcRenderer } = createIpc();
ipcMain.handle('add', (_event, a: number, b: number) => a + b);
const sum: Promise<number> = ipcRenderer.invoke('add', 1, 2);
const doubled = of(1, 2).pipe(invokeOn<number, number>(ipcRenderer, 'double'));
void [sum, doubled];
`;
  const portable = subpaths.filter((s) => s === 'rxipc' || s === 'rxipc/operators' || s === 'rxipc/testing');

  // 1. Node, no DOM lib: ESM + CJS files and the type tests of spec/types, imports rewritten.
  mkdirSync(path.join(types, 'node'), { recursive: true });
  write(
    'node/esm.mts',
    `import { of } from 'rxjs';\nimport { createIpc } from 'rxipc';\nimport { invokeOn } from 'rxipc/operators';\n${importAll(portable, 'import')}\n${usage}`,
  );
  write(
    'node/cjs.cts',
    `import { of } from 'rxjs';\nimport { createIpc } from 'rxipc';\nimport { invokeOn } from 'rxipc/operators';\n${usage}`,
  );
  const typeTests = readdirSync(path.join(root, 'spec/types')).filter((f) => f.endsWith('.ts'));
  for (const file of typeTests) {
    const text = readFileSync(path.join(root, 'spec/types', file), 'utf8')
      .replace(/(['"])(?:\.\.\/)+src\/index\.js\1/g, "'rxipc'")
      .replace(/(['"])(?:\.\.\/)+src\/([\w/]+)\/index\.js\1/g, "'rxipc/$2'");
    // Angular's own typings need the DOM lib: its type tests go to the DOM + Node consumer below.
    const folder = text.includes("'rxipc/angular'") ? 'all' : 'node';
    write(`${folder}/${file.replace(/\.ts$/, '.mts')}`, text);
  }
  writeFileSync(
    path.join(types, 'tsconfig.node.json'),
    JSON.stringify(
      {
        compilerOptions: { ...base, module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'] },
        include: ['node'],
      },
      null,
      2,
    ),
  );

  // 2. A CommonJS project on module node16 (TypeScript without require(esm)).
  mkdirSync(path.join(types, 'node16'), { recursive: true });
  write(
    'node16/cjs.cts',
    `import { of } from 'rxjs';\nimport { createIpc } from 'rxipc';\nimport { invokeOn } from 'rxipc/operators';\n${usage}`,
  );
  writeFileSync(
    path.join(types, 'tsconfig.node16.json'),
    JSON.stringify(
      { compilerOptions: { ...base, module: 'Node16', moduleResolution: 'Node16', lib: ['ES2022'], types: ['node'] }, include: ['node16'] },
      null,
      2,
    ),
  );

  // 3. A browser project: DOM lib, no @types/node, bundler resolution; root, operators, testing, angular.
  mkdirSync(path.join(types, 'browser'), { recursive: true });
  const browserSubpaths = subpaths.filter((s) => portable.includes(s) || s === 'rxipc/angular');
  write(
    'browser/app.ts',
    `import { of } from 'rxjs';\nimport { createIpc } from 'rxipc';\nimport { invokeOn } from 'rxipc/operators';\n${importAll(browserSubpaths, 'import')}\n${usage}`,
  );
  writeFileSync(
    path.join(types, 'tsconfig.browser.json'),
    JSON.stringify(
      {
        compilerOptions: { ...base, module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] },
        include: ['browser'],
      },
      null,
      2,
    ),
  );

  // 4. Every subpath at once (DOM lib and @types/node), so each published .d.ts compiles.
  mkdirSync(path.join(types, 'all'), { recursive: true });
  write('all/all.mts', `${importAll(subpaths, 'import')}\nexport {};\n`);
  writeFileSync(
    path.join(types, 'tsconfig.all.json'),
    JSON.stringify(
      {
        compilerOptions: {
          ...base,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: ['node'],
        },
        include: ['all'],
      },
      null,
      2,
    ),
  );
  return {
    node: {
      label: `types: Node ESM + CJS + spec/types (${typeTests.length} files), no DOM lib, skipLibCheck false`,
      config: path.join(types, 'tsconfig.node.json'),
    },
    node16: {
      label: 'types: CommonJS consumer on module node16 (require of rxipc + rxipc/operators)',
      config: path.join(types, 'tsconfig.node16.json'),
    },
    browser: {
      label: `types: browser consumer (DOM lib, no @types/node) of ${browserSubpaths.join(', ')}`,
      config: path.join(types, 'tsconfig.browser.json'),
    },
    all: { label: `types: every subpath (${subpaths.length}) with DOM lib + @types/node`, config: path.join(types, 'tsconfig.all.json') },
  };
}

/* The run */

async function main() {
  if (!argv.includes('--no-build')) {
    const built = await check('build (node scripts/build.mjs)', () =>
      run(process.execPath, [path.join(root, 'scripts/build.mjs')], { timeout: 180_000 }),
    );
    if (!built) return;
  }
  const dist = path.join(root, 'dist');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rxipc-package-'));
  try {
    await inTemp(tmp, dist);
  } finally {
    if (keep) console.log(`(kept ${tmp})`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

async function inTemp(tmp, dist) {
  // Pack.
  const packed = await check('npm pack', async () => {
    const { stdout } = await npm(['pack', '--json', '--pack-destination', tmp], root);
    const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
    const files = new Set(info.files.map((f) => f.path));
    const missing = [
      'package.json',
      'dist/esm/index.js',
      'dist/esm/index.d.ts',
      'dist/cjs/index.js',
      'dist/cjs/package.json',
      'dist/bundles/rxipc.umd.min.cjs',
      'dist/bundles/rxipc.esm.min.js',
    ].filter((f) => !files.has(f));
    if (missing.length > 0) throw new Error(`the tarball lacks ${missing.join(', ')}`);
    const stray = [...files].filter((f) => /^(src|spec|marble-tests|bench|examples|scripts|node_modules)\//.test(f) || f.endsWith('.tgz'));
    if (stray.length > 0) throw new Error(`the tarball ships ${stray.slice(0, 5).join(', ')}${stray.length > 5 ? ' ...' : ''}`);
    console.log(
      `     ${info.filename}: ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked, ${info.entryCount} files`,
    );
    return path.join(tmp, info.filename);
  });
  if (!packed) return;

  // src/ is not published, so a source map must carry its sources' text, and no map may point
  // at a file the tarball lacks (a declaration map would send "go to definition" to nowhere).
  await check('every source map in the tarball carries the text of its sources', () => {
    const maps = [];
    (function walk(dir) {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.map')) maps.push(file);
      }
    })(dist);
    if (maps.length === 0) throw new Error('no source maps in dist/');
    const bad = maps.filter((file) => {
      const map = JSON.parse(readFileSync(file, 'utf8'));
      return (
        file.endsWith('.d.ts.map') ||
        !Array.isArray(map.sourcesContent) ||
        map.sourcesContent.length !== map.sources.length ||
        map.sourcesContent.some((text) => typeof text !== 'string')
      );
    });
    if (bad.length > 0)
      throw new Error(
        `${bad.length} of ${maps.length} maps lack their sources: ${bad
          .slice(0, 3)
          .map((f) => path.relative(dist, f))
          .join(', ')}`,
      );
    console.log(`     ${maps.length} maps, every one self-contained`);
  });

  // Dependencies the built code imports must be declared; peers it imports get installed.
  const declared = { ...pkg.dependencies, ...pkg.peerDependencies };
  const peers = [];
  await check('every bare import of dist/esm is a declared dependency or peerDependency', () => {
    const undeclared = [];
    for (const [name, importer] of bareImports(path.join(dist, 'esm'))) {
      if (!(name in declared)) undeclared.push(`'${name}' (imported by ${importer})`);
      else if (!(pkg.dependencies && name in pkg.dependencies)) peers.push(name);
    }
    if (undeclared.length > 0) throw new Error(`undeclared: ${undeclared.join(', ')}`);
  });
  if (!peers.includes('rxjs')) peers.push('rxjs');

  // A fresh project with the tarball and the peers (same versions as this repo, so the npm cache serves them).
  const project = path.join(tmp, 'consumer');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'rxipc-consumer', version: '1.0.0', private: true }, null, 2));
  const installs = [packed, ...peers.map((name) => `${name}@${versionOf(name)}`)];
  const installed = await check(`npm install ${[path.basename(packed), ...installs.slice(1)].join(' ')}`, () =>
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', ...installs], project),
  );
  if (!installed) return;
  const installedDir = path.join(project, 'node_modules/rxipc');
  const { subpaths, skipped } = builtSubpaths(installedDir);
  console.log(`     subpaths in dist: ${subpaths.join(', ')}${skipped.length ? ` (not built yet: ${skipped.join(', ')})` : ''}`);

  writeFileSync(path.join(project, 'esm.mjs'), esmConsumer(subpaths.filter((s) => s !== 'rxipc')));
  writeFileSync(path.join(project, 'cjs.cjs'), cjsConsumer(subpaths.filter((s) => s !== 'rxipc')));
  // Angular stays out of the browser bundle (its own Karma specs cover it); Node-only subpaths too.
  const browserSubpaths = subpaths.filter(
    (s) => !['rxipc', 'rxipc/operators', 'rxipc/angular'].includes(s) && !isNodeOnly(installedDir, s),
  );
  writeFileSync(path.join(project, 'browser.js'), browserEntry(browserSubpaths));
  writeFileSync(path.join(project, 'index.html'), page());
  const typeProjects = writeTypeProjects(project, subpaths);

  // The type checks run in the background while Node and Chromium work.
  const typeRuns = Object.values(typeProjects).map(({ label, config }) => ({
    label,
    done: tsc(config).then(
      () => null,
      (e) => e,
    ),
  }));

  for (const [label, file] of [
    ['node esm', 'esm.mjs'],
    ['node cjs', 'cjs.cjs'],
  ]) {
    try {
      const { stdout } = await run(process.execPath, [file], { cwd: project, timeout: 30_000 });
      if (!recordResults(stdout, '')) record(`${label}: printed results`, false, stdout);
      record(`${label}: process exits by itself once everything is closed`, true);
    } catch (error) {
      if (!recordResults(error.message, '')) record(`${label}: ran`, false, error.message);
      else record(`${label}: process exits by itself once everything is closed`, false, error.message);
    }
  }

  const bundled = await check(
    `webpack: bundle a browser entry importing rxipc, rxipc/operators and ${browserSubpaths.length} more subpath(s)`,
    () => bundleForBrowser(project),
  );
  if (bundled) await inChromium(project, tmp);

  for (const { label, done } of typeRuns) {
    const error = await done;
    record(label, error === null, error?.message);
  }
}

async function bundleForBrowser(project) {
  const webpack = require('webpack');
  const compiler = webpack({
    mode: 'production',
    target: 'web',
    context: project,
    entry: './browser.js',
    devtool: false,
    output: { path: path.join(project, 'web'), filename: 'bundle.js' },
    resolve: { modules: [path.join(project, 'node_modules')] },
    resolveLoader: { modules: [path.join(root, 'node_modules')] },
    performance: { hints: false },
    optimization: { minimize: false },
  });
  const stats = await new Promise((resolve, reject) => compiler.run((error, result) => (error ? reject(error) : resolve(result))));
  await new Promise((resolve) => compiler.close(resolve));
  const json = stats.toJson({ all: false, errors: true, warnings: true, modules: true, nestedModules: true });
  if (stats.hasErrors()) throw new Error(json.errors.map((e) => e.message).join('\n'));
  const names = [];
  const collect = (modules) => {
    for (const m of modules ?? []) {
      names.push(m.name ?? '');
      collect(m.modules);
    }
  };
  collect(json.modules);
  if (!names.some((n) => n.includes('rxipc/dist/esm/')))
    throw new Error(`webpack did not use dist/esm: ${names.filter((n) => n.includes('rxipc')).join(', ')}`);
  if (names.some((n) => n.includes('rxipc/dist/cjs/'))) throw new Error('webpack pulled dist/cjs into a browser bundle');
}

async function inChromium(project, tmp) {
  const chrome = findChrome();
  if (!chrome) {
    record('chromium: found (CHROME_BIN, chromium, google-chrome)', false, 'no Chromium: run `node scripts/ensure-chromium.mjs`');
    return;
  }
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    `--user-data-dir=${path.join(tmp, 'chrome-profile')}`,
    // Lets the page's timers and promises settle before the DOM is dumped (virtual time, not a wait).
    '--virtual-time-budget=10000',
    '--dump-dom',
    pathToFileURL(path.join(project, 'index.html')).href,
  ];
  let dom;
  try {
    ({ stdout: dom } = await run(chrome, args, { cwd: project, timeout: 45_000 }));
  } catch (error) {
    record('chromium: loads the page', false, error.message);
    return;
  }
  const errors = /<pre id="errors">([^<]*)<\/pre>/.exec(dom)?.[1].trim();
  record('chromium: page runs without uncaught errors', !errors, errors && decodeURIComponent(errors.split(' ')[0]));
  for (const [id, label] of [
    ['webpack', 'chromium webpack bundle'],
    ['umd', 'chromium umd (<script> after rxjs umd)'],
  ]) {
    const text = new RegExp(`<pre id="${id}">([^<]*)</pre>`).exec(dom)?.[1] ?? '';
    if (!recordResults(text, label, { encoded: true }))
      record(`${label}: reported results`, false, `nothing reported; the DOM was:\n${dom.slice(0, 600)}`);
  }
}

await main().catch((error) => record('test-package script', false, error.stack));
finish();
