import {
  createMemoryTransportPair,
  IpcHandlerExistsError,
  IpcMain,
  IpcRenderer,
  type IpcError,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type IpcRendererEvent,
} from '../../src/index.js';
import { Observable, take, toArray, lastValueFrom } from 'rxjs';
import { createTestIpc, settle, trackFacade } from '../helpers/leaks.js';

describe('IpcMain', () => {
  describe('handle / handleOnce / removeHandler', () => {
    it("should refuse a second handler with Electron's message", () => {
      const { ipcMain } = createTestIpc();
      ipcMain.handle('ch', () => 1);
      expect(() => ipcMain.handle('ch', () => 2)).toThrowMatching(
        (e) =>
          e instanceof IpcHandlerExistsError &&
          e.message === "Attempted to register a second handler for 'ch'" &&
          e.code === 'ERR_IPC_HANDLER_EXISTS',
      );
    });

    it('should answer once with handleOnce, then report no handler', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handleOnce('one', () => 'first');
      expect(await ipcRenderer.invoke('one')).toBe('first');
      await expectAsync(ipcRenderer.invoke('one')).toBeRejectedWithError(/No handler registered for 'one'/);
      expect(() => ipcMain.handleOnce('one', () => 'again')).not.toThrow();
    });

    it('should stop answering after removeHandler', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handle('h', () => 1);
      ipcMain.removeHandler('h');
      await expectAsync(ipcRenderer.invoke('h')).toBeRejectedWithError(/No handler registered for 'h'/);
      expect(ipcMain.handlerCount).toBe(0);
    });

    it('should validate its arguments with Node-style errors', () => {
      const { ipcMain } = createTestIpc();
      expect(() => ipcMain.handle(1 as unknown as string, () => 1)).toThrowMatching(
        (e) => (e as { code?: string }).code === 'ERR_INVALID_ARG_TYPE',
      );
      expect(() => ipcMain.handle('x', 'nope' as unknown as () => void)).toThrowMatching(
        (e) => e instanceof TypeError && (e as { code?: string }).code === 'ERR_INVALID_ARG_TYPE',
      );
      expect(() => ipcMain.on('x', undefined as unknown as () => void)).toThrowError(TypeError);
    });

    it('should give the handler event.sender as the WebContents', async () => {
      const { ipcMain, ipcRenderer, webContents } = createTestIpc();
      ipcMain.handle('who', (event) => event.sender.id);
      expect(await ipcRenderer.invoke('who')).toBe(webContents.id);
    });
  });

  describe('events', () => {
    it('should let event.reply answer the sender only', async () => {
      const ipcMain = new IpcMain();
      trackFacade('ipcMain', ipcMain);
      const renderers = [0, 1].map(() => {
        const [mainEnd, rendererEnd] = createMemoryTransportPair();
        ipcMain.connect(mainEnd);
        return trackFacade('renderer', new IpcRenderer(rendererEnd));
      });
      ipcMain.on('ping', (event: IpcMainEvent, n: number) => event.reply('pong', n));
      const got: Array<[number, number]> = [];
      renderers.forEach((r, i) => r.on('pong', (_e: IpcRendererEvent, n: number) => got.push([i, n])));
      renderers[1]!.send('ping', 7);
      await settle();
      expect(got).toEqual([[1, 7]]);
      expect(ipcMain.getAllWebContents().length).toBe(2);
    });

    it("should survive a renderer sending on 'error' with no listener, even after removeAllListeners", async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.removeAllListeners();
      ipcRenderer.send('error', new Error('x').message);
      await settle();
      ipcMain.handle('alive', () => 'yes');
      expect(await ipcRenderer.invoke('alive')).toBe('yes');
    });

    it("should deliver channel 'error' to listeners like any channel", async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      const got = jasmine.createSpy('error listener');
      ipcMain.on('error', got);
      ipcRenderer.send('error', 'payload');
      await settle();
      expect(got).toHaveBeenCalledWith(jasmine.anything(), 'payload');
    });

    it('should treat __proto__, constructor, hasOwnProperty and toString as ordinary channels', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      const names = ['__proto__', 'constructor', 'hasOwnProperty', 'toString'];
      const got: string[] = [];
      for (const name of names) ipcMain.on(name, (_e: IpcMainEvent, v: string) => got.push(v));
      for (const name of names) ipcRenderer.send(name, name);
      ipcMain.handle('__proto__', () => 'proto handled');
      await settle();
      expect(got).toEqual(names);
      expect(await ipcRenderer.invoke('__proto__')).toBe('proto handled');
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('should report a throwing listener on errors$ and keep serving', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      const reported: IpcError[] = [];
      const sub = ipcMain.errors$.subscribe((e) => reported.push(e));
      const second = jasmine.createSpy('second');
      ipcMain.on('boom', () => {
        throw new Error('main listener broke');
      });
      ipcMain.on('boom', second);
      ipcRenderer.send('boom');
      await settle();
      expect(second).toHaveBeenCalledTimes(1);
      expect(reported.map((e) => e.code)).toEqual(['ERR_IPC_LISTENER']);
      sub.unsubscribe();
    });
  });

  describe('channel', () => {
    it('should be hot: one listener per subscriber, removed on unsubscribe, nothing replayed', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcRenderer.send('c', 'before');
      await settle();
      const got: unknown[] = [];
      const a = ipcMain.channel('c').subscribe(({ args }) => got.push(['a', ...args]));
      const b = ipcMain.channel('c').subscribe(({ args }) => got.push(['b', ...args]));
      expect(ipcMain.listenerCount('c')).toBe(2);
      ipcRenderer.send('c', 1);
      await settle();
      a.unsubscribe();
      expect(ipcMain.listenerCount('c')).toBe(1);
      ipcRenderer.send('c', 2);
      await settle();
      b.unsubscribe();
      expect(ipcMain.listenerCount('c')).toBe(0);
      expect(got).toEqual([
        ['a', 1],
        ['b', 1],
        ['b', 2],
      ]);
    });

    it('should give { event, args } with event.sender', async () => {
      const { ipcMain, ipcRenderer, webContents } = createTestIpc();
      const first = lastValueFrom(ipcMain.channel('c').pipe(take(1)));
      ipcRenderer.send('c', 'x', 'y');
      const { event, args } = await first;
      expect(event.sender).toBe(webContents);
      expect(args).toEqual(['x', 'y']);
    });

    it('should complete on close', async () => {
      const { ipcMain } = createTestIpc();
      const all = lastValueFrom(ipcMain.channel('c').pipe(toArray()));
      ipcMain.close();
      expect(await all).toEqual([]);
    });
  });

  describe('invoke$ handlers', () => {
    it('should stream an Observable and abort event.signal when the renderer unsubscribes', async () => {
      const { ipcMain, ipcRenderer, webContents } = createTestIpc();
      let signal: AbortSignal | undefined;
      let sourceTornDown = false;
      ipcMain.handle('ticks', (event) => {
        signal = event.signal;
        return new Observable<number>((subscriber) => {
          let n = 0;
          const timer = setInterval(() => subscriber.next(n++), 1);
          return () => {
            sourceTornDown = true;
            clearInterval(timer);
          };
        });
      });
      const values = await lastValueFrom(ipcRenderer.invoke$<number>('ticks').pipe(take(3), toArray()));
      expect(values).toEqual([0, 1, 2]);
      await settle();
      expect(sourceTornDown).toBeTrue();
      expect(signal?.aborted).toBeTrue();
      expect((signal?.reason as IpcError).code).toBe('ERR_IPC_CANCELLED');
      expect(webContents.pendingCount).toBe(0);
    });

    it('should give a value or a Promise as one value then complete', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handle('v', () => 5);
      ipcMain.handle('p', async () => 6);
      expect(await lastValueFrom(ipcRenderer.invoke$('v').pipe(toArray()))).toEqual([5]);
      expect(await lastValueFrom(ipcRenderer.invoke$('p').pipe(toArray()))).toEqual([6]);
    });

    it('should resolve invoke with the last value of an Observable handler', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handle('obs', () => new Observable((s) => (s.next(1), s.next(2), s.complete())));
      expect(await ipcRenderer.invoke('obs')).toBe(2);
    });

    it('should error the stream with the remote error', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handle('bad', () => new Observable((s) => (s.next(1), s.error(new Error('mid-stream')))));
      const got: unknown[] = [];
      const err = await new Promise<unknown>((resolve) =>
        ipcRenderer.invoke$('bad').subscribe({ next: (v) => got.push(v), error: resolve }),
      );
      expect(got).toEqual([1]);
      expect((err as Error).message).toBe("Error invoking remote method 'bad': Error: mid-stream");
    });

    it('should abort event.signal of a running call when the renderer closes', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      let signal: AbortSignal | undefined;
      ipcMain.handle('hang', (event) => {
        signal = event.signal;
        return new Promise(() => undefined);
      });
      const pending = ipcRenderer.invoke('hang').catch((e: unknown) => e);
      await settle();
      expect(signal?.aborted).toBeFalse();
      ipcRenderer.close();
      await pending;
      await settle();
      expect(signal?.aborted).toBeTrue();
    });

    it('should give a signal first read after the cancellation already aborted, with the same reason', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      let event: IpcMainInvokeEvent | undefined;
      let tornDown = false;
      ipcMain.handle('late', (e) => {
        event = e; // The signal is not read while the call runs.
        return new Observable<number>((subscriber) => {
          subscriber.next(1);
          return () => (tornDown = true);
        });
      });
      expect(await lastValueFrom(ipcRenderer.invoke$<number>('late').pipe(take(1), toArray()))).toEqual([1]);
      await settle();
      expect(tornDown).toBeTrue();
      const signal = event!.signal;
      expect(signal.aborted).toBeTrue();
      expect((signal.reason as IpcError).code).toBe('ERR_IPC_CANCELLED');
      expect(event!.signal).toBe(signal);
    });

    it('should give a signal first read after the renderer closed already aborted', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      let event: IpcMainInvokeEvent | undefined;
      ipcMain.handle('hang', (e) => {
        event = e;
        return new Promise(() => undefined);
      });
      const pending = ipcRenderer.invoke('hang').catch((e: unknown) => e);
      await settle();
      ipcRenderer.close();
      await pending;
      await settle();
      expect(event!.signal.aborted).toBeTrue();
      expect((event!.signal.reason as IpcError).message).toMatch(/destroyed/);
    });

    it('should never abort the signal of a call that finished, whenever it is read', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      const events: IpcMainInvokeEvent[] = [];
      ipcMain.handle('quick', (e) => {
        events.push(e);
        return 1;
      });
      ipcMain.handle('early', (e) => {
        events.push(e);
        void e.signal; // Read while running.
        return 2;
      });
      expect(await ipcRenderer.invoke('quick')).toBe(1);
      expect(await ipcRenderer.invoke('early')).toBe(2);
      ipcRenderer.close();
      await settle();
      expect(events.map((e) => e.signal.aborted)).toEqual([false, false]);
      expect(events.map((e) => [e.type, e.frameId, e.processId === e.sender.id])).toEqual([
        ['frame', 0, true],
        ['frame', 0, true],
      ]);
    });
  });
});
