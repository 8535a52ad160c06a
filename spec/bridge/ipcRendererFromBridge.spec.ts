import { firstValueFrom, from, interval, lastValueFrom, map, Observable, take, toArray } from 'rxjs';
import {
  IpcClosedError,
  IpcError,
  IpcListenerError,
  IpcRemoteError,
  IpcSerializationError,
  liveChannelSubscriptions,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
} from '../../src/index.js';
import {
  exposeIpcBridge,
  IpcBridgeRefusedError,
  ipcRendererFromBridge,
  type BridgedIpcRendererEvent,
  type IpcBridgeAllowList,
} from '../../src/bridge/index.js';
import { invokeOn, sendTo } from '../../src/operators/index.js';
import { createTestIpc, settle, trackFacade } from '../helpers/leaks.js';
import { simulateContextBridge } from './simulateContextBridge.js';

const ALLOW: IpcBridgeAllowList = {
  send: ['log', 'v'],
  sendSync: ['config'],
  sendToHost: ['ready'],
  invoke: ['sum', 'square', 'ticks', 'fail', 'slow'],
  on: ['tick', 'status'],
};

/** The embedded ipc, a preload bridge over its renderer, and the page-side renderer behind a simulated contextBridge. */
function setup(allow: IpcBridgeAllowList = ALLOW) {
  const ipc = createTestIpc();
  const bridge = simulateContextBridge(exposeIpcBridge(ipc.ipcRenderer, allow));
  const page = trackFacade('page', ipcRendererFromBridge(bridge));
  return { ...ipc, bridge, page };
}

describe('ipcRendererFromBridge', () => {
  describe('listeners', () => {
    it('should deliver (event, ...args) with the page renderer as event.sender', async () => {
      const { page, webContents } = setup();
      const calls: unknown[][] = [];
      page.on('tick', (event: BridgedIpcRendererEvent, ...args: unknown[]) => void calls.push([event.sender, event.ports, ...args]));
      webContents.send('tick', 1, { two: 2 });
      await settle();
      expect(calls).toEqual([[page, [], 1, { two: 2 }]]);
      expect(calls[0]?.[0]).toBe(page);
    });

    it('should really remove a listener from the page, and release the preload listener', async () => {
      const { page, ipcRenderer, webContents } = setup();
      const seen: unknown[] = [];
      const listener = (_event: unknown, n: unknown): void => void seen.push(n);
      page.on('tick', listener);
      expect(ipcRenderer.listenerCount('tick')).toBe(1);
      webContents.send('tick', 1);
      await settle();
      page.removeListener('tick', listener);
      expect(page.listenerCount('tick')).toBe(0);
      expect(ipcRenderer.listenerCount('tick')).toBe(0);
      webContents.send('tick', 2);
      await settle();
      expect(seen).toEqual([1]);
    });

    it('should hold one bridge subscription per channel, whatever the number of page listeners', async () => {
      const { page, ipcRenderer, webContents } = setup();
      const a = jasmine.createSpy('a');
      const b = jasmine.createSpy('b');
      const s = jasmine.createSpy('s');
      page.on('tick', a).prependListener('tick', b).addListener('status', s).on('tick', a);
      expect(page.listenerCount('tick')).toBe(3);
      expect(ipcRenderer.listenerCount('tick')).toBe(1);
      expect(ipcRenderer.listenerCount('status')).toBe(1);
      expect(page.bridgeSubscriptionCount).toBe(2);
      webContents.send('tick', 7);
      await settle();
      expect(a).toHaveBeenCalledTimes(2);
      expect(b).toHaveBeenCalledTimes(1);
      page.off('tick', a);
      expect(ipcRenderer.listenerCount('tick')).toBe(1);
      page.removeListener('tick', a).removeListener('tick', b).removeListener('status', s);
      expect(ipcRenderer.listenerCount('tick')).toBe(0);
      expect(ipcRenderer.listenerCount('status')).toBe(0);
      expect(page.bridgeSubscriptionCount).toBe(0);
    });

    it('should call a once listener once, then release the preload listener', async () => {
      const { page, ipcRenderer, webContents } = setup();
      const once = jasmine.createSpy('once');
      page.once('tick', once).prependOnceListener('status', once);
      expect(ipcRenderer.listenerCount('tick')).toBe(1);
      webContents.send('tick', 1);
      webContents.send('tick', 2);
      await settle();
      expect(once).toHaveBeenCalledOnceWith(jasmine.objectContaining({ sender: page }), 1);
      expect(ipcRenderer.listenerCount('tick')).toBe(0);
      page.removeListener('status', once);
      expect(ipcRenderer.listenerCount('status')).toBe(0);
    });

    it('should release the preload listeners on removeAllListeners(channel) and removeAllListeners()', () => {
      const { page, ipcRenderer } = setup();
      const fn = (): void => undefined;
      page.on('tick', fn).on('tick', fn).on('status', fn);
      page.on('removeListener', fn); // a meta-event listener: kept local, never bridged
      page.removeAllListeners('tick');
      expect(ipcRenderer.listenerCount('tick')).toBe(0);
      expect(ipcRenderer.listenerCount('status')).toBe(1);
      page.on('tick', fn);
      page.removeAllListeners();
      expect(ipcRenderer.listenerCount('tick')).toBe(0);
      expect(ipcRenderer.listenerCount('status')).toBe(0);
      expect(ipcRenderer.listenerCount('removeListener')).toBe(0);
      expect(page.eventNames()).toEqual([]);
    });

    it('should keep delivering to the other listeners when one throws, and report it on errors$', async () => {
      const { page, webContents } = setup();
      const reported: IpcError[] = [];
      page.errors$.subscribe((error) => reported.push(error));
      const after = jasmine.createSpy('after');
      page.on('tick', () => {
        throw new Error('boom');
      });
      page.on('tick', after);
      webContents.send('tick', 1);
      await settle();
      expect(after).toHaveBeenCalledTimes(1);
      expect(reported.length).toBe(1);
      expect(reported[0]).toBeInstanceOf(IpcListenerError);
      expect(reported[0]?.message).toContain('boom');
    });

    it('should keep Node meta events and symbols local', () => {
      const { page, ipcRenderer } = setup();
      const added: unknown[] = [];
      const key = Symbol('local');
      page.on('newListener', (name) => void added.push(name));
      page.on(key, () => undefined);
      page.on('tick', () => undefined);
      expect(added).toEqual([key, 'tick']);
      expect(page.emit(key)).toBeTrue();
      expect(ipcRenderer.eventNames()).toEqual(['tick']);
    });
  });

  describe('channel()', () => {
    it('should be a hot Observable whose subscriptions come and go with the bridge subscription', async () => {
      const { page, ipcRenderer, webContents } = setup();
      const before = liveChannelSubscriptions();
      const first = page.channel('tick').subscribe();
      const values: unknown[] = [];
      const second = page.channel('tick').subscribe(({ event, args }) => values.push([event.sender === page, ...args]));
      expect(page.listenerCount('tick')).toBe(2);
      expect(ipcRenderer.listenerCount('tick')).toBe(1);
      expect(liveChannelSubscriptions() - before).toBe(2);
      webContents.send('tick', 5);
      await settle();
      expect(values).toEqual([[true, 5]]);
      first.unsubscribe();
      second.unsubscribe();
      expect(page.listenerCount('tick')).toBe(0);
      expect(ipcRenderer.listenerCount('tick')).toBe(0);
      expect(liveChannelSubscriptions() - before).toBe(0);
    });
  });

  describe('send / sendSync / sendToHost', () => {
    it('should send to main in order with invoke', async () => {
      const { page, ipcMain } = setup();
      const order: unknown[] = [];
      ipcMain.on('log', (_event: IpcMainEvent, ...args: unknown[]) => void order.push(['log', ...args]));
      ipcMain.handle('sum', (_event, a: number, b: number) => {
        order.push(['sum', a, b]);
        return a + b;
      });
      page.send('log', 'info', 'one');
      const total = page.invoke('sum', 1, 2);
      page.send('log', 'info', 'two');
      expect(await total).toBe(3);
      await settle();
      expect(order).toEqual([
        ['log', 'info', 'one'],
        ['sum', 1, 2],
        ['log', 'info', 'two'],
      ]);
    });

    it("should answer sendSync with main's returnValue", () => {
      const { page, ipcMain } = setup();
      ipcMain.on('config', (event: IpcMainEvent, key: string) => (event.returnValue = { key, theme: 'dark' }));
      expect(page.sendSync('config', 'ui')).toEqual({ key: 'ui', theme: 'dark' });
    });

    it('should reach the host with sendToHost', async () => {
      const { page, host } = setup();
      const got = jasmine.createSpy('got');
      host.channel('ready').subscribe(({ args }) => got(args));
      page.sendToHost('ready', 42);
      await settle();
      expect(got).toHaveBeenCalledOnceWith([42]);
    });

    it('should throw IpcSerializationError (class, name and code kept) for what JSON cannot encode', async () => {
      const { page, ipcMain } = setup();
      const heard = jasmine.createSpy('heard');
      ipcMain.on('log', heard);
      const thrown = catchError(() => page.send('log', 10n));
      expect(thrown).toBeInstanceOf(IpcSerializationError);
      expect((thrown as IpcSerializationError).code).toBe('ERR_IPC_SERIALIZATION');
      expect((thrown as IpcSerializationError).name).toBe('IpcSerializationError');
      const uncloneable = catchError(() => page.send('log', Symbol('x')));
      expect(uncloneable).toBeInstanceOf(IpcSerializationError);
      await settle();
      expect(heard).not.toHaveBeenCalled();
    });
  });

  describe('invoke / invoke$', () => {
    it('should resolve with the handler’s answer', async () => {
      const { page, ipcMain } = setup();
      ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
      ipcMain.handle('slow', () => new Promise((resolve) => setTimeout(() => resolve(undefined), 2)));
      expect(await page.invoke('sum', 2, 40)).toBe(42);
      expect(await page.invoke('slow')).toBeUndefined();
    });

    it('should reject with IpcRemoteError keeping Electron’s message, the remote name, code and fields', async () => {
      const { page, ipcMain } = setup();
      ipcMain.handle('fail', () => {
        throw Object.assign(new TypeError('no such file', { cause: new Error('disk') }), { code: 'ENOENT', path: '/x' });
      });
      const error = await page.invoke('fail').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IpcRemoteError);
      const remote = error as IpcRemoteError;
      expect(remote.message).toBe("Error invoking remote method 'fail': TypeError: no such file");
      expect(remote.name).toBe('TypeError');
      expect(remote.code).toBe('ENOENT');
      expect(remote['path']).toBe('/x');
      expect(remote.channel).toBe('fail');
      expect((remote.cause as Error).message).toBe('disk');
    });

    it('should stream with invoke$, and cancel on the main side when the page unsubscribes', async () => {
      const { page, ipcMain, webContents } = setup();
      let signal: AbortSignal | undefined;
      let live = 0;
      ipcMain.handle('ticks', (event: IpcMainInvokeEvent, every: number) => {
        signal = event.signal;
        return new Observable<number>((subscriber) => {
          live++;
          const sub = interval(every)
            .pipe(map((i) => i * 10))
            .subscribe(subscriber);
          return () => {
            live--;
            sub.unsubscribe();
          };
        });
      });
      const values = await lastValueFrom(page.invoke$<number>('ticks', 1).pipe(take(3), toArray()));
      expect(values).toEqual([0, 10, 20]);
      await settle(5);
      expect(signal?.aborted).toBeTrue();
      expect(live).toBe(0);
      expect(webContents.pendingCount).toBe(0);
      expect(page.pendingCount).toBe(0);
    });

    it('should give one value then complete for a handler that returns a value', async () => {
      const { page, ipcMain } = setup();
      ipcMain.handle('square', (_event, n: number) => n * n);
      expect(await lastValueFrom(page.invoke$('square', 4).pipe(toArray()))).toEqual([16]);
    });

    it('should error invoke$ with the remote error, kept as IpcRemoteError', async () => {
      const { page, ipcMain } = setup();
      ipcMain.handle('fail', () => {
        throw Object.assign(new Error('nope'), { code: 'E_NOPE' });
      });
      const error = await firstValueFrom(page.invoke$('fail')).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IpcRemoteError);
      expect((error as IpcRemoteError).code).toBe('E_NOPE');
    });
  });

  describe('allow-list', () => {
    it('should refuse channels outside it with IpcBridgeRefusedError, sending nothing and listening to nothing', async () => {
      const { page, ipcMain, ipcRenderer } = setup();
      const heard = jasmine.createSpy('heard');
      ipcMain.on('secret', heard);
      ipcMain.handle('secret', () => 'leaked');
      const refused = (e: unknown): boolean =>
        e instanceof IpcBridgeRefusedError && e.code === 'ERR_IPC_BRIDGE_REFUSED' && e.channel === 'secret';
      expect(() => page.send('secret')).toThrowMatching(refused);
      expect(() => page.sendSync('secret')).toThrowMatching(refused);
      expect(() => page.sendToHost('secret')).toThrowMatching(refused);
      expect(() => page.on('secret', () => undefined)).toThrowMatching(refused);
      expect(() => page.once('secret', () => undefined)).toThrowMatching(refused);
      expect(() => page.channel('secret')).toThrowMatching(refused);
      await expectAsync(page.invoke('secret')).toBeRejectedWith(jasmine.any(IpcBridgeRefusedError));
      await expectAsync(firstValueFrom(page.invoke$('secret'))).toBeRejectedWith(jasmine.any(IpcBridgeRefusedError));
      // A channel allowed for one kind of call is not allowed for another.
      expect(() => page.send('tick')).toThrowMatching((e) => e instanceof IpcBridgeRefusedError);
      expect(() => page.on('log', () => undefined)).toThrowMatching((e) => e instanceof IpcBridgeRefusedError);
      expect(page.listenerCount('secret')).toBe(0);
      expect(ipcRenderer.listenerCount('secret')).toBe(0);
      await settle();
      expect(heard).not.toHaveBeenCalled();
      expect(page.pendingCount).toBe(0);
    });

    it('should be enforced by the preload too, whatever the page believes', () => {
      const ipc = createTestIpc();
      const honest = exposeIpcBridge(ipc.ipcRenderer, { send: ['log'] });
      // A page that lies about the allow-list still meets the preload's own check.
      const lying = simulateContextBridge({ ...honest, channels: { ...honest.channels, send: ['log', 'secret'] } });
      const page = trackFacade('page', ipcRendererFromBridge(lying));
      expect(() => page.send('secret')).toThrowMatching((e) => e instanceof IpcBridgeRefusedError && e.code === 'ERR_IPC_BRIDGE_REFUSED');
    });
  });

  describe('close', () => {
    it('should follow the preload renderer closing: IpcClosedError (class and code kept), channels complete', async () => {
      const { page, ipcMain, ipcRenderer } = setup();
      ipcMain.handle('slow', () => new Promise(() => undefined));
      const pending = page.invoke('slow');
      const completed = jasmine.createSpy('completed');
      page.channel('tick').subscribe({ complete: completed });
      await settle();
      const rejection = expectAsync(pending).toBeRejectedWith(jasmine.any(IpcClosedError));
      ipcRenderer.close();
      await rejection;
      expect(completed).toHaveBeenCalledTimes(1);
      expect(page.isClosed).toBeTrue();
      const thrown = catchError(() => page.send('log', 'x'));
      expect(thrown).toBeInstanceOf(IpcClosedError);
      expect((thrown as IpcClosedError).code).toBe('ERR_IPC_CLOSED');
      expect(ipcRenderer.listenerCount('tick')).toBe(0);
    });

    it('should report an IpcClosedError from the preload with its class and code when the page is still open', () => {
      const ipc = createTestIpc();
      // Electron's own ipcRenderer has no errors$: the page does not learn that it closed, but the errors still say so.
      const { send, sendSync, invoke, on, removeListener } = ipc.ipcRenderer;
      const bridge = simulateContextBridge(exposeIpcBridge({ send, sendSync, invoke, on, removeListener }, { send: ['log'] }));
      const page = trackFacade('page', ipcRendererFromBridge(bridge));
      ipc.ipcRenderer.close();
      const thrown = catchError(() => page.send('log', 'x'));
      expect(thrown).toBeInstanceOf(IpcClosedError);
      expect((thrown as IpcClosedError).name).toBe('IpcClosedError');
      expect((thrown as IpcClosedError).code).toBe('ERR_IPC_CLOSED');
      expect((thrown as IpcClosedError).channel).toBe('log');
    });

    it('should close the page side only: release every bridge subscription, reject calls, error streams', async () => {
      const { page, ipcMain, ipcRenderer, webContents } = setup();
      let answer: (value: string) => void = () => undefined;
      ipcMain.handle('slow', () => new Promise<string>((resolve) => (answer = resolve)));
      ipcMain.handle('ticks', () => interval(1));
      page.on('tick', () => undefined);
      const pending = page.invoke('slow');
      const streamed = firstValueFrom(page.invoke$('ticks').pipe(take(1000)).pipe(toArray()));
      await settle();
      expect(webContents.pendingCount).toBe(2);
      const rejections = Promise.all([
        expectAsync(pending).toBeRejectedWith(jasmine.any(IpcClosedError)),
        expectAsync(streamed).toBeRejectedWith(jasmine.any(IpcClosedError)),
      ]);
      page.close();
      page.close();
      await rejections;
      expect(ipcRenderer.listenerCount('tick')).toBe(0);
      expect(page.pendingCount).toBe(0);
      expect(() => page.send('log')).toThrowError(IpcClosedError);
      await expectAsync(page.invoke('sum', 1, 2)).toBeRejectedWith(jasmine.any(IpcClosedError));
      expect(ipcRenderer.isClosed).toBeFalse();
      await settle(2);
      expect(webContents.pendingCount).toBe(1); // the stream was cancelled on main; the Promise handler cannot be
      answer('late');
      await settle();
      expect(webContents.pendingCount).toBe(0);
      expect(ipcRenderer.pendingCount).toBe(0);
    });
  });

  describe('operators', () => {
    it('should work with sendTo and invokeOn', async () => {
      const { page, ipcMain } = setup();
      const got: unknown[] = [];
      ipcMain.on('v', (_event: IpcMainEvent, value: unknown) => void got.push(value));
      ipcMain.handle('square', (_event, n: number) => n * n);
      const passed = await lastValueFrom(from([1, 2]).pipe(sendTo(page, 'v'), toArray()));
      const squares = await lastValueFrom(from([1, 2, 3]).pipe(invokeOn<number, number>(page, 'square'), toArray()));
      await settle();
      expect(passed).toEqual([1, 2]);
      expect(got).toEqual([1, 2]);
      expect(squares).toEqual([1, 4, 9]);
    });
  });

  it('should work when its methods are detached', async () => {
    const { page, ipcMain, webContents } = setup();
    const { send, on, removeListener, invoke } = page;
    ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
    const got = jasmine.createSpy('got');
    ipcMain.on('log', (event: IpcMainEvent) => event.reply('tick', 1));
    on('tick', got);
    send('log');
    await settle();
    expect(got).toHaveBeenCalledTimes(1);
    removeListener('tick', got);
    expect(page.listenerCount('tick')).toBe(0);
    expect(await invoke('sum', 1, 1)).toBe(2);
    webContents.send('tick', 2);
    await settle();
    expect(got).toHaveBeenCalledTimes(1);
  });

  it('should refuse something that is not a bridge', () => {
    expect(() => ipcRendererFromBridge({} as never)).toThrowMatching(
      (e) => e instanceof TypeError && (e as { code?: string }).code === 'ERR_INVALID_ARG_TYPE',
    );
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
