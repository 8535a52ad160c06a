// sendSync across a thread boundary (issue 4). rxipc's worker transport blocks on the side that
// calls; both directions are measured:
//   - main thread → worker: an IpcRenderer on this (main) thread over workerTransport, the IpcMain
//     in a worker answering through event.returnValue. This is synckit's direction (createSyncFn
//     blocks the calling thread on a worker), so the two are compared side by side.
//   - worker → main thread: an IpcRenderer in a worker calling this thread's IpcMain, Electron's
//     direction; timed from here (ask for n calls, wait for 'done'); synckit has no such mode.
// Each direction for both blocking lanes: Node's receiveMessageOnPort ('port') and the shared ring
// (the default, 'ring', what browsers use).
import { receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { createSyncFn } from 'synckit';
import { IpcMain, IpcRenderer, type IpcMainEvent } from '../../src/index.js';
import { workerTransport } from '../../src/transports/worker/index.js';
import { bundleFixture, nextReport, startWorker, stopWorker } from '../fixtures/workers.js';
import { consume, quick, runSuite, type BenchCase, type BenchRow } from '../harness.js';

type Lane = 'port' | 'ring';
const N = quick ? 500 : 2_000;

function rendererHere(lane: Lane): BenchCase {
  let worker: Worker;
  let ipcRenderer: IpcRenderer;
  return {
    name: 'rxipc',
    setup: () => {
      worker = startWorker('syncMainWorker');
      ipcRenderer = new IpcRenderer(workerTransport(worker, { sync: lane === 'port' ? { receiveMessageOnPort } : true }));
    },
    run: (ops) => {
      for (let i = 0; i < ops; i++) consume(ipcRenderer.sendSync('add', i, 1));
    },
    teardown: async () => {
      ipcRenderer.close(); // terminates the worker once it has said goodbye
      await stopWorker(worker);
    },
  };
}

function synckit(): BenchCase {
  let add: (a: number, b: number) => number;
  return {
    name: 'synckit',
    setup: () => {
      add = createSyncFn<(a: number, b: number) => number>(bundleFixture('synckitWorker'));
    },
    run: (ops) => {
      for (let i = 0; i < ops; i++) consume(add(i, 1));
    },
  };
}

function rendererInWorker(lane: Lane): BenchCase {
  let worker: Worker;
  let ipcMain: IpcMain;
  return {
    name: 'rxipc',
    setup: () => {
      worker = startWorker('syncRendererWorker', { lane });
      ipcMain = new IpcMain();
      ipcMain.on('add', (event: IpcMainEvent, a: number, b: number) => {
        event.returnValue = a + b;
      });
      ipcMain.connect(workerTransport(worker));
    },
    run: (ops) => {
      const done = nextReport(worker, 'done');
      worker.postMessage({ bench: 'sync', n: ops });
      return done.then(() => undefined);
    },
    teardown: async () => {
      ipcMain.close();
      await stopWorker(worker);
    },
  };
}

const rows: BenchRow[] = [
  { row: 'sendSync main → worker, port lane', ops: N, cases: [rendererHere('port'), synckit()] },
  { row: 'sendSync main → worker, ring lane', ops: N, cases: [rendererHere('ring'), synckit()] },
  { row: 'sendSync worker → main, port lane', ops: N, cases: [rendererInWorker('port')] },
  { row: 'sendSync worker → main, ring lane', ops: N, cases: [rendererInWorker('ring')] },
];

await runSuite('sendSync across threads', rows);
