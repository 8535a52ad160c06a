// The core behaviours over real DOM MessagePorts in Chromium: both ends on the page, and one end
// handed to a Web Worker (where sendSync really blocks).
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
import { messagePortTransport } from '../../../src/transports/messagePort/index.js';
import { trackFacade } from '../../helpers/leaks.js';

function nextOn(ipcMain: IpcMain, channel: string): Promise<unknown[]> {
  return new Promise((resolve) => ipcMain.once(channel, (_event: IpcMainEvent, ...args: unknown[]) => resolve(args)));
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('messagePortTransport', () => {
  describe('with both ends on the page', () => {
    let ipcMain: IpcMain;
    let webContents: WebContents;
    let ipcRenderer: IpcRenderer;

    beforeEach(() => {
      const { port1, port2 } = new MessageChannel();
      ipcMain = trackFacade('ipcMain', new IpcMain());
      webContents = trackFacade('webContents', ipcMain.connect(messagePortTransport(port1)));
      ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(messagePortTransport(port2)));
    });

    it('should carry send/on, event.reply, invoke and invoke$ with cancellation', async () => {
      let aborted = false;
      ipcMain.on('ping', (event: IpcMainEvent, n: number) => event.reply('pong', n + 1));
      ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
      ipcMain.handle('ticks', (event) => {
        event.signal.addEventListener('abort', () => (aborted = true));
        return interval(2);
      });
      const pong = new Promise<unknown>((resolve) => ipcRenderer.once('pong', (_event: IpcRendererEvent, n: unknown) => resolve(n)));
      ipcRenderer.send('ping', 1);
      expect(await pong).toBe(2);
      expect(await ipcRenderer.invoke('sum', 2, 3)).toBe(5);
      expect(await firstValueFrom(ipcRenderer.invoke$('ticks').pipe(take(3), toArray()))).toEqual([0, 1, 2]);
      await until(() => aborted);
      expect(aborted).toBe(true);
    });

    it('should handle mixed sends and invokes in the order they were made', async () => {
      const order: string[] = [];
      ipcMain.on('op', (_event: IpcMainEvent, i: number) => order.push(`send ${i}`));
      ipcMain.handle('op', (_event, i: number) => void order.push(`invoke ${i}`));
      const calls: Array<Promise<unknown>> = [];
      for (let i = 0; i < 40; i++) {
        if (i % 2 === 0) ipcRenderer.send('op', i);
        else calls.push(ipcRenderer.invoke('op', i));
      }
      await Promise.all(calls);
      expect(order).toEqual(Array.from({ length: 40 }, (_, i) => `${i % 2 === 0 ? 'send' : 'invoke'} ${i}`));
    });

    it("should refuse sendSync on the page's main thread, even with sync: true", () => {
      const { port1 } = new MessageChannel();
      const transport = messagePortTransport(port1, { sync: true, handshakeTimeout: 10 });
      expect(isSyncTransport(transport)).toBe(false);
      transport.complete();
      expect(() => ipcRenderer.sendSync('config')).toThrowError(IpcSyncUnsupportedError);
    });

    it('should destroy the WebContents after delivering what the renderer sent, when the renderer closes', async () => {
      const events: string[] = [];
      ipcMain.on('last', () => events.push('last'));
      const gone = new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
      ipcRenderer.send('last');
      ipcRenderer.close();
      await gone;
      events.push('destroyed');
      expect(events).toEqual(['last', 'destroyed']);
      expect(() => webContents.send('late')).toThrowError(IpcClosedError);
    });

    it('should close the renderer, rejecting its pending invokes, when main closes the WebContents', async () => {
      ipcMain.handle('never', () => new Promise(() => undefined));
      const pending = ipcRenderer.invoke('never');
      await until(() => webContents.pendingCount === 1);
      webContents.close();
      await expectAsync(pending).toBeRejectedWithError(IpcClosedError);
      expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
    });
  });

  describe('with one end in a Web Worker', () => {
    let worker: Worker;
    afterEach(() => worker.terminate());

    it('should give the worker a sendSync that blocks, after its earlier sends, keeping main frames in order', async () => {
      worker = new Worker(new URL('../fixtures/worker-renderer.worker.ts', import.meta.url));
      const failed = new Promise<never>((_, reject) => worker.addEventListener('error', (e) => reject(new Error(e.message))));
      const result = new Promise<Record<string, unknown>>((resolve) =>
        worker.addEventListener('message', (event: MessageEvent) => {
          if ((event.data as { report?: string }).report === 'sync-loop') resolve(event.data as Record<string, unknown>);
        }),
      );
      const { port1, port2 } = new MessageChannel();
      const ipcMain = trackFacade('ipcMain', new IpcMain());
      const webContents = trackFacade('webContents', ipcMain.connect(messagePortTransport(port1)));
      let count = 0;
      let k = 0;
      ipcMain.on('count', () => count++);
      ipcMain.on('sync', (event: IpcMainEvent, i: number) => {
        webContents.send('m', k++);
        event.returnValue = [i, count];
        webContents.send('m', k++);
      });
      worker.postMessage({ init: { scenario: 'sync-loop', rounds: 15, port: port2 } }, [port2]);
      const report = await Promise.race([result, failed]);
      expect(report['results']).toEqual(Array.from({ length: 15 }, (_, i) => [i, i + 1]));
      expect(report['receivedDuringLoop']).toBe(0);
      expect(report['messages']).toEqual(Array.from({ length: 30 }, (_, i) => i));
    });

    it('should notice, with heartbeatInterval, a worker terminated under its port (Chromium fires no close event)', async () => {
      worker = new Worker(new URL('../fixtures/worker-renderer.worker.ts', import.meta.url));
      const { port1, port2 } = new MessageChannel();
      const ipcMain = trackFacade('ipcMain', new IpcMain());
      const webContents = trackFacade(
        'webContents',
        ipcMain.connect(messagePortTransport(port1, { heartbeatInterval: 100, heartbeatMisses: 3 })),
      );
      let aborted = false;
      ipcMain.handle('never', (event) => {
        event.signal.addEventListener('abort', () => (aborted = true));
        return new Promise(() => undefined);
      });
      const ready = nextOn(ipcMain, 'ready');
      worker.postMessage({ init: { scenario: 'pending', port: port2 } }, [port2]);
      await ready;
      await until(() => webContents.pendingCount === 1);
      // Alive: pings are answered over several intervals.
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(webContents.isDestroyed()).toBe(false);
      const destroyed = new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
      worker.terminate(); // not through rxipc: the port just goes silent
      await destroyed;
      expect(aborted).toBe(true);
      expect(webContents.pendingCount).toBe(0);
      expect(() => webContents.send('anyone?')).toThrowError(IpcClosedError);
    });
  });
});
