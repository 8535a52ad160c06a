import {
  IpcClosedError,
  IpcError,
  IpcNoReturnValueError,
  IpcRemoteError,
  IpcRenderer,
  IpcSerializationError,
  IpcSyncUnsupportedError,
  type IpcMainEvent,
  type IpcRendererEvent,
  type SubjectLike,
} from '../../src/index.js';
import { Subject } from 'rxjs';
import { createTestIpc, settle, trackFacade } from '../helpers/leaks.js';

describe('IpcRenderer', () => {
  describe('send', () => {
    it('should deliver to main listeners as (event, ...args) after send returns', async () => {
      const { ipcMain, ipcRenderer, webContents } = createTestIpc();
      const seen: unknown[][] = [];
      ipcMain.on('greet', (event: IpcMainEvent, ...args: unknown[]) => seen.push([event.sender, ...args]));
      ipcRenderer.send('greet', 'a', 2, { three: 3 });
      expect(seen).toEqual([]);
      await settle();
      expect(seen).toEqual([[webContents, 'a', 2, { three: 3 }]]);
    });

    it('should apply JSON semantics at the sender: undefined → null, Date → ISO, functions dropped', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      let got: unknown[] = [];
      ipcMain.on('json', (_e: IpcMainEvent, ...args: unknown[]) => (got = args));
      class Point {
        constructor(public x: number) {}
        norm(): number {
          return this.x;
        }
      }
      ipcRenderer.send('json', undefined, new Date(0), () => 1, { f: () => 1, u: undefined, p: new Point(2) }, NaN);
      await settle();
      expect(got).toEqual([null, '1970-01-01T00:00:00.000Z', null, { p: { x: 2 } }, null]);
      expect(Object.getPrototypeOf((got[3] as { p: object }).p)).toBe(Object.prototype);
    });

    it('should never share references with the receiver, and snapshot arguments inside the call', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      const payload = { list: [1] };
      let got: { list: number[] } | undefined;
      ipcMain.on('obj', (_e: IpcMainEvent, arg: { list: number[] }) => (got = arg));
      ipcRenderer.send('obj', payload);
      payload.list.push(2);
      await settle();
      expect(got).toEqual({ list: [1] });
      expect(got).not.toBe(payload);
    });

    it('should throw IpcSerializationError naming the channel for a cycle, and send nothing', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      const received = jasmine.createSpy('received');
      ipcMain.on('cyc', received);
      const a: Record<string, unknown> = {};
      a['self'] = a;
      expect(() => ipcRenderer.send('cyc', a)).toThrowMatching(
        (e) => e instanceof IpcSerializationError && e.code === 'ERR_IPC_SERIALIZATION' && /'cyc'/.test(e.message),
      );
      expect(() => ipcRenderer.send('cyc', 10n)).toThrowError(IpcSerializationError);
      await settle();
      expect(received).not.toHaveBeenCalled();
    });

    it('should throw a TypeError with ERR_INVALID_ARG_TYPE for a non-string channel', () => {
      const { ipcRenderer } = createTestIpc();
      expect(() => ipcRenderer.send(42 as unknown as string)).toThrowMatching(
        (e) => e instanceof TypeError && (e as { code?: string }).code === 'ERR_INVALID_ARG_TYPE',
      );
    });

    it('should work when detached from the object', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      const { send, on, removeListener } = ipcRenderer;
      const got = jasmine.createSpy('got');
      ipcMain.on('d', (e: IpcMainEvent) => e.reply('back', 1));
      on('back', got);
      send('d');
      await settle();
      expect(got).toHaveBeenCalledTimes(1);
      removeListener('back', got);
      expect(ipcRenderer.listenerCount('back')).toBe(0);
    });
  });

  describe('on / once / removeListener / removeAllListeners', () => {
    it('should give renderer listeners (event, ...args) with event.sender and empty ports', async () => {
      const { ipcRenderer, webContents } = createTestIpc();
      let event: IpcRendererEvent | undefined;
      let args: unknown[] = [];
      ipcRenderer.on('m', (e: IpcRendererEvent, ...a: unknown[]) => {
        event = e;
        args = a;
      });
      webContents.send('m', 1, 'two');
      await settle();
      expect(event?.sender).toBe(ipcRenderer);
      expect(event?.ports).toEqual([]);
      expect(args).toEqual([1, 'two']);
    });

    it('should return this from on/once/removeListener/removeAllListeners', () => {
      const { ipcRenderer } = createTestIpc();
      const fn = (): void => undefined;
      expect(ipcRenderer.on('a', fn)).toBe(ipcRenderer);
      expect(ipcRenderer.once('a', fn)).toBe(ipcRenderer);
      expect(ipcRenderer.removeListener('a', fn)).toBe(ipcRenderer);
      expect(ipcRenderer.removeAllListeners('a')).toBe(ipcRenderer);
    });

    it('should call a once listener for one message only', async () => {
      const { ipcRenderer, webContents } = createTestIpc();
      const once = jasmine.createSpy('once');
      ipcRenderer.once('x', once);
      webContents.send('x', 1);
      webContents.send('x', 2);
      await settle();
      expect(once).toHaveBeenCalledTimes(1);
      expect(once.calls.argsFor(0)[1]).toBe(1);
    });

    it('should remove all listeners of one channel, or of every channel', async () => {
      const { ipcRenderer, webContents } = createTestIpc();
      const a = jasmine.createSpy('a');
      const b = jasmine.createSpy('b');
      ipcRenderer.on('a', a).on('a', a).on('b', b);
      ipcRenderer.removeAllListeners('a');
      webContents.send('a');
      webContents.send('b');
      await settle();
      expect(a).not.toHaveBeenCalled();
      expect(b).toHaveBeenCalledTimes(1);
      ipcRenderer.removeAllListeners();
      webContents.send('b');
      await settle();
      expect(b).toHaveBeenCalledTimes(1);
      expect(ipcRenderer.eventNames()).toEqual([]);
    });

    it('should keep delivering to other listeners when one throws, and report the error', async () => {
      const { ipcRenderer, webContents } = createTestIpc();
      const reported: IpcError[] = [];
      const sub = ipcRenderer.errors$.subscribe((e) => reported.push(e));
      const after = jasmine.createSpy('after');
      ipcRenderer.on('t', () => {
        throw new Error('listener broke');
      });
      ipcRenderer.on('t', after);
      webContents.send('t');
      webContents.send('t');
      await settle();
      expect(after).toHaveBeenCalledTimes(2);
      expect(reported.length).toBe(2);
      expect(reported[0]!.code).toBe('ERR_IPC_LISTENER');
      expect((reported[0]!.cause as Error).message).toBe('listener broke');
      sub.unsubscribe();
    });
  });

  describe('sendSync', () => {
    it('should return the first value a main listener assigns to returnValue', () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.on('sync', (e: IpcMainEvent, a: number, b: number) => {
        e.returnValue = a + b;
        e.returnValue = 'second assignment loses';
      });
      ipcMain.on('sync', (e: IpcMainEvent) => {
        e.returnValue = 'later listener loses';
      });
      expect(ipcRenderer.sendSync('sync', 2, 3)).toBe(5);
    });

    it('should return undefined and null faithfully', () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.on('u', (e: IpcMainEvent) => (e.returnValue = undefined));
      ipcMain.on('n', (e: IpcMainEvent) => (e.returnValue = null));
      expect(ipcRenderer.sendSync('u')).toBeUndefined();
      expect(ipcRenderer.sendSync('n')).toBeNull();
    });

    it('should be handled after every send before it', () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      const order: string[] = [];
      ipcMain.on('s', (_e: IpcMainEvent, n: number) => order.push(`send ${n}`));
      ipcMain.on('q', (e: IpcMainEvent) => {
        order.push('sync');
        e.returnValue = order.length;
      });
      for (let i = 0; i < 10; i++) ipcRenderer.send('s', i);
      expect(ipcRenderer.sendSync('q')).toBe(11);
      expect(order[10]).toBe('sync');
      expect(order.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `send ${i}`));
    });

    it('should throw IpcNoReturnValueError at once when no main listener answers', () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      expect(() => ipcRenderer.sendSync('nobody')).toThrowError(IpcNoReturnValueError);
      ipcMain.on('silent', () => undefined);
      expect(() => ipcRenderer.sendSync('silent')).toThrowMatching((e) => e instanceof IpcNoReturnValueError && e.channel === 'silent');
    });

    it('should not deliver messages from main during the call, but after it, in order', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      const got: number[] = [];
      ipcRenderer.on('m', (_e: IpcRendererEvent, n: number) => got.push(n));
      ipcMain.on('q', (e: IpcMainEvent) => {
        e.reply('m', 1);
        e.returnValue = 'ok';
        e.reply('m', 2);
      });
      expect(ipcRenderer.sendSync('q')).toBe('ok');
      expect(got).toEqual([]);
      await settle();
      expect(got).toEqual([1, 2]);
    });

    it('should throw IpcSyncUnsupportedError over a transport that cannot block', () => {
      const incoming = new Subject<string>();
      const transport: SubjectLike<string> = {
        next: () => undefined,
        complete: () => incoming.complete(),
        subscribe: (o) => incoming.subscribe(o),
      };
      const renderer = trackFacade('renderer', new IpcRenderer(transport));
      expect(() => renderer.sendSync('x')).toThrowMatching((e) => e instanceof IpcSyncUnsupportedError && /invoke\('x'/.test(e.message));
    });
  });

  describe('invoke', () => {
    it('should resolve with what the handler returns, awaiting a Promise', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handle('sum', (_e, a: number, b: number) => a + b);
      ipcMain.handle('later', async (_e, v: string) => `${v}!`);
      expect(await ipcRenderer.invoke('sum', 1, 2)).toBe(3);
      expect(await ipcRenderer.invoke('later', 'hi')).toBe('hi!');
    });

    it('should resolve undefined (not null) when the handler returns undefined', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handle('nothing', () => undefined);
      const result = await ipcRenderer.invoke('nothing');
      expect(result).toBeUndefined();
    });

    it("should reject with Electron's text and the remote code, name, fields and cause", async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handle('fail', () => {
        const err = new TypeError('bad input', { cause: new RangeError('too big') });
        Object.assign(err, { code: 'E_REMOTE_CODE', detail: { field: 'x' } });
        throw err;
      });
      const err = await ipcRenderer.invoke('fail').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IpcRemoteError);
      expect(err).toBeInstanceOf(IpcError);
      const remote = err as IpcRemoteError;
      expect(remote.message).toBe("Error invoking remote method 'fail': TypeError: bad input");
      expect(remote.code).toBe('E_REMOTE_CODE');
      expect(remote.name).toBe('TypeError');
      expect(remote['detail']).toEqual({ field: 'x' });
      expect(remote.cause).toEqual(jasmine.any(Error));
      expect((remote.cause as Error).name).toBe('RangeError');
      expect((remote.cause as Error).message).toBe('too big');
      expect(remote.remoteStack).toBeUndefined();
    });

    it('should reject with the text of a thrown non-Error and a rejected Promise', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handle('str', () => {
        throw 'plain string';
      });
      ipcMain.handle('rej', () => Promise.reject(new Error('async boom')));
      await expectAsync(ipcRenderer.invoke('str')).toBeRejectedWithError("Error invoking remote method 'str': plain string");
      await expectAsync(ipcRenderer.invoke('rej')).toBeRejectedWithError("Error invoking remote method 'rej': Error: async boom");
    });

    it('should carry the remote stack only when main opts in with exposeStack', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc({ exposeStack: true });
      ipcMain.handle('fail', () => {
        throw new Error('with stack');
      });
      const err = (await ipcRenderer.invoke('fail').catch((e: unknown) => e)) as IpcRemoteError;
      expect(err.remoteStack).toContain('with stack');
    });

    it("should reject with Electron's 'No handler registered' text", async () => {
      const { ipcRenderer } = createTestIpc();
      const err = (await ipcRenderer.invoke('none').catch((e: unknown) => e)) as IpcRemoteError;
      expect(err.message).toBe("Error invoking remote method 'none': Error: No handler registered for 'none'");
      expect(err.code).toBe('ERR_IPC_NO_HANDLER');
    });

    it('should reject (not throw) on a serialisation error and send nothing', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      const handler = jasmine.createSpy('handler');
      ipcMain.handle('big', handler);
      await expectAsync(ipcRenderer.invoke('big', 1n)).toBeRejectedWithError(IpcSerializationError);
      await settle();
      expect(handler).not.toHaveBeenCalled();
    });

    it('should answer with a serialisation error when the handler result cannot be encoded', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handle('bigint', () => 5n);
      const err = (await ipcRenderer.invoke('bigint').catch((e: unknown) => e)) as IpcRemoteError;
      expect(err).toBeInstanceOf(IpcRemoteError);
      expect(err.code).toBe('ERR_IPC_SERIALIZATION');
    });
  });

  describe('close', () => {
    it('should reject pending invokes, complete channels and make sends throw IpcClosedError', async () => {
      const { ipcMain, ipcRenderer, webContents } = createTestIpc();
      ipcMain.handle('slow', () => new Promise(() => undefined));
      const pending = ipcRenderer.invoke('slow');
      const completed = jasmine.createSpy('complete');
      ipcRenderer.channel('c').subscribe({ complete: completed });
      await settle();
      ipcRenderer.close();
      await expectAsync(pending).toBeRejectedWith(jasmine.any(IpcClosedError));
      expect(completed).toHaveBeenCalled();
      expect(() => ipcRenderer.send('x')).toThrowError(IpcClosedError);
      expect(() => ipcRenderer.sendSync('x')).toThrowError(IpcClosedError);
      expect(() => ipcRenderer.sendToHost('x')).toThrowError(IpcClosedError);
      await expectAsync(ipcRenderer.invoke('x')).toBeRejectedWith(jasmine.any(IpcClosedError));
      await settle();
      expect(webContents.isDestroyed()).toBeTrue();
      expect(webContents.pendingCount).toBe(0);
    });

    it('should be idempotent', () => {
      const { ipcRenderer } = createTestIpc();
      ipcRenderer.close();
      expect(() => ipcRenderer.close()).not.toThrow();
      expect(ipcRenderer.isClosed).toBeTrue();
    });

    it('should close when the main side closes, rejecting pending calls', async () => {
      const { ipcMain, ipcRenderer } = createTestIpc();
      ipcMain.handle('slow', () => new Promise(() => undefined));
      const pending = ipcRenderer.invoke('slow');
      await settle();
      ipcMain.close();
      await expectAsync(pending).toBeRejectedWith(jasmine.any(IpcClosedError));
      expect(ipcRenderer.isClosed).toBeTrue();
    });
  });
});
