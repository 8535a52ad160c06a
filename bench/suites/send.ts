// send throughput, renderer in a worker_threads worker → main (issue 4): rxipc's ipcRenderer.send
// over the worker transport vs raw parentPort.postMessage(JSON.stringify({ channel, args })) with a
// hand-rolled listener on main that parses the JSON and calls the channel's listener. One worker
// per case (so neither sees the other's traffic); a timed run asks the worker to send n messages
// and ends when main has received all n.
import type { Worker } from 'node:worker_threads';
import { IpcMain, type CodecOptions, type IpcMainEvent } from '../../src/index.js';
import { workerTransport } from '../../src/transports/worker/index.js';
import { startWorker, stopWorker } from '../fixtures/workers.js';
import { consume, quick, runSuite, type BenchCase, type BenchRow } from '../harness.js';

type Size = 'small' | 'large';

/** Resolves the current run once `n` messages have arrived. */
class Counter {
  private left = 0;
  private done: (() => void) | undefined;
  expect(n: number): Promise<void> {
    this.left = n;
    return new Promise((resolve) => (this.done = resolve));
  }
  hit(): void {
    if (--this.left === 0) this.done?.();
  }
}

function rxipcCase(size: Size, codec: CodecOptions = {}): BenchCase {
  let worker: Worker;
  let ipcMain: IpcMain;
  const counter = new Counter();
  return {
    name: 'rxipc',
    setup: () => {
      worker = startWorker('sendWorker', { mode: 'rxipc' });
      ipcMain = new IpcMain(codec);
      ipcMain.on('m', (_event: IpcMainEvent, payload: { id: number }) => {
        consume(payload.id);
        counter.hit();
      });
      ipcMain.connect(workerTransport(worker));
    },
    run: (ops) => {
      const arrived = counter.expect(ops);
      worker.postMessage({ bench: 'send', n: ops, size });
      return arrived;
    },
    teardown: async () => {
      ipcMain.close(); // closes the transport, which terminates the worker
      await stopWorker(worker);
    },
  };
}

function rawCase(size: Size): BenchCase {
  let worker: Worker;
  const counter = new Counter();
  const listeners = new Map<string, (...args: any[]) => void>([
    [
      'm',
      (payload: { id: number }) => {
        consume(payload.id);
        counter.hit();
      },
    ],
  ]);
  return {
    name: 'raw postMessage+JSON',
    setup: () => {
      worker = startWorker('sendWorker', { mode: 'raw' });
      worker.on('message', (message: unknown) => {
        if (typeof message !== 'string') return;
        const { channel, args } = JSON.parse(message) as { channel: string; args: unknown[] };
        listeners.get(channel)?.(...args);
      });
    },
    run: (ops) => {
      const arrived = counter.expect(ops);
      worker.postMessage({ bench: 'send', n: ops, size });
      return arrived;
    },
    teardown: () => stopWorker(worker, 0),
  };
}

const rows: BenchRow[] = [
  { row: 'send worker → main, ~100 B', ops: quick ? 5_000 : 20_000, cases: [rxipcCase('small'), rawCase('small')] },
  { row: 'send worker → main, 64 KB', ops: quick ? 100 : 400, cases: [rxipcCase('large'), rawCase('large')] },
  // The same with main's depth check off (maxDepth: Infinity): the worker is the app's own code.
  {
    row: 'send worker → main, 64 KB, maxDepth ∞',
    ops: quick ? 100 : 400,
    cases: [rxipcCase('large', { maxDepth: Infinity }), rawCase('large')],
  },
];

await runSuite('send throughput (worker → main)', rows);
