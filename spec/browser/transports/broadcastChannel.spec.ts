// The broadcastChannel transports over real BroadcastChannel objects in Chromium: one main on the
// page, renderers on the page (each with its own BroadcastChannel objects) and in same-origin
// iframes that run their own copy of rxipc (spec/browser/fixtures/frameGuest.ts).
import { Subject, finalize } from 'rxjs';
import {
  IpcBackpressureError,
  IpcClosedError,
  IpcHost,
  IpcMain,
  IpcRenderer,
  IpcTimeoutError,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type SubjectLike,
  type WebContents,
} from '../../../src/index.js';
import {
  broadcastChannelMain,
  broadcastChannelTransport,
  type BroadcastChannelMain,
  type BroadcastChannelTransportOptions,
} from '../../../src/transports/broadcastChannel/index.js';
import { closeGuests, loadGuestFrame } from '../fixtures/frameHarness.js';
import { trackFacade } from '../../helpers/leaks.js';
import { sendUntilRefused } from '../../helpers/backpressure.js';

function once(emitter: { once(event: string, listener: (...args: any[]) => void): unknown }, event: string): Promise<unknown[]> {
  return new Promise((resolve) => emitter.once(event, (...args: unknown[]) => resolve(args)));
}

async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection');
}

/** Resolves when the facade closes (its channel Observables complete). */
function closedSignal(facade: { channel(name: string): { subscribe(o: { complete(): void }): unknown } }): Promise<void> {
  return new Promise((resolve) => facade.channel('any').subscribe({ complete: resolve }));
}

describe('broadcastChannelMain / broadcastChannelTransport', () => {
  let name: string;
  const mains: BroadcastChannelMain[] = [];

  beforeEach(() => {
    name = `rxipc-spec-${Math.random().toString(36).slice(2)}`;
  });

  afterEach(() => {
    for (const main of mains.splice(0)) main.close();
    closeGuests();
  });

  /** A main on the page; `next()` resolves with the WebContents of the next renderer. */
  function startMain(options?: BroadcastChannelTransportOptions, channelName = name) {
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    const waiting: Array<(contents: WebContents) => void> = [];
    const ready: WebContents[] = [];
    const ids: string[] = [];
    const main = broadcastChannelMain(
      channelName,
      (transport, { rendererId }) => {
        const contents = trackFacade('webContents', ipcMain.connect(transport));
        ids.push(rendererId);
        const resolve = waiting.shift();
        if (resolve !== undefined) resolve(contents);
        else ready.push(contents);
      },
      options,
    );
    mains.push(main);
    const next = (): Promise<WebContents> => {
      const contents = ready.shift();
      return contents !== undefined ? Promise.resolve(contents) : new Promise((resolve) => waiting.push(resolve));
    };
    return { ipcMain, main, next, ids };
  }

  function pageRenderer(options?: BroadcastChannelTransportOptions, host?: SubjectLike<string>): IpcRenderer {
    return trackFacade('ipcRenderer', new IpcRenderer(broadcastChannelTransport(name, options), host === undefined ? {} : { host }));
  }

  describe('send / on / event.reply / webContents.send', () => {
    it('should give each renderer its own WebContents, and answer exactly the renderer that asked', async () => {
      const { ipcMain, next } = startMain();
      const frame = await loadGuestFrame();
      const renderers: IpcRenderer[] = [
        pageRenderer(),
        pageRenderer(),
        pageRenderer(),
        trackFacade('frameRenderer', new frame.guest.IpcRenderer(frame.guest.broadcastChannelTransport(name))) as unknown as IpcRenderer,
      ];
      const senders = new Map<string, WebContents>();
      ipcMain.on('who', (event: IpcMainEvent, label: string) => {
        senders.set(label, event.sender);
        event.reply('you', label, event.sender.id);
      });
      const answers = renderers.map(() => [] as unknown[][]);
      renderers.forEach((renderer, i) => renderer.on('you', (_event: unknown, ...args: unknown[]) => answers[i]!.push(args)));
      renderers.forEach((renderer, i) => renderer.send('who', `r${i}`));
      const contents = await Promise.all(renderers.map(() => next()));
      ipcMain.handle('sync', () => true);
      await Promise.all(renderers.map((renderer) => renderer.invoke('sync')));

      expect(new Set(contents.map((c) => c.id)).size).toBe(4);
      answers.forEach((got, i) => expect(got).toEqual([[`r${i}`, senders.get(`r${i}`)!.id]]));

      // webContents.send reaches that renderer only.
      const pushed = renderers.map(() => [] as unknown[]);
      renderers.forEach((renderer, i) => renderer.on('push', (_event: unknown, value: unknown) => pushed[i]!.push(value)));
      const target = senders.get('r3')!;
      target.send('push', 'just you');
      await renderers[3]!.invoke('sync');
      await Promise.all(renderers.map((renderer) => renderer.invoke('sync')));
      expect(pushed).toEqual([[], [], [], ['just you']]);
    });

    it('should keep what a renderer sends before any main listens, and deliver it in order once one does', async () => {
      const ipcRenderer = pageRenderer();
      ipcRenderer.send('early', 1);
      ipcRenderer.send('early', 2);
      const answer = ipcRenderer.invoke('early-call', 3);
      // A few hellos go unanswered before the main exists.
      const probe = new BroadcastChannel(name);
      const hellos = new Promise<void>((resolve) => {
        let seen = 0;
        probe.onmessage = () => {
          if (++seen === 2) resolve();
        };
      });
      await hellos;
      probe.close();
      const { ipcMain } = startMain();
      const got: unknown[] = [];
      ipcMain.on('early', (_event: IpcMainEvent, n: number) => got.push(n));
      ipcMain.handle('early-call', (_event: IpcMainInvokeEvent, n: number) => {
        got.push(n);
        return 'late but fine';
      });
      expect(await answer).toBe('late but fine');
      expect(got).toEqual([1, 2, 3]);
    });

    it('should refuse sends past highWaterMark while no main listens, and deliver every accepted one in order once one does', async () => {
      const highWaterMark = 300;
      const transport = broadcastChannelTransport(name, { highWaterMark });
      const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(transport));
      const payload = 'x'.repeat(40);
      const { accepted, error, measured } = await sendUntilRefused({
        send: (i) => ipcRenderer.send('early', i, payload),
        measure: () => transport.bufferedAmount(),
        max: 1000,
      });
      expect(error).toBeInstanceOf(IpcBackpressureError);
      expect(measured).toBeGreaterThanOrEqual(highWaterMark);
      expect(measured).toBeLessThan(highWaterMark + 100); // the mark plus one frame
      expect(accepted).toBeGreaterThan(1);
      const { ipcMain } = startMain();
      const got: unknown[] = [];
      let wanted = accepted;
      let reached: () => void = () => undefined;
      ipcMain.on('early', (_event: IpcMainEvent, n: number) => {
        got.push(n);
        if (got.length === wanted) reached();
      });
      await new Promise<void>((resolve) => (reached = resolve));
      expect(got).toEqual(Array.from({ length: accepted }, (_, i) => i));
      expect(transport.bufferedAmount()).toBe(0);
      wanted++;
      ipcRenderer.send('early', accepted, payload); // room again
      await new Promise<void>((resolve) => (reached = resolve));
      expect(got.length).toBe(accepted + 1);
    });
  });

  describe('invoke / invoke$', () => {
    it('should resolve invoke and reject with the remote error', async () => {
      const { ipcMain } = startMain();
      ipcMain.handle('sum', (_event: IpcMainInvokeEvent, a: number, b: number) => a + b);
      ipcMain.handle('fail', () => {
        throw Object.assign(new TypeError('bad'), { code: 'E_BAD' });
      });
      const ipcRenderer = pageRenderer();
      expect(await ipcRenderer.invoke('sum', 2, 3)).toBe(5);
      const error = await rejection(ipcRenderer.invoke('fail'));
      expect(error.code).toBe('E_BAD');
      expect(error.name).toBe('TypeError');
      expect(error.message).toBe("Error invoking remote method 'fail': TypeError: bad");
    });

    it("should stream invoke$ and cancel main's source on unsubscribe", async () => {
      const { ipcMain } = startMain();
      const source = new Subject<number>();
      let signal: AbortSignal | undefined;
      let onStart: () => void = () => undefined;
      const started = new Promise<void>((resolve) => (onStart = resolve));
      const torn = new Promise<void>((resolve) =>
        ipcMain.handle('ticks', (event: IpcMainInvokeEvent) => {
          signal = event.signal;
          onStart();
          return source.pipe(finalize(() => resolve()));
        }),
      );
      const ipcRenderer = pageRenderer();
      const values: number[] = [];
      const done = new Promise<void>((resolve) => {
        const subscription = ipcRenderer.invoke$<number>('ticks').subscribe((value) => {
          values.push(value);
          if (values.length === 2) {
            subscription.unsubscribe();
            resolve();
          }
        });
      });
      await started;
      source.next(10);
      source.next(20);
      await done;
      await torn;
      expect(values).toEqual([10, 20]);
      expect(signal?.aborted).toBe(true);
      expect(source.observed).toBe(false);
    });
  });

  describe('sendToHost', () => {
    it('should reach an IpcHost served on another channel name, and host.send should come back', async () => {
      const hostName = `${name}-host`;
      const { ipcMain } = startMain();
      let host: IpcHost | undefined;
      const hostReady = new Promise<IpcHost>((resolve) => {
        mains.push(
          broadcastChannelMain(hostName, (transport) => {
            host = trackFacade('host', new IpcHost(transport));
            resolve(host);
          }),
        );
      });
      const ipcRenderer = trackFacade(
        'ipcRenderer',
        new IpcRenderer(broadcastChannelTransport(name), { host: broadcastChannelTransport(hostName) }),
      );
      const atMain = jasmine.createSpy('atMain');
      ipcMain.on('ready', atMain);
      ipcRenderer.sendToHost('ready', { at: 1 });
      const ready = await hostReady;
      const [message] = (await once(ready, 'ipc-message')) as [{ channel: string; args: unknown[] }];
      expect([message.channel, message.args]).toEqual(['ready', [{ at: 1 }]]);
      const back = once(ipcRenderer, 'welcome');
      host!.send('welcome', 'guest');
      expect((await back).slice(1)).toEqual(['guest']);
      expect(atMain).not.toHaveBeenCalled();
    });
  });

  describe('ordering', () => {
    it('should keep the order of mixed send / invoke both ways', async () => {
      const { ipcMain, next } = startMain();
      const handled: string[] = [];
      ipcMain.on('s', (_event: IpcMainEvent, i: number) => handled.push(`s${i}`));
      ipcMain.handle('i', (_event: IpcMainInvokeEvent, i: number) => {
        handled.push(`i${i}`);
        return i;
      });
      const ipcRenderer = pageRenderer();
      const expected: string[] = [];
      const calls: Array<Promise<unknown>> = [];
      for (let i = 0; i < 300; i++) {
        if (i % 4 === 0) {
          calls.push(ipcRenderer.invoke('i', i));
          expected.push(`i${i}`);
        } else {
          ipcRenderer.send('s', i);
          expected.push(`s${i}`);
        }
      }
      await Promise.all(calls);
      expect(handled).toEqual(expected);
      const contents = await next();
      const down: number[] = [];
      const all = new Promise<void>((resolve) =>
        ipcRenderer.on('down', (_event: unknown, i: number) => {
          down.push(i);
          if (down.length === 300) resolve();
        }),
      );
      for (let i = 0; i < 300; i++) contents.send('down', i);
      await all;
      expect(down).toEqual([...Array(300).keys()]);
    });
  });

  describe('close and peer loss', () => {
    it('should destroy the WebContents when its renderer closes, and keep serving the others', async () => {
      const { ipcMain, next } = startMain();
      ipcMain.handle('whoami', (event: IpcMainInvokeEvent) => event.sender.id);
      const a = pageRenderer();
      const b = pageRenderer();
      const [idOfA] = await Promise.all([a.invoke('whoami'), b.invoke('whoami')]);
      const contents = await Promise.all([next(), next()]);
      const ofA = contents.find((c) => c.id === idOfA)!;
      const ofB = contents.find((c) => c.id !== idOfA)!;
      const destroyed = once(ofA, 'destroyed');
      a.close();
      await destroyed;
      expect(ofA.isDestroyed()).toBe(true);
      expect(ofB.isDestroyed()).toBe(false);
      expect(await b.invoke('whoami')).toBe(ofB.id);
    });

    it('should close the renderer when main closes its WebContents, and close everything on main.close()', async () => {
      const { ipcMain, main, next } = startMain();
      ipcMain.handle('whoami', (event: IpcMainInvokeEvent) => event.sender.id);
      const a = pageRenderer();
      const b = pageRenderer();
      const [idOfA] = await Promise.all([a.invoke('whoami'), b.invoke('whoami')]);
      const contents = await Promise.all([next(), next()]);
      expect(main.rendererIds.length).toBe(2);
      const aClosed = closedSignal(a);
      const bClosed = closedSignal(b);
      contents.find((c) => c.id === idOfA)!.close();
      await aClosed;
      expect(b.isClosed).toBe(false);
      expect(() => a.send('late')).toThrowError(IpcClosedError);
      main.close();
      await bClosed;
      expect(contents.every((c) => c.isDestroyed())).toBe(true);
      expect(main.rendererIds).toEqual([]);
    });

    it("should destroy the WebContents at once when a renderer's iframe is removed (goodbye on pagehide)", async () => {
      const { ipcMain, next } = startMain({ heartbeatInterval: 0 });
      const frame = await loadGuestFrame();
      const renderer = trackFacade(
        'frameRenderer',
        new frame.guest.IpcRenderer(frame.guest.broadcastChannelTransport(name, { self: frame.win })),
      ) as unknown as IpcRenderer;
      ipcMain.handle('ping', () => 'pong');
      expect(await renderer.invoke('ping')).toBe('pong');
      const contents = await next();
      const destroyed = once(contents, 'destroyed');
      frame.frame.remove();
      await destroyed;
      expect(contents.isDestroyed()).toBe(true);
    });

    it('should notice a renderer that vanished without a word (a crashed tab) by missed heartbeats', async () => {
      const { ipcMain, next } = startMain({ heartbeatInterval: 30, heartbeatMisses: 3 });
      const frame = await loadGuestFrame();
      // No `self`: nothing is said on pagehide, as when a tab crashes.
      const renderer = trackFacade(
        'frameRenderer',
        new frame.guest.IpcRenderer(frame.guest.broadcastChannelTransport(name)),
      ) as unknown as IpcRenderer;
      let signal: AbortSignal | undefined;
      const running = new Promise<void>((resolve) =>
        ipcMain.handle('forever', (event: IpcMainInvokeEvent) => {
          signal = event.signal;
          resolve();
          return new Promise(() => undefined);
        }),
      );
      void renderer.invoke('forever').catch(() => undefined);
      await running;
      const contents = await next();
      const destroyed = once(contents, 'destroyed');
      frame.frame.remove();
      await destroyed;
      expect(signal?.aborted).toBe(true);
      expect(contents.pendingCount).toBe(0);
      // The removed frame's renderer never ran again: its own call is still pending there.
      renderer.close();
    });

    it("should reject pending invokes with IpcClosedError (cause IpcTimeoutError) when the main's tab vanishes", async () => {
      const frame = await loadGuestFrame();
      const guestMain = trackFacade('guestMain', new frame.guest.IpcMain()) as unknown as IpcMain;
      frame.guest.broadcastChannelMain(name, (transport: SubjectLike<string>) => guestMain.connect(transport), { heartbeatInterval: 0 });
      const running = new Promise<void>((resolve) =>
        guestMain.handle('forever', () => {
          resolve();
          return new Promise(() => undefined);
        }),
      );
      const ipcRenderer = pageRenderer({ heartbeatInterval: 30, heartbeatMisses: 3 });
      const pending = rejection(ipcRenderer.invoke('forever'));
      const stream = new Promise((resolve) => ipcRenderer.invoke$('forever').subscribe({ error: resolve }));
      await running;
      frame.frame.remove();
      const error = await pending;
      expect(error).toBeInstanceOf(IpcClosedError);
      expect(error.cause).toBeInstanceOf(IpcTimeoutError);
      expect(await stream).toBeInstanceOf(IpcClosedError);
      expect(() => ipcRenderer.send('after')).toThrowError(IpcClosedError);
    });

    it('should error with IpcTimeoutError when no main listens on the name', async () => {
      const ipcRenderer = pageRenderer({ handshakeTimeout: 200 });
      const error = await rejection(ipcRenderer.invoke('anyone'));
      expect(error).toBeInstanceOf(IpcClosedError);
      expect(error.cause).toBeInstanceOf(IpcTimeoutError);
    });
  });

  describe('hostile or stray messages on the channel', () => {
    it("should ignore garbage and forged frames on the name and on a renderer's pipe, and keep prototypes intact", async () => {
      const { ipcMain, main, next } = startMain();
      const pwn = jasmine.createSpy('pwn');
      ipcMain.on('pwn', pwn);
      ipcMain.handle('ping', () => 'pong');
      const ipcRenderer = pageRenderer();
      const pwned = jasmine.createSpy('pwned');
      ipcRenderer.on('pwn', pwned);
      expect(await ipcRenderer.invoke('ping')).toBe('pong');
      await next();
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      const rendererId = main.rendererIds[0]!;
      const frame = (data: string) => ({ rxipc: 'frame', seq: 0, data });
      const send = '{"v":1,"kind":"send","channel":"pwn","args":[]}';
      const junk: unknown[] = [
        'garbage',
        42,
        null,
        [1, 2],
        { rxipc: 'broadcast/1' },
        { rxipc: 'broadcast/1', from: 7, body: 1 },
        { rxipc: 'broadcast/1', from: 'evil', ctl: 'boom' },
        // Own properties only: a body under __proto__ is no body (and pollutes nothing).
        JSON.parse('{"__proto__":{"polluted":"yes","body":{"rxipc":"hello"}},"rxipc":"broadcast/1","from":"evil"}'),
        { rxipc: 'frame', seq: 0, data: send },
      ];
      const onName = new BroadcastChannel(name);
      const onPipe = new BroadcastChannel(`${name}#${rendererId}`);
      for (const message of junk) {
        onName.postMessage(message);
        onPipe.postMessage(message);
      }
      // Forged frames on the pipe with the wrong ids: neither side takes them.
      onPipe.postMessage({ rxipc: 'broadcast/1', from: 'evil', to: rendererId, body: frame(send) });
      onPipe.postMessage({ rxipc: 'broadcast/1', from: rendererId, to: 'not-the-main', body: frame(send) });
      onPipe.postMessage({ rxipc: 'broadcast/1', from: 'evil', to: rendererId, ctl: 'gone' });
      onName.close();
      onPipe.close();
      // A round trip after the junk: everything posted before it has been dispatched.
      expect(await ipcRenderer.invoke('ping')).toBe('pong');
      expect(pwn).not.toHaveBeenCalled();
      expect(pwned).not.toHaveBeenCalled();
      expect(main.rendererIds).toEqual([rendererId]);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    });
  });

  describe('options', () => {
    it('should use the BroadcastChannel constructor it is given', async () => {
      const names: string[] = [];
      class CountingChannel extends BroadcastChannel {
        constructor(channelName: string) {
          super(channelName);
          names.push(channelName);
        }
      }
      const { ipcMain } = startMain({ BroadcastChannel: CountingChannel });
      ipcMain.handle('ping', () => 'pong');
      const ipcRenderer = pageRenderer({ BroadcastChannel: CountingChannel });
      expect(await ipcRenderer.invoke('ping')).toBe('pong');
      expect(names.filter((n) => n === name).length).toBe(2); // main's and the renderer's announce objects
      expect(names.filter((n) => n.startsWith(`${name}#`)).length).toBe(2); // the pipe, both ends
    });

    it('should refuse a non-string name, a bad onTransport and a missing BroadcastChannel with TypeErrors', () => {
      const typeError = (e: unknown): boolean => e instanceof TypeError && (e as { code?: string }).code === 'ERR_INVALID_ARG_TYPE';
      expect(() => broadcastChannelTransport(42 as unknown as string)).toThrowMatching(typeError);
      expect(() => broadcastChannelMain(name, 'nope' as never)).toThrowMatching(typeError);
      expect(() => broadcastChannelTransport(name, { BroadcastChannel: 1 as never })).toThrowMatching(typeError);
      expect(() => broadcastChannelTransport(name, { heartbeatMisses: 0 })).toThrowMatching(
        (e) => e instanceof RangeError && (e as { code?: string }).code === 'ERR_OUT_OF_RANGE',
      );
    });
  });
});
