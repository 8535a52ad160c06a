// The soak scenario shared by the short spec (npm test) and `npm run soak` (full size): renderers
// in worker_threads workers over real MessagePorts, one IpcMain on this thread checking that every
// renderer's mixed send / invoke / sendSync sequence arrives exactly once and in order, with the
// main thread's heap sampled after GC.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { IpcMain, type IpcMainEvent, type WebContents } from '../../../src/index.js';
import { messagePortTransport } from '../../../src/transports/messagePort/index.js';
import { startWorker, type StartedWorker } from '../fixtures/workerHarness.js';

export interface SoakOptions {
  workers: number;
  renderersPerWorker: number;
  messagesPerRenderer: number;
  maxInFlight?: number;
  /** Called with a GC'd heap figure at each checkpoint; `gc` must be available for real numbers. */
  gc?: () => void;
  /** Terminates the first worker (its renderers are lost mid-traffic) once main has handled this many of its messages. */
  terminateFirstWorkerAt?: number;
}

export interface SoakResult {
  renderers: number;
  messages: number;
  /** Renderers whose sequence arrived with a gap, a duplicate or out of order. */
  outOfOrder: string[];
  /** Renderers for which main did not see every message. */
  incomplete: string[];
  /** Answers a renderer found wrong. */
  wrongAnswers: number;
  /** Main-thread heap (bytes) after GC: at the first quarter, at the end. */
  heapAtQuarter: number;
  heapAtEnd: number;
  seconds: number;
  destroyed: number;
  /** Renderers lost with the terminated worker (their sequences are not checked for completeness). */
  lost: number;
  /** Messages main handled from the terminated worker's renderers. */
  lostWorkerHandled: number;
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const started = Date.now();
  const ipcMain = new IpcMain();
  const expected = new Map<WebContents, number>();
  const outOfOrder = new Set<string>();
  let handled = 0;
  let heapAtQuarter = 0;
  const total = options.workers * options.renderersPerWorker * options.messagesPerRenderer;
  const heap = (): number => {
    options.gc?.();
    return process.memoryUsage().heapUsed;
  };
  const lostContents = new Set<WebContents>();
  const firstWorker = new Set<WebContents>();
  let firstWorkerHandled = 0;
  let terminate: (() => void) | undefined;
  const check = (event: { sender: WebContents }, seq: number): void => {
    const next = expected.get(event.sender) ?? 0;
    if (seq !== next) outOfOrder.add(`#${event.sender.id}: expected ${next}, got ${seq}`);
    expected.set(event.sender, seq + 1);
    if (++handled === Math.floor(total / 4)) heapAtQuarter = heap();
    if (firstWorker.has(event.sender) && ++firstWorkerHandled === options.terminateFirstWorkerAt) terminate?.();
  };
  ipcMain.on('soak:send', (event: IpcMainEvent, seq: number) => check(event, seq));
  ipcMain.on('soak:sync', (event: IpcMainEvent, seq: number) => {
    check(event, seq);
    event.returnValue = seq;
  });
  ipcMain.handle('soak:invoke', (event, seq: number) => {
    check(event, seq);
    return seq;
  });
  let destroyed = 0;
  const workers: StartedWorker[] = [];
  for (let w = 0; w < options.workers; w++) {
    const ports: MessagePort[] = [];
    const contents: WebContents[] = [];
    for (let r = 0; r < options.renderersPerWorker; r++) {
      const { port1, port2 } = new MessageChannel();
      const webContents = ipcMain.connect(messagePortTransport(port1));
      webContents.once('destroyed', () => destroyed++);
      contents.push(webContents);
      ports.push(port2);
    }
    if (w === 0) contents.forEach((wc) => firstWorker.add(wc));
    if (w === 0 && options.terminateFirstWorkerAt !== undefined) {
      terminate = () => {
        terminate = undefined;
        contents.forEach((wc) => lostContents.add(wc));
        void workers[0]!.worker.terminate();
      };
    }
    workers.push(
      startWorker(
        '../fixtures/soak-renderer.ts',
        { ports, messages: options.messagesPerRenderer, maxInFlight: options.maxInFlight ?? 64 },
        ports,
      ),
    );
  }
  let wrongAnswers = 0;
  for (const [index, worker] of workers.entries()) {
    if (index === 0 && options.terminateFirstWorkerAt !== undefined) {
      await worker.exited;
      continue;
    }
    const report = (await worker.report('soak-done')) as unknown as { results: Array<{ wrong: number }> };
    wrongAnswers += report.results.reduce((sum, r) => sum + r.wrong, 0);
  }
  // Renderers closed themselves: wait until main has seen every connection go.
  while (destroyed < options.workers * options.renderersPerWorker) await new Promise((r) => setTimeout(r, 10));
  await Promise.all(
    workers.map(async (w) => {
      await w.worker.terminate();
      await w.exited;
    }),
  );
  const incomplete = [...expected]
    .filter(([wc, n]) => !lostContents.has(wc) && n !== options.messagesPerRenderer)
    .map(([wc, n]) => `#${wc.id}: ${n}`);
  if (expected.size !== options.workers * options.renderersPerWorker) incomplete.push(`only ${expected.size} renderers were heard`);
  ipcMain.close();
  const heapAtEnd = heap();
  return {
    renderers: options.workers * options.renderersPerWorker,
    messages: handled,
    outOfOrder: [...outOfOrder].slice(0, 10),
    incomplete: incomplete.slice(0, 10),
    wrongAnswers,
    heapAtQuarter,
    heapAtEnd,
    seconds: (Date.now() - started) / 1000,
    destroyed,
    lost: lostContents.size,
    lostWorkerHandled: firstWorkerHandled,
  };
}
