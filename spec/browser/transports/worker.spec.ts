// The core behaviours across a real Web Worker boundary in Chromium, both ways round. The page
// is cross-origin isolated (karma sends COOP/COEP), so a worker may block in sendSync; the page
// itself never may.
import { firstValueFrom, interval, take, toArray } from 'rxjs';
import {
  IpcClosedError,
  IpcMain,
  IpcRenderer,
  IpcSyncUnsupportedError,
  isSyncTransport,
  type IpcMainEvent,
  type IpcRendererEvent,
  type WebContents,
} from '../../../src/index.js';
import { workerTransport } from '../../../src/transports/worker/index.js';
import { trackFacade } from '../../helpers/leaks.js';

interface Report {
  report: string;
  [key: string]: unknown;
}

interface Started {
  worker: Worker;
  report(name: string): Promise<Report>;
}

/** Watches a worker's raw reports; a worker that fails to load fails the spec at once. */
function watch(worker: Worker): Started {
  const reports: Report[] = [];
  const waiting: Array<{ name: string; resolve(report: Report): void; reject(error: unknown): void }> = [];
  worker.addEventListener('message', (event: MessageEvent) => {
    const report = event.data as Report | null;
    if (typeof report !== 'object' || report === null || typeof report.report !== 'string') return;
    const index = waiting.findIndex((w) => w.name === report.report);
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(report);
    else reports.push(report);
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    // Expected crashes are the spec's business; keep them from Jasmine's global error handler.
    event.preventDefault();
    for (const w of waiting.splice(0)) w.reject(new Error(`worker error: ${event.message}`));
  });
  return {
    worker,
    report(name) {
      const index = reports.findIndex((r) => r.report === name);
      if (index >= 0) return Promise.resolve(reports.splice(index, 1)[0]!);
      return new Promise((resolve, reject) => waiting.push({ name, resolve, reject }));
    },
  };
}

function nextOn(ipcMain: IpcMain, channel: string): Promise<unknown[]> {
  return new Promise((resolve) => ipcMain.once(channel, (_event: IpcMainEvent, ...args: unknown[]) => resolve(args)));
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('workerTransport', () => {
  let workers: Worker[] = [];
  afterEach(() => {
    for (const worker of workers) worker.terminate();
    workers = [];
  });

  describe('with the renderer in a Web Worker', () => {
    function serve(
      init: Record<string, unknown>,
      options?: Parameters<typeof workerTransport>[1],
    ): { ipcMain: IpcMain; webContents: WebContents; child: Started } {
      const worker = new Worker(new URL('../fixtures/worker-renderer.worker.ts', import.meta.url));
      workers.push(worker);
      const child = watch(worker);
      const ipcMain = trackFacade('ipcMain', new IpcMain());
      const webContents = trackFacade('webContents', ipcMain.connect(workerTransport(worker, options)));
      worker.postMessage({ init });
      return { ipcMain, webContents, child };
    }

    it('should carry send/on, event.reply, invoke, a missing handler and invoke$ with cancellation', async () => {
      const { ipcMain, child } = serve({ scenario: 'basic' });
      let aborted = false;
      ipcMain.on('ping', (event: IpcMainEvent, n: number) => event.reply('pong', n + 1));
      ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
      ipcMain.handle('ticks', (event) => {
        event.signal.addEventListener('abort', () => (aborted = true));
        return interval(5);
      });
      expect((await child.report('started'))['crossOriginIsolated']).toBe(true);
      const [pong, sum, missing, ticks] = await Promise.all([
        nextOn(ipcMain, 'got-pong'),
        nextOn(ipcMain, 'sum'),
        nextOn(ipcMain, 'missing'),
        nextOn(ipcMain, 'ticks'),
      ]);
      expect(pong).toEqual([2]);
      expect(sum).toEqual([5]);
      expect(missing).toEqual(["Error invoking remote method 'missing': Error: No handler registered for 'missing'"]);
      expect(ticks).toEqual([[0, 1]]);
      await until(() => aborted);
      expect(aborted).toBe(true);
    });

    it('should handle mixed sends, invokes and blocking sendSyncs in the order they were made', async () => {
      const { ipcMain } = serve({ scenario: 'order' });
      const order: string[] = [];
      ipcMain.on('op', (_event: IpcMainEvent, i: number) => order.push(`send ${i}`));
      ipcMain.handle('op', (_event, i: number) => void order.push(`invoke ${i}`));
      ipcMain.on('op-sync', (event: IpcMainEvent, i: number) => {
        order.push(`sync ${i}`);
        event.returnValue = i * 10;
      });
      const [answers] = await nextOn(ipcMain, 'op-done');
      const expected = Array.from({ length: 30 }, (_, i) => `${['invoke', 'send', 'sync'][i % 3]} ${i}`);
      expect(order).toEqual(expected);
      expect(answers).toEqual(expected.filter((op) => op.startsWith('sync')).map((op) => Number(op.slice(5)) * 10));
    });

    it("should block the worker in sendSync until the page answers, after its earlier sends, keeping the page's other frames in order", async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'sync-loop', rounds: 25 });
      let count = 0;
      let k = 0;
      ipcMain.on('count', () => count++);
      ipcMain.on('sync', (event: IpcMainEvent, i: number) => {
        webContents.send('m', k++);
        event.returnValue = [i, count];
        webContents.send('m', k++);
      });
      const result = await child.report('sync-loop');
      expect(result['results']).toEqual(Array.from({ length: 25 }, (_, i) => [i, i + 1]));
      expect(result['receivedDuringLoop']).toBe(0);
      expect(result['messages']).toEqual(Array.from({ length: 50 }, (_, i) => i));
    });

    it('should end a sendSync the page never answers in IpcTimeoutError, and drop the late reply by id', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'sync-timeout', syncTimeout: 150 });
      let held: IpcMainEvent | undefined;
      ipcMain.on('silent', (event: IpcMainEvent) => (held = event));
      ipcMain.on('answer-now', () => {
        held!.returnValue = 'stale';
        webContents.send('late-answer-sent');
      });
      ipcMain.on('echo', (event: IpcMainEvent, value: unknown) => (event.returnValue = value));
      const result = await child.report('sync-timeout');
      expect(result['timedOut']).toBe('IpcTimeoutError');
      expect(result['fresh']).toBe('fresh');
      expect(result['lateAnswers']).toEqual(['late-answer-sent']);
      expect(result['pending']).toBe(0);
    });

    it('should destroy the WebContents after what the renderer sent, then terminate the worker, when the renderer closes', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'close-renderer' });
      const terminate = spyOn(child.worker, 'terminate').and.callThrough();
      const events: string[] = [];
      ipcMain.on('last-words', (_event: IpcMainEvent, words: string) => events.push(words));
      await new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
      expect(events).toEqual(['bye']);
      await until(() => terminate.calls.count() > 0);
      expect(terminate).toHaveBeenCalledTimes(1);
    });

    it('should close the renderer when main closes the WebContents, then terminate the worker', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'idle' }, { terminate: false });
      await nextOn(ipcMain, 'ready');
      webContents.close();
      expect((await child.report('renderer-closed'))['sendError']).toBe('IpcClosedError');
      expect(() => webContents.send('late')).toThrowError(IpcClosedError);
    });

    it('should notice, with heartbeatInterval, a worker terminated without rxipc (the page gets no event for it)', async () => {
      const { ipcMain, webContents, child } = serve(
        { scenario: 'pending' },
        { heartbeatInterval: 100, heartbeatMisses: 3, terminate: false },
      );
      let aborted = false;
      ipcMain.handle('never', (event) => {
        event.signal.addEventListener('abort', () => (aborted = true));
        return new Promise(() => undefined);
      });
      await nextOn(ipcMain, 'ready');
      await until(() => webContents.pendingCount === 1);
      await new Promise((resolve) => setTimeout(resolve, 350)); // alive: pings answered
      expect(webContents.isDestroyed()).toBe(false);
      const destroyed = new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
      child.worker.terminate();
      await destroyed;
      expect(aborted).toBe(true);
      expect(() => webContents.send('anyone?')).toThrowError(IpcClosedError);
    });

    it('should terminate the worker through the transport when main closes the WebContents', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'idle' });
      const terminate = spyOn(child.worker, 'terminate').and.callThrough();
      await nextOn(ipcMain, 'ready');
      webContents.close();
      await until(() => terminate.calls.count() > 0);
      expect(terminate).toHaveBeenCalledTimes(1);
    });

    it("should destroy the WebContents, abort running handlers and refuse sends on the worker's 'error'", async () => {
      const { ipcMain, webContents } = serve({ scenario: 'crash' });
      let aborted = false;
      ipcMain.handle('never', (event) => {
        event.signal.addEventListener('abort', () => (aborted = true));
        return new Promise(() => undefined);
      });
      await nextOn(ipcMain, 'ready');
      expect(webContents.pendingCount).toBe(1);
      const destroyed = new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
      webContents.send('crash');
      await destroyed;
      expect(aborted).toBe(true);
      expect(() => webContents.send('anyone?')).toThrowError(IpcClosedError);
    });
  });

  describe('with the main side in a Web Worker', () => {
    function connect(options?: Parameters<typeof workerTransport>[1]): { ipcRenderer: IpcRenderer; child: Started } {
      const worker = new Worker(new URL('../fixtures/worker-main.worker.ts', import.meta.url));
      workers.push(worker);
      const child = watch(worker);
      const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(workerTransport(worker, options)));
      return { ipcRenderer, child };
    }

    it('should carry send/on, event.reply, invoke and invoke$ with cancellation', async () => {
      const { ipcRenderer, child } = connect();
      const pong = new Promise<unknown>((resolve) => ipcRenderer.once('pong', (_event: IpcRendererEvent, n: unknown) => resolve(n)));
      ipcRenderer.send('ping', 41);
      expect(await pong).toBe(42);
      expect(await ipcRenderer.invoke('sum', 20, 22)).toBe(42);
      expect(await firstValueFrom(ipcRenderer.invoke$('ticks').pipe(take(3), toArray()))).toEqual([0, 1, 2]);
      await child.report('aborted');
      expect(ipcRenderer.pendingCount).toBe(0);
    });

    it("should refuse sendSync on the page's main thread with IpcSyncUnsupportedError (it may not block), sending nothing", async () => {
      const worker = new Worker(new URL('../fixtures/worker-main.worker.ts', import.meta.url));
      workers.push(worker);
      const transport = workerTransport(worker);
      expect(isSyncTransport(transport)).toBe(false);
      transport.complete();
      const { ipcRenderer } = connect();
      expect(() => ipcRenderer.sendSync('config')).toThrowMatching(
        (error) => error instanceof IpcSyncUnsupportedError && /invoke\('config'/.test((error as Error).message),
      );
      // The renderer goes on working. (Ending the spec before the handshake would also leave the
      // close frame to a worker that the spec's teardown terminates: the transport would then try
      // the handshake until its timeout, which the leak check rightly reports.)
      expect(await ipcRenderer.invoke('sum', 2, 3)).toBe(5);
    });

    it('should close the renderer when the main side closes its WebContents', async () => {
      const { ipcRenderer } = connect({ terminate: false });
      const closed = new Promise<void>((resolve) => ipcRenderer.errors$.subscribe({ complete: resolve }));
      ipcRenderer.send('close-me');
      await closed;
      expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
    });

    it('should destroy the main side when the renderer closes', async () => {
      const { ipcRenderer, child } = connect({ terminate: false });
      expect(await ipcRenderer.invoke('sum', 1, 1)).toBe(2);
      ipcRenderer.close();
      expect((await child.report('destroyed')).report).toBe('destroyed');
    });

    it('should reject pending invokes with IpcClosedError and refuse sends when the worker crashes', async () => {
      const { ipcRenderer } = connect();
      expect(await ipcRenderer.invoke('sum', 1, 2)).toBe(3);
      const pending = ipcRenderer.invoke('never');
      const stream = firstValueFrom(ipcRenderer.invoke$('ticks').pipe(toArray()));
      ipcRenderer.send('crash');
      await expectAsync(pending).toBeRejectedWithError(IpcClosedError);
      await expectAsync(stream).toBeRejectedWithError(IpcClosedError);
      expect(() => ipcRenderer.send('anyone?')).toThrowError(IpcClosedError);
    });
  });
});
