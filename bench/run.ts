// npm run bench [-- --quick] [-- --only <suite>]: runs every suite in its own process, prints a table
// of time ratios (rxipc ÷ baseline, per operation: below 1 means rxipc is faster) and writes the raw
// figures, with the machine, to bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode, tempBundleDir } from './bundle.js';
import type { RowResult } from './harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;

const suites = readdirSync(path.join(here, 'suites'))
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => only === undefined || f.startsWith(only))
  .sort();

const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.release()}`,
  quick,
  date: new Date().toISOString(),
};

// Suites are bundled to plain JavaScript first: running TypeScript through a loader (tsx) adds
// per-call overhead to the code under test (once+emit measured ~9x slower under tsx than bundled).
// Inside the repo (git-ignored) so the bundles resolve rxjs and the baselines from node_modules.
const outDir = tempBundleDir(path.join(here, '..'), '', 'bench-');
const bundle = (entry: string): string => bundleForNode(entry, outDir);

const started = Date.now();
const results: RowResult[] = [];
for (const file of suites) {
  const t0 = Date.now();
  process.stderr.write(`running ${file} ...`);
  const stdout = execFileSync(process.execPath, ['--expose-gc', bundle(path.join(here, 'suites', file)), ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    cwd: path.dirname(here),
  });
  const lastLine = stdout.trim().split('\n').pop() ?? '[]';
  results.push(...(JSON.parse(lastLine) as RowResult[]));
  process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

function fmt(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(1)} ns`;
}

console.log(
  `\nrxipc benchmarks — Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB${quick ? ' (quick)' : ''}`,
);
console.log('ratio = rxipc time per op ÷ baseline time per op (below 1.00: rxipc faster); spread = (max−min)/median of rounds\n');
let suite = '';
for (const r of results) {
  if (r.suite !== suite) {
    suite = r.suite;
    console.log(`## ${suite}`);
  }
  if (r.results.length === 0) {
    console.log(`  ${r.row.padEnd(52)} ${r.note ?? ''}`);
    continue;
  }
  const mine = r.results.find((c) => c.name === 'rxipc');
  const cells = r.results
    .filter((c) => c !== mine)
    .map((c) => `${c.name} ${fmt(c.nsPerOp)} → ${mine ? (mine.nsPerOp / c.nsPerOp).toFixed(2) : '-'}`);
  const value = mine ? (Number.isFinite(mine.nsPerOp) ? fmt(mine.nsPerOp) : '-') : '';
  const noise = Math.max(...r.results.map((c) => c.spread));
  console.log(
    `  ${r.row.padEnd(52)} rxipc ${value.padStart(10)} | ${cells.join(' | ')}  (spread ≤ ${(noise * 100).toFixed(0)}%)${r.note === undefined ? '' : `  ${r.note}`}`,
  );
}
console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(1)} s`);

mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results', 'latest.json'), `${JSON.stringify({ machine, results }, null, 2)}\n`);
console.log('raw figures: bench/results/latest.json');
