// The core behaviours across a real worker_threads boundary, both ways round.
import { receiveMessageOnPort } from 'node:worker_threads';
import { firstValueFrom, interval, take, toArray } from 'rxjs';
import {
  IpcClosedError,
  IpcMain,
  IpcRenderer,
  IpcTimeoutError,
  isSyncTransport,
  type IpcMainEvent,
  type IpcRendererEvent,
  type WebContents,
} from '../../../src/index.js';
import { parentPortTransport, workerTransport } from '../../../src/transports/worker/index.js';
import { trackFacade } from '../../helpers/leaks.js';
import { startWorker, type StartedWorker } from '../fixtures/workerHarness.js';

const RENDERER = './worker-renderer.ts';
const MAIN = './worker-main.ts';

/** Resolves with the args of the next message main gets on `channel`. */
function nextOn(ipcMain: IpcMain, channel: string): Promise<unknown[]> {
  return new Promise((resolve) => ipcMain.once(channel, (_event: IpcMainEvent, ...args: unknown[]) => resolve(args)));
}

describe('workerTransport', () => {
  let started: StartedWorker[] = [];
  const start = (fixture: string, data: Record<string, unknown>): StartedWorker => {
    const one = startWorker(fixture, data);
    started.push(one);
    return one;
  };

  afterEach(async () => {
    await Promise.all(
      started.map(async ({ worker, exited }) => {
        await worker.terminate();
        await exited;
      }),
    );
    started = [];
  });

  describe('with the renderer in a worker_threads worker', () => {
    function serve(
      data: Record<string, unknown>,
      options?: Parameters<typeof workerTransport>[1],
    ): { ipcMain: IpcMain; webContents: WebContents; child: StartedWorker } {
      const child = start(RENDERER, data);
      const ipcMain = trackFacade('ipcMain', new IpcMain());
      const webContents = trackFacade('webContents', ipcMain.connect(workerTransport(child.worker, options)));
      return { ipcMain, webContents, child };
    }

    it('should carry send/on, event.reply, invoke, a missing handler and invoke$ with cancellation', async () => {
      const { ipcMain } = serve({ scenario: 'basic' });
      let aborted = false;
      ipcMain.on('ping', (event: IpcMainEvent, n: number) => event.reply('pong', n + 1));
      ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
      ipcMain.handle('ticks', (event) => {
        event.signal.addEventListener('abort', () => (aborted = true));
        return interval(5);
      });
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

    for (const lane of ['port', 'ring'] as const) {
      it(`should block in sendSync until main answers, after earlier sends, with main's other frames kept in order (${lane} lane)`, async () => {
        const { ipcMain, webContents, child } = serve({ scenario: 'sync-loop', lane, rounds: 25 });
        let count = 0;
        let k = 0;
        ipcMain.on('count', () => count++);
        ipcMain.on('sync', (event: IpcMainEvent, i: number) => {
          webContents.send('m', k++);
          event.returnValue = [i, count];
          webContents.send('m', k++);
        });
        const result = await child.report('sync-loop');
        // Each answer came back inside one synchronous loop: the worker really blocked.
        expect(result['results']).toEqual(Array.from({ length: 25 }, (_, i) => [i, i + 1]));
        expect(result['receivedDuringLoop']).toBe(0);
        expect(result['messages']).toEqual(Array.from({ length: 50 }, (_, i) => i));
      });
    }

    it('should skip frames too large for a small ring while blocked, and deliver them in order after', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'sync-loop', lane: 'ring', bufferSize: 256, rounds: 10 });
      let count = 0;
      let k = 0;
      const big = 'x'.repeat(2000);
      ipcMain.on('count', () => count++);
      ipcMain.on('sync', (event: IpcMainEvent, i: number) => {
        webContents.send('m', k++, big);
        event.returnValue = [i, count];
        webContents.send('m', k++, big);
      });
      const result = await child.report('sync-loop');
      expect(result['results']).toEqual(Array.from({ length: 10 }, (_, i) => [i, i + 1]));
      expect(result['messages']).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('should say so when a reply is too large for the ring', async () => {
      const { ipcMain, child } = serve({ scenario: 'sync-too-large', lane: 'ring', bufferSize: 256, syncTimeout: 150 });
      ipcMain.on('big', (event: IpcMainEvent) => (event.returnValue = 'y'.repeat(5000)));
      const { message } = await child.report('sync-too-large');
      expect(message).toMatch(/^IpcTimeoutError: .*too large for the sync buffer \(raise sync.bufferSize\)$/);
    });

    it('should end a sendSync main never answers in IpcTimeoutError, and drop the late reply by id', async () => {
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

    it('should destroy the WebContents after what the renderer sent, and end the worker, when the renderer closes', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'close-renderer' });
      const events: string[] = [];
      ipcMain.on('last-words', (_event: IpcMainEvent, words: string) => events.push(words));
      webContents.once('destroyed', () => events.push('destroyed'));
      await child.exited;
      expect(events).toEqual(['bye', 'destroyed']);
      expect(webContents.isDestroyed()).toBe(true);
    });

    it('should close the renderer when main closes the WebContents (terminate: false keeps the worker)', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'idle' }, { terminate: false });
      await nextOn(ipcMain, 'ready');
      webContents.close();
      const closed = await child.report('renderer-closed');
      expect(closed['sendError']).toBe('IpcClosedError');
      expect(() => webContents.send('late')).toThrowError(IpcClosedError);
    });

    it('should terminate the worker when main closes the WebContents', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'busy' });
      await nextOn(ipcMain, 'ready');
      webContents.close();
      expect(await child.exited).toBe(1);
    });

    it('should notice, with heartbeatInterval, a worker that hangs with its port open, and terminate it', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'freeze' }, { heartbeatInterval: 100, heartbeatMisses: 3 });
      let aborted = false;
      ipcMain.handle('slow', (event) => {
        event.signal.addEventListener('abort', () => (aborted = true));
        return new Promise(() => undefined);
      });
      await nextOn(ipcMain, 'ready');
      // It answers pings while it is well: several intervals go by without a loss.
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(webContents.isDestroyed()).toBe(false);
      const destroyed = new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
      const hungAt = Date.now();
      webContents.send('freeze');
      await destroyed;
      expect(Date.now() - hungAt).toBeGreaterThanOrEqual(150); // not at once: after silent intervals
      expect(() => webContents.send('anyone?')).toThrowError(IpcClosedError);
      expect(await child.exited).toBe(1); // the transport terminated it
      expect(aborted).toBe(false); // nothing was running
    });

    it('should send no pings by default, and answer pings whatever its own setting', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'busy' });
      const seen: unknown[] = [];
      child.worker.on('message', (message: unknown) => seen.push(message));
      await nextOn(ipcMain, 'ready');
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(seen.filter((m) => m === 'rxipc:ping' || m === 'rxipc:pong')).toEqual([]);
      // Its default side answers a ping, and the connection is unaffected.
      child.worker.postMessage('rxipc:ping');
      const reported: unknown[] = [];
      ipcMain.errors$.subscribe((error) => reported.push(error));
      for (let i = 0; i < 200 && !seen.includes('rxipc:pong'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seen).toContain('rxipc:pong');
      expect(reported).toEqual([]);
      expect(webContents.isDestroyed()).toBe(false);
    });

    it('should destroy the WebContents, abort running handlers and refuse sends when the worker is terminated', async () => {
      const { ipcMain, webContents, child } = serve({ scenario: 'pending' });
      let aborted = false;
      ipcMain.handle('never', (event) => {
        event.signal.addEventListener('abort', () => (aborted = true));
        return new Promise(() => undefined);
      });
      await nextOn(ipcMain, 'ready');
      expect(webContents.pendingCount).toBe(1);
      const destroyed = new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
      await child.worker.terminate();
      await destroyed;
      expect(aborted).toBe(true);
      expect(webContents.pendingCount).toBe(0);
      expect(() => webContents.send('anyone?')).toThrowError(IpcClosedError);
    });
  });

  describe('with the main side in a worker_threads worker', () => {
    function connect(
      options?: Parameters<typeof workerTransport>[1],
      syncTimeout = 3000,
    ): { ipcRenderer: IpcRenderer; child: StartedWorker } {
      const child = start(MAIN, {});
      const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(workerTransport(child.worker, options), { syncTimeout }));
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

    for (const lane of ['port', 'ring'] as const) {
      it(`should block the Node main thread in sendSync until the worker's main answers, from the first call on (${lane} lane)`, async () => {
        const { ipcRenderer } = connect({ sync: lane === 'port' ? { receiveMessageOnPort } : true });
        const messages: number[] = [];
        ipcRenderer.on('m', (_event: IpcRendererEvent, n: number) => messages.push(n));
        const results: unknown[] = [];
        for (let i = 0; i < 10; i++) {
          ipcRenderer.send('count', i);
          results.push(ipcRenderer.sendSync('sync', i));
        }
        expect(results).toEqual(Array.from({ length: 10 }, (_, i) => [i, i + 1]));
        expect(messages).toEqual([]); // nothing is delivered during the blocking calls
        await until(() => messages.length === 20);
        expect(messages).toEqual(Array.from({ length: 20 }, (_, i) => i));
      });
    }

    it('should throw IpcTimeoutError from a sendSync the worker never answers, then drop its late reply', async () => {
      const { ipcRenderer } = connect(undefined, 150);
      expect(await ipcRenderer.invoke('sum', 1, 1)).toBe(2); // connected: the worker has booted
      expect(() => ipcRenderer.sendSync('silent')).toThrowError(IpcTimeoutError);
      ipcRenderer.send('answer-now'); // the worker answers 'silent' now: that reply must be dropped
      expect(ipcRenderer.sendSync('echo', 'fresh')).toBe('fresh');
      expect(ipcRenderer.pendingCount).toBe(0);
    });

    it('should close the renderer when the main side closes its WebContents', async () => {
      const { ipcRenderer } = connect({ terminate: false });
      const closed = new Promise<void>((resolve) => ipcRenderer.errors$.subscribe({ complete: resolve }));
      ipcRenderer.send('close-me');
      await closed;
      expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
    });

    it('should destroy the main side and end the worker when the renderer closes', async () => {
      const { ipcRenderer, child } = connect();
      expect(await ipcRenderer.invoke('sum', 1, 1)).toBe(2);
      ipcRenderer.close();
      await child.report('destroyed');
      // Terminated by the transport, or ended by itself first once nothing listened: either way, gone.
      expect([0, 1]).toContain(await child.exited);
    });

    it('should reject pending invokes with IpcClosedError and refuse sends when the worker is terminated', async () => {
      const { ipcRenderer, child } = connect();
      expect(await ipcRenderer.invoke('sum', 1, 2)).toBe(3);
      const pending = ipcRenderer.invoke('never');
      const stream = firstValueFrom(ipcRenderer.invoke$('ticks').pipe(toArray()));
      await child.worker.terminate();
      await expectAsync(pending).toBeRejectedWithError(IpcClosedError);
      await expectAsync(stream).toBeRejectedWithError(IpcClosedError);
      expect(() => ipcRenderer.send('anyone?')).toThrowError(IpcClosedError);
    });
  });

  it('should offer nextSync where the thread may block, and a parentPortTransport too', () => {
    const { port1, port2 } = new MessageChannel();
    const inside = parentPortTransport(port1, { handshakeTimeout: 10 });
    const off = parentPortTransport(port2, { sync: false, handshakeTimeout: 10 });
    expect(isSyncTransport(inside)).toBe(true);
    expect(isSyncTransport(off)).toBe(false);
    inside.complete();
    off.complete();
    port1.close();
  });
});

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}
