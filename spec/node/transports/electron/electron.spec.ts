import { firstValueFrom, interval, map, take, toArray } from 'rxjs';
import {
  decodeFrame,
  encodeFrame,
  IpcClosedError,
  IpcError,
  IpcMain,
  IpcNoReturnValueError,
  IpcRenderer,
  IpcTimeoutError,
  PROTOCOL_VERSION,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from '../../../../src/index.js';
import { ELECTRON_CHANNEL, electronMainTransports, electronRendererTransport } from '../../../../src/transports/electron/index.js';
import { settle, trackFacade } from '../../../helpers/leaks.js';
import { createFakeElectron, type FakeIpcRenderer, type FakeWebContents } from './fakeElectron.js';

/** A fake Electron app whose main process serves rxipc renderers with one rxipc IpcMain. */
function electronApp(): {
  ipcMain: IpcMain;
  electron: ReturnType<typeof createFakeElectron>;
  rxipcContents: Map<FakeWebContents, WebContents[]>;
  openWindow(): { webContents: FakeWebContents; electronIpcRenderer: FakeIpcRenderer; ipcRenderer: IpcRenderer };
  stop(): void;
} {
  const electron = createFakeElectron();
  const ipcMain = trackFacade('ipcMain', new IpcMain());
  const rxipcContents = new Map<FakeWebContents, WebContents[]>();
  const serving = electronMainTransports(electron.ipcMain, (transport, webContents) => {
    const contents = trackFacade('webContents', ipcMain.connect(transport));
    rxipcContents.set(webContents, [...(rxipcContents.get(webContents) ?? []), contents]);
  });
  trackFacade('serving', { close: () => serving.unsubscribe() });
  return {
    ipcMain,
    electron,
    rxipcContents,
    openWindow() {
      const { webContents, ipcRenderer: electronIpcRenderer } = electron.createWindow();
      const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(electronRendererTransport(electronIpcRenderer)));
      return { webContents, electronIpcRenderer, ipcRenderer };
    },
    stop: () => serving.unsubscribe(),
  };
}

/** Waits (up to 1.5 s) until `check` holds: the fake's messages hop through setImmediate, so how many turns they take depends on the load. */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 150 && !check(); i++) await settle(10);
}

function settled<T>(promise: Promise<T>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (e: unknown) => e,
  );
}

describe('electronRendererTransport', () => {
  it("should carry send, event.reply and webContents.send on Electron's IPC, on the reserved channel only", async () => {
    const app = electronApp();
    const { webContents, ipcRenderer } = app.openWindow();
    const electronChannels: string[] = [];
    webContents.on('ipc-message', (_event: unknown, channel: string) => electronChannels.push(channel));
    app.ipcMain.on('ping', (event: IpcMainEvent, ...args: unknown[]) => event.reply('pong', ...args));
    const pong = firstValueFrom(ipcRenderer.channel('pong'));
    const seen = firstValueFrom(app.ipcMain.channel('ping'));
    ipcRenderer.send('ping', 1, { two: [2] }, new Date(0));
    const { event } = await seen;
    // rxipc's JSON semantics hold on top of Electron's structured clone: the Date is its ISO text.
    expect((await pong).args).toEqual([1, { two: [2] }, '1970-01-01T00:00:00.000Z']);
    expect(app.rxipcContents.get(webContents)).toEqual([event.sender]);
    const direct = firstValueFrom(ipcRenderer.channel('direct'));
    event.sender.send('direct', 'hi');
    expect((await direct).args).toEqual(['hi']);
    expect(electronChannels.length).toBeGreaterThan(0);
    expect(new Set(electronChannels)).toEqual(new Set([ELECTRON_CHANNEL]));
  });

  it("should answer invoke, and reject it with the main-side error's message and code", async () => {
    const app = electronApp();
    const { ipcRenderer } = app.openWindow();
    app.ipcMain.handle('sum', (_event: IpcMainInvokeEvent, a: number, b: number) => a + b);
    app.ipcMain.handle('fail', () => {
      throw Object.assign(new Error('nope'), { code: 'E_NOPE' });
    });
    expect(await ipcRenderer.invoke('sum', 2, 3)).toBe(5);
    const error = (await settled(ipcRenderer.invoke('fail'))) as IpcError;
    expect(error.message).toBe("Error invoking remote method 'fail': Error: nope");
    expect(error.code).toBe('E_NOPE');
  });

  it("should stream invoke$ and abort main's event.signal when the renderer unsubscribes", async () => {
    const app = electronApp();
    const { ipcRenderer } = app.openWindow();
    let aborted!: Promise<unknown>;
    app.ipcMain.handle('ticks', (event: IpcMainInvokeEvent) => {
      aborted = new Promise((resolve) => event.signal.addEventListener('abort', () => resolve(event.signal.reason)));
      return interval(2).pipe(map((i) => i));
    });
    expect(await firstValueFrom(ipcRenderer.invoke$('ticks').pipe(take(3), toArray()))).toEqual([0, 1, 2]);
    expect(((await aborted) as IpcError).code).toBe('ERR_IPC_CANCELLED');
  });

  it('should keep the order of many messages both ways', async () => {
    const app = electronApp();
    const { ipcRenderer } = app.openWindow();
    const count = 300;
    app.ipcMain.on('burst', (event: IpcMainEvent, n: number) => {
      for (let i = 0; i < n; i++) event.reply('burst', i);
    });
    const received = firstValueFrom(
      app.ipcMain.channel('seq').pipe(
        map(({ args }) => args[0] as number),
        take(count),
        toArray(),
      ),
    );
    const burst = firstValueFrom(
      ipcRenderer.channel('burst').pipe(
        map(({ args }) => args[0] as number),
        take(count),
        toArray(),
      ),
    );
    for (let i = 0; i < count; i++) ipcRenderer.send('seq', i);
    ipcRenderer.send('burst', count);
    const expected = Array.from({ length: count }, (_, i) => i);
    expect(await received).toEqual(expected);
    expect(await burst).toEqual(expected);
  });

  describe('sendSync', () => {
    it("should return main's event.returnValue through Electron's blocking sendSync, after every earlier send", async () => {
      const app = electronApp();
      const { electronIpcRenderer, ipcRenderer } = app.openWindow();
      const sendSync = spyOn(electronIpcRenderer, 'sendSync').and.callThrough();
      const order: string[] = [];
      app.ipcMain.on('step', (_event: IpcMainEvent, n: number) => order.push(`send ${n}`));
      app.ipcMain.on('config', (event: IpcMainEvent, key: string) => {
        order.push('sync');
        event.returnValue = { key, handledAfter: order.length - 1 };
      });
      // Right after the transport was created: the handshake has not happened yet.
      for (let i = 0; i < 10; i++) ipcRenderer.send('step', i);
      expect(ipcRenderer.sendSync('config', 'theme')).toEqual({ key: 'theme', handledAfter: 10 });
      expect(order).toEqual([...Array.from({ length: 10 }, (_, i) => `send ${i}`), 'sync']);
      expect(sendSync).toHaveBeenCalled();
      for (const call of sendSync.calls.all()) expect(call.args[0]).toBe(ELECTRON_CHANNEL);
      // Once connected, it still works, and again keeps the order.
      ipcRenderer.send('step', 10);
      expect(ipcRenderer.sendSync('config', 'lang')).toEqual({ key: 'lang', handledAfter: 12 });
      await settle();
    });

    it('should deliver, after it returns and in order, what main sent before and during the sync call', async () => {
      const app = electronApp();
      const { ipcRenderer } = app.openWindow();
      app.ipcMain.on('before', (event: IpcMainEvent) => event.reply('news', 'before'));
      app.ipcMain.on('config', (event: IpcMainEvent) => {
        event.reply('news', 'during');
        event.returnValue = 'answer';
        event.reply('news', 'after answer');
      });
      expect(await ipcRenderer.invoke('unknown').catch(() => 'connected')).toBe('connected');
      const news: unknown[] = [];
      ipcRenderer.on('news', (_event, what: unknown) => news.push(what));
      ipcRenderer.send('before');
      expect(ipcRenderer.sendSync('config')).toBe('answer');
      expect(news).toEqual([]);
      await eventually(() => news.length >= 3);
      expect(news).toEqual(['before', 'during', 'after answer']);
    });

    it('should keep the reply out of the ordinary delivery of the transport', async () => {
      const app = electronApp();
      app.ipcMain.on('config', (event: IpcMainEvent) => {
        event.reply('news', 'during');
        event.returnValue = 42;
      });
      const { ipcRenderer: electronIpcRenderer } = app.electron.createWindow();
      const transport = electronRendererTransport(electronIpcRenderer);
      const delivered: string[] = [];
      const subscription = transport.subscribe({ next: (frame) => delivered.push(frame) });
      const request = encodeFrame({ v: PROTOCOL_VERSION, kind: 'sync', id: 7, channel: 'config', args: [] });
      const reply = transport.nextSync(request, (frame) => decodeFrame(frame).kind === 'reply', 1000);
      expect(decodeFrame(reply)).toEqual({ v: PROTOCOL_VERSION, kind: 'reply', id: 7, value: 42 });
      await eventually(() => delivered.length >= 1);
      expect(delivered.map((frame) => decodeFrame(frame).kind)).toEqual(['message']);
      subscription.unsubscribe();
      transport.complete();
    });

    it('should throw IpcNoReturnValueError when no main listener sets event.returnValue', () => {
      const app = electronApp();
      const { ipcRenderer } = app.openWindow();
      app.ipcMain.on('silent', () => undefined);
      expect(() => ipcRenderer.sendSync('silent')).toThrowError(IpcNoReturnValueError);
      expect(() => ipcRenderer.sendSync('nobody')).toThrowError(IpcNoReturnValueError);
    });
  });

  it('should destroy the rxipc WebContents and release Electron listeners when the renderer closes', async () => {
    const app = electronApp();
    const { webContents, electronIpcRenderer, ipcRenderer } = app.openWindow();
    expect(await ipcRenderer.invoke('nothing').catch(() => 'connected')).toBe('connected');
    const [contents] = app.rxipcContents.get(webContents)!;
    const destroyed = new Promise<void>((resolve) => contents!.once('destroyed', () => resolve()));
    ipcRenderer.close();
    await destroyed;
    // The renderer lets go once main's goodbye comes back (a message or two later; at the latest
    // after its closeTimeout of 1 s): wait for that, not for a fixed number of turns.
    await eventually(() => electronIpcRenderer.listenerCount(ELECTRON_CHANNEL) === 0);
    expect(electronIpcRenderer.listenerCount(ELECTRON_CHANNEL)).toBe(0);
    expect(webContents.listenerCount('destroyed')).toBe(0);
    expect(() => contents!.send('late')).toThrowError(IpcClosedError);
  });

  it('should reject pending calls, complete channels and refuse sends when main closes the connection', async () => {
    const app = electronApp();
    const { ipcRenderer } = app.openWindow();
    app.ipcMain.handle('never', () => new Promise(() => undefined));
    app.ipcMain.on('kick', (event: IpcMainEvent) => event.sender.close());
    const pending = settled(ipcRenderer.invoke('never'));
    const stream = settled(firstValueFrom(ipcRenderer.invoke$('never')));
    const channel = firstValueFrom(ipcRenderer.channel('anything').pipe(toArray()));
    ipcRenderer.send('kick');
    expect(await pending).toBeInstanceOf(IpcClosedError);
    expect(await stream).toBeInstanceOf(IpcClosedError);
    expect(await channel).toEqual([]);
    expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
  });

  it('should end the handshake with IpcTimeoutError when the main process does not serve rxipc', async () => {
    const electron = createFakeElectron();
    const { ipcRenderer: electronIpcRenderer } = electron.createWindow();
    const ipcRenderer = trackFacade(
      'ipcRenderer',
      new IpcRenderer(electronRendererTransport(electronIpcRenderer, { handshakeTimeout: 200 })),
    );
    const error = (await settled(ipcRenderer.invoke('x'))) as IpcClosedError;
    expect(error).toBeInstanceOf(IpcClosedError);
    expect(error.cause).toBeInstanceOf(IpcTimeoutError);
  });
});

describe('electronMainTransports', () => {
  it("should destroy the rxipc WebContents once, abort its handlers and refuse sends when Electron's webContents is destroyed", async () => {
    const app = electronApp();
    const other = app.openWindow();
    app.ipcMain.handle('sum', (_event: IpcMainInvokeEvent, a: number, b: number) => a + b);
    const started = new Promise<AbortSignal>((resolve) =>
      app.ipcMain.handle('never', (event: IpcMainInvokeEvent) => {
        resolve(event.signal);
        return new Promise(() => undefined);
      }),
    );
    const window = app.openWindow();
    void window.ipcRenderer.invoke('never').catch(() => undefined);
    const signal = await started;
    const [contents] = app.rxipcContents.get(window.webContents)!;
    const destroyed = jasmine.createSpy('destroyed');
    contents!.on('destroyed', destroyed);
    window.webContents.destroy();
    expect(destroyed).toHaveBeenCalledTimes(1);
    expect(contents!.isDestroyed()).toBeTrue();
    expect(signal.aborted).toBeTrue();
    expect(() => contents!.send('late')).toThrowError(IpcClosedError);
    expect(window.webContents.listenerCount('destroyed')).toBe(0);
    // That renderer's JavaScript is gone with its window; here it lives on, so end it.
    window.ipcRenderer.close();
    // The other window is still served.
    expect(await other.ipcRenderer.invoke('sum', 1, 2)).toBe(3);
    expect(app.ipcMain.getAllWebContents()).toEqual(app.rxipcContents.get(other.webContents)!);
  });

  it('should treat a renderer crash as peer loss, and a reloaded page as a new renderer', async () => {
    const app = electronApp();
    app.ipcMain.handle('whoami', (event: IpcMainInvokeEvent) => event.sender.id);
    const { webContents, ipcRenderer } = app.openWindow();
    const firstId = await ipcRenderer.invoke('whoami');
    const [first] = app.rxipcContents.get(webContents)!;
    expect(first!.id).toBe(firstId);

    // Reload: a new renderer world in the same Electron webContents.
    const reloaded = trackFacade('ipcRenderer', new IpcRenderer(electronRendererTransport(webContents.load())));
    const secondId = await reloaded.invoke('whoami');
    const [, second] = app.rxipcContents.get(webContents)!;
    expect(second!.id).toBe(secondId);
    expect(secondId).not.toBe(firstId);
    expect(first!.isDestroyed()).toBeTrue();

    // Crash: the rxipc WebContents is destroyed, the Electron webContents survives.
    const gone = new Promise<void>((resolve) => second!.once('destroyed', () => resolve()));
    webContents.crash();
    await gone;
    expect(webContents.isDestroyed()).toBeFalse();
    expect(app.ipcMain.getAllWebContents()).toEqual([]);
  });

  it('should serve several windows at once, event.reply reaching exactly the sender', async () => {
    const app = electronApp();
    app.ipcMain.on('who', (event: IpcMainEvent, tag: string) => event.reply('you-are', tag, event.sender.id));
    const windows = ['a', 'b', 'c'].map((tag) => ({ tag, ...app.openWindow(), heard: [] as unknown[][] }));
    for (const w of windows) w.ipcRenderer.on('you-are', (_e, ...args: unknown[]) => w.heard.push(args));
    const answered = windows.map((w) => firstValueFrom(w.ipcRenderer.channel('you-are')));
    for (const w of windows) w.ipcRenderer.send('who', w.tag);
    await Promise.all(answered);
    await settle();
    for (const w of windows) {
      expect(w.heard).toEqual([[w.tag, app.rxipcContents.get(w.webContents)![0]!.id]]);
    }
    expect(new Set(windows.map((w) => w.heard[0]![1])).size).toBe(3);
  });

  it('should close every transport it made and stop listening when unsubscribed', async () => {
    const app = electronApp();
    const windows = [app.openWindow(), app.openWindow()];
    app.ipcMain.handle('ok', () => 'ok');
    for (const w of windows) expect(await w.ipcRenderer.invoke('ok')).toBe('ok');
    const ended = windows.map((w) => firstValueFrom(w.ipcRenderer.channel('x').pipe(toArray())));
    app.stop();
    expect(await Promise.all(ended)).toEqual([[], []]);
    expect(app.ipcMain.getAllWebContents()).toEqual([]);
    // The renderers' goodbyes travel back on Electron's pipe (setImmediate in the fake).
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.electron.ipcMain.listenerCount(ELECTRON_CHANNEL)).toBe(0);
  });
});
