// Memory (issue 4): heap growth after GC across many messages and channel() subscriptions, on a
// live connection over one MessageChannel (both ends in this thread). Each row: set up, warm up
// with a tenth of the work (so lazily built structures and compiled code are in the baseline),
// `global.gc()` (run.ts starts suites with --expose-gc), heapUsed before; the timed run; GC,
// heapUsed after, still connected. The row's figure is the growth in KB (its note); the time per
// operation is printed too. One round: the point is the heap, not the time.
import { MessageChannel } from 'node:worker_threads';
import { IpcMain, IpcRenderer, type IpcMainEvent } from '../../src/index.js';
import { messagePortTransport } from '../../src/transports/messagePort/index.js';
import { smallPayload } from '../fixtures/payloads.js';
import { consume, quick, runSuite, type BenchCase, type BenchRow } from '../harness.js';

const gc = (globalThis as { gc?: () => void }).gc;

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

interface Connection {
  ipcMain: IpcMain;
  ipcRenderer: IpcRenderer;
}

function connect(): Connection {
  const { port1, port2 } = new MessageChannel();
  const ipcMain = new IpcMain();
  ipcMain.connect(messagePortTransport(port1));
  return { ipcMain, ipcRenderer: new IpcRenderer(messagePortTransport(port2)) };
}

/** A row whose figure is the heap growth of `work(connection, ops)`. */
function heapRow(
  row: string,
  ops: number,
  prepare: (c: Connection) => void,
  work: (c: Connection, ops: number) => Promise<void> | void,
): BenchRow {
  let connection: Connection;
  let before = 0;
  let after = 0;
  const rxipc: BenchCase = {
    name: 'rxipc',
    setup: async () => {
      connection = connect();
      prepare(connection);
      await work(connection, Math.max(1, Math.round(ops / 10)));
      before = await heapAfterGc();
    },
    run: (n) => work(connection, n),
    teardown: async () => {
      after = await heapAfterGc();
      connection.ipcRenderer.close();
      connection.ipcMain.close();
    },
  };
  return {
    row,
    ops,
    cases: [rxipc],
    note: () =>
      gc === undefined
        ? 'heap: not measured (run with --expose-gc)'
        : `heap ${after >= before ? '+' : '−'}${(Math.abs(after - before) / 1024).toFixed(0)} KB (${(before / 2 ** 20).toFixed(1)} → ${(after / 2 ** 20).toFixed(1)} MB)`,
  };
}

// Sends in batches, waiting for main to have received each batch (the ports never queue more).
let received = 0;
let batchDone: (() => void) | undefined;
let target = 0;
async function sends({ ipcRenderer }: Connection, ops: number): Promise<void> {
  const payload = smallPayload(0);
  for (let done = 0; done < ops;) {
    const size = Math.min(10_000, ops - done);
    target = received + size;
    const arrived = new Promise<void>((resolve) => (batchDone = resolve));
    for (let i = 0; i < size; i++) {
      payload.id = done + i;
      ipcRenderer.send('m', payload);
    }
    await arrived;
    done += size;
  }
}

async function invokes({ ipcRenderer }: Connection, ops: number): Promise<void> {
  const batch: Array<Promise<unknown>> = new Array(100);
  for (let done = 0; done < ops; done += 100) {
    for (let j = 0; j < 100; j++) batch[j] = ipcRenderer.invoke('add', done + j, 1);
    for (const value of await Promise.all(batch)) consume(value);
  }
}

function subscriptions({ ipcRenderer }: Connection, ops: number): void {
  for (let i = 0; i < ops; i++)
    ipcRenderer
      .channel(`c${i % 10}`)
      .subscribe(consume)
      .unsubscribe();
}

const SENDS = quick ? 300_000 : 1_000_000;
const rows: BenchRow[] = [
  heapRow(
    `heap, ${SENDS.toLocaleString('en')} sends renderer → main`,
    SENDS,
    ({ ipcMain }) =>
      ipcMain.on('m', (_event: IpcMainEvent, payload: { id: number }) => {
        consume(payload.id);
        if (++received === target) batchDone?.();
      }),
    sends,
  ),
  heapRow(
    'heap, 100,000 invoke round trips',
    100_000,
    ({ ipcMain }) => ipcMain.handle('add', (_event, a: number, b: number) => a + b),
    invokes,
  ),
  heapRow('heap, 100,000 channel() sub/unsub cycles', 100_000, () => undefined, subscriptions),
];

await runSuite('memory', rows, { rounds: 1, warmup: 0 });
