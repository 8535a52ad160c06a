// streamed invoke$: 100 000 values from main to renderer (issue 4), over one MessageChannel with
// both ends in this thread. rxipc: ipcMain.handle returns range(0, n), the renderer subscribes to
// invoke$ and counts until complete. Raw: a request { id, n } as JSON on the port, the server posts
// n JSON { id, value } messages then { id, done }, the client parses each and counts until done.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { range } from 'rxjs';
import { IpcMain, IpcRenderer } from '../../src/index.js';
import { messagePortTransport } from '../../src/transports/messagePort/index.js';
import { consume, quick, runSuite, type BenchCase } from '../harness.js';

const N = 100_000;

function rxipcCase(): BenchCase {
  let ipcMain: IpcMain;
  let ipcRenderer: IpcRenderer;
  return {
    name: 'rxipc',
    setup: () => {
      const { port1, port2 } = new MessageChannel();
      ipcMain = new IpcMain();
      ipcMain.handle('count', (_event, n: number) => range(0, n));
      ipcMain.connect(messagePortTransport(port1));
      ipcRenderer = new IpcRenderer(messagePortTransport(port2));
    },
    run: (ops) =>
      new Promise<void>((resolve, reject) => {
        ipcRenderer.invoke$<number>('count', ops).subscribe({ next: consume, error: reject, complete: resolve });
      }),
    teardown: () => {
      ipcRenderer.close();
      ipcMain.close();
    },
  };
}

function rawCase(): BenchCase {
  let port1: MessagePort;
  let port2: MessagePort;
  let nextId = 0;
  const streams = new Map<number, { next(value: unknown): void; done(): void }>();
  return {
    name: 'raw MessagePort stream',
    setup: () => {
      ({ port1, port2 } = new MessageChannel());
      port1.on('message', (text: string) => {
        const { id, n } = JSON.parse(text) as { id: number; n: number };
        for (let value = 0; value < n; value++) port1.postMessage(JSON.stringify({ id, value }));
        port1.postMessage(JSON.stringify({ id, done: true }));
      });
      port2.on('message', (text: string) => {
        const message = JSON.parse(text) as { id: number; value?: unknown; done?: true };
        const stream = streams.get(message.id);
        if (message.done) {
          streams.delete(message.id);
          stream?.done();
        } else stream?.next(message.value);
      });
    },
    run: (ops) =>
      new Promise<void>((resolve) => {
        const id = nextId++;
        streams.set(id, { next: consume, done: resolve });
        port2.postMessage(JSON.stringify({ id, n: ops }));
      }),
    teardown: () => port1.close(),
  };
}

await runSuite(
  'streamed invoke$ (same thread)',
  [{ row: `invoke$, ${N / 1000}k values main → renderer`, ops: N, cases: [rxipcCase(), rawCase()] }],
  {
    rounds: quick ? 3 : 9,
    warmup: 1,
  },
);
