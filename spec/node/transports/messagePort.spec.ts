// The core behaviours over real Node worker_threads MessagePorts: in one thread, and with one
// end handed to a worker (where sendSync really blocks).
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { firstValueFrom, interval, take, toArray } from 'rxjs';
import {
  IpcClosedError,
  IpcMain,
  IpcRenderer,
  IpcSyncUnsupportedError,
  type IpcMainEvent,
  type IpcRendererEvent,
  type WebContents,
} from '../../../src/index.js';
import { messagePortTransport } from '../../../src/transports/messagePort/index.js';
import { trackFacade } from '../../helpers/leaks.js';
import { startWorker, type StartedWorker } from '../fixtures/workerHarness.js';

function nextOn(ipcMain: IpcMain, channel: string): Promise<unknown[]> {
  return new Promise((resolve) => ipcMain.once(channel, (_event: IpcMainEvent, ...args: unknown[]) => resolve(args)));
}

function destroyed(webContents: WebContents): Promise<void> {
  return new Promise((resolve) => webContents.once('destroyed', () => resolve()));
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('messagePortTransport', () => {
  describe('in one thread', () => {
    let port1: MessagePort;
    let port2: MessagePort;
    let ipcMain: IpcMain;
    let webContents: WebContents;
    let ipcRenderer: IpcRenderer;

    beforeEach(() => {
      ({ port1, port2 } = new MessageChannel());
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

    it('should refuse sendSync with IpcSyncUnsupportedError when sync is off (the default)', () => {
      expect(() => ipcRenderer.sendSync('config')).toThrowError(IpcSyncUnsupportedError);
    });

    it('should destroy the WebContents after delivering what the renderer sent, when the renderer closes', async () => {
      const events: string[] = [];
      ipcMain.on('last', () => events.push('last'));
      const gone = destroyed(webContents).then(() => events.push('destroyed'));
      ipcRenderer.send('last');
      ipcRenderer.close();
      await gone;
      expect(events).toEqual(['last', 'destroyed']);
    });

    it('should close the renderer when main closes the WebContents', async () => {
      const closed = new Promise<void>((resolve) => ipcRenderer.errors$.subscribe({ complete: resolve }));
      expect(await ipcRenderer.invoke('sum', 1, 1).catch((error: Error) => error.message)).toContain('No handler');
      webContents.close();
      await closed;
      expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
    });

    it("should treat the port's 'close' event as peer loss on both sides", async () => {
      ipcMain.handle('never', () => new Promise(() => undefined));
      const pending = ipcRenderer.invoke('never');
      await until(() => webContents.pendingCount === 1);
      const gone = destroyed(webContents);
      port1.close(); // under the transport, not through rxipc
      await gone;
      await expectAsync(pending).toBeRejectedWithError(IpcClosedError);
      expect(() => ipcRenderer.send('anyone?')).toThrowError(IpcClosedError);
      expect(() => webContents.send('anyone?')).toThrowError(IpcClosedError);
    });
  });

  describe('with one end in a worker_threads worker', () => {
    let child: StartedWorker;

    afterEach(async () => {
      await child.worker.terminate();
      await child.exited;
    });

    function serve(data: Record<string, unknown>): { ipcMain: IpcMain; webContents: WebContents } {
      const { port1, port2 } = new MessageChannel();
      child = startWorker('./worker-renderer.ts', { ...data, port: port2 }, [port2]);
      const ipcMain = trackFacade('ipcMain', new IpcMain());
      const webContents = trackFacade('webContents', ipcMain.connect(messagePortTransport(port1)));
      return { ipcMain, webContents };
    }

    it('should give the worker a sendSync that blocks, after its earlier sends, keeping main frames in order', async () => {
      const { ipcMain, webContents } = serve({ scenario: 'sync-loop', rounds: 15 });
      let count = 0;
      let k = 0;
      ipcMain.on('count', () => count++);
      ipcMain.on('sync', (event: IpcMainEvent, i: number) => {
        webContents.send('m', k++);
        event.returnValue = [i, count];
        webContents.send('m', k++);
      });
      const result = await child.report('sync-loop');
      expect(result['results']).toEqual(Array.from({ length: 15 }, (_, i) => [i, i + 1]));
      expect(result['receivedDuringLoop']).toBe(0);
      expect(result['messages']).toEqual(Array.from({ length: 30 }, (_, i) => i));
    });

    for (const lane of ['port', 'ring'] as const) {
      it(`should keep answering blocking calls made after the worker yields, when its first call came before it ever read a message (${lane} lane)`, async () => {
        // The worker's late ack carries its shared block again, as a new SharedArrayBuffer object:
        // main must not take it for a new block and drop the lane of the worker's blocking calls.
        const { ipcMain } = serve({ scenario: 'sync-after-yield', lane, syncTimeout: 2000 });
        ipcMain.on('sync', (event: IpcMainEvent, n: number) => (event.returnValue = n * 10));
        ipcMain.on('yielding', (event: IpcMainEvent) => event.sender.send('resume'));
        const result = await child.report('sync-after-yield');
        expect([result['first'], result['second']]).toEqual([10, 20]);
      });
    }

    it('should destroy the WebContents when the worker holding the other end is terminated', async () => {
      const { ipcMain, webContents } = serve({ scenario: 'idle' });
      await nextOn(ipcMain, 'ready');
      const gone = destroyed(webContents);
      await child.worker.terminate();
      await gone;
      expect(webContents.isDestroyed()).toBe(true);
    });
  });
});
