// Size (issue 4): minified + gzip (level 9) bytes, rxjs external, each bundled here with esbuild
// (`minify: true`, browser platform, ESM) and gzipped with node:zlib. The root entry of each
// package, then same-feature comparisons: one side of an RPC over a MessagePort (rxipc's renderer
// or main side with the messagePort transport vs birpc and comlink, which hold both roles in
// one entry), and an event emitter alone (rxipc's EventEmitter vs eventemitter3).
// scripts/check-size.mjs enforces the budget on the published webpack bundle; this is a comparison.
import { buildSync } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../fixtures/workers.js';
import { runSuite, type BenchRow } from '../harness.js';

const root = repoRoot();

function gzipBytes(entry: string): number {
  const result = buildSync({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'size-entry.ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['rxjs', 'rxjs/*'],
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]!.contents;
  return gzipSync(code, { level: 9 }).length;
}

function compare(row: string, rxipc: string, baselines: Array<[string, string]>): BenchRow {
  const mine = gzipBytes(rxipc);
  const cells = baselines.map(([name, entry]) => {
    const bytes = gzipBytes(entry);
    return `${name} ${bytes} B → ${(mine / bytes).toFixed(2)}`;
  });
  return { row, ops: 0, cases: [], note: `rxipc ${mine} B | ${cells.join(' | ')}` };
}

const birpc: [string, string] = ['birpc', "export * from 'birpc';"];
const comlink: [string, string] = ['comlink', "export * from 'comlink';"];
const eventemitter3: [string, string] = ['eventemitter3', "export * from 'eventemitter3';"];

const rows: BenchRow[] = [
  compare('root entry, min+gzip', "export * from './src/index.ts';", [birpc, comlink, eventemitter3]),
  compare(
    'renderer side: IpcRenderer + messagePort',
    "export { IpcRenderer } from './src/index.ts'; export { messagePortTransport } from './src/transports/messagePort/index.ts';",
    [birpc, comlink],
  ),
  compare(
    'main side: IpcMain + messagePort',
    "export { IpcMain } from './src/index.ts'; export { messagePortTransport } from './src/transports/messagePort/index.ts';",
    [birpc, comlink],
  ),
  compare('EventEmitter alone', "export { EventEmitter } from './src/index.ts';", [eventemitter3]),
];

await runSuite('size (min+gzip bytes, rxjs external)', rows);
