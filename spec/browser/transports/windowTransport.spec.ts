// The window transport across real windows in Chromium: the page and same-origin iframes and
// popups that run their own copy of rxipc (spec/browser/fixtures/frameGuest.ts), so every
// `postMessage` really crosses from one window to another. The hostile cross-origin frame has its
// own spec file (windowTransport.hostile.spec.ts).
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
  type WebContents,
} from '../../../src/index.js';
import {
  IpcUnsafeOriginError,
  windowTransport,
  type WindowRejection,
  type WindowTransportOptions,
} from '../../../src/transports/window/index.js';
import { closeGuests, loadGuestFrame, nextMessage, openGuestPopup, type Guest, type GuestFrame } from '../fixtures/frameHarness.js';
import { trackFacade } from '../../helpers/leaks.js';
import { sendUntilRefused } from '../../helpers/backpressure.js';

const origin = location.origin;

/** Resolves when `emitter` emits `event` once. */
function once(emitter: { once(event: string, listener: (...args: any[]) => void): unknown }, event: string): Promise<unknown[]> {
  return new Promise((resolve) => emitter.once(event, (...args: unknown[]) => resolve(args)));
}

/** Resolves with the error a promise rejects with; fails the spec if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection');
}

describe('windowTransport', () => {
  let rejections: WindowRejection[];

  beforeEach(() => {
    rejections = [];
  });

  afterEach(() => closeGuests());

  /** The page's end, talking to `target`. */
  function pageEnd(target: Window, extra: Partial<WindowTransportOptions> = {}) {
    return windowTransport({ self: window, target, targetOrigin: origin, onReject: (r) => rejections.push(r), ...extra });
  }

  /** A guest window's end (built by the guest's own rxipc), talking to `target`. */
  function guestEnd(guest: Guest, self: Window, target: Window, extra: Partial<WindowTransportOptions> = {}) {
    return guest.windowTransport({ self, target, targetOrigin: origin, ...extra });
  }

  /** The page runs main; a fresh iframe runs a renderer. */
  async function mainWithFrameRenderer(
    pageOptions: Partial<WindowTransportOptions> = {},
    guestOptions: Partial<WindowTransportOptions> = {},
  ): Promise<{ ipcMain: IpcMain; webContents: WebContents; ipcRenderer: IpcRenderer; frame: GuestFrame }> {
    const frame = await loadGuestFrame();
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    const webContents = trackFacade('webContents', ipcMain.connect(pageEnd(frame.win, pageOptions)));
    const ipcRenderer = trackFacade(
      'ipcRenderer',
      new frame.guest.IpcRenderer(guestEnd(frame.guest, frame.win, frame.win.parent, guestOptions)),
    ) as unknown as IpcRenderer;
    return { ipcMain, webContents, ipcRenderer, frame };
  }

  /** A fresh iframe runs main; the page runs a renderer. */
  async function frameMainWithPageRenderer(
    pageOptions: Partial<WindowTransportOptions> = {},
    guestOptions: Partial<WindowTransportOptions> = {},
  ): Promise<{ guestMain: IpcMain; ipcRenderer: IpcRenderer; frame: GuestFrame }> {
    const frame = await loadGuestFrame();
    const guestMain = trackFacade('guestMain', new frame.guest.IpcMain()) as unknown as IpcMain;
    guestMain.connect(guestEnd(frame.guest, frame.win, frame.win.parent, guestOptions));
    const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(pageEnd(frame.win, pageOptions)));
    return { guestMain, ipcRenderer, frame };
  }

  describe('send / on', () => {
    it("should deliver a frame renderer's send to main listeners as (event, ...args), event.sender being its WebContents", async () => {
      const { ipcMain, webContents, ipcRenderer } = await mainWithFrameRenderer();
      const got = once(ipcMain, 'greet');
      ipcRenderer.send('greet', 'a', 2, { three: [3] });
      const [event, ...args] = (await got) as [IpcMainEvent, ...unknown[]];
      expect(event.sender).toBe(webContents);
      expect(args).toEqual(['a', 2, { three: [3] }]);
      expect(rejections).toEqual([]);
    });

    it("should deliver webContents.send and event.reply to the frame renderer's listeners", async () => {
      const { ipcMain, webContents, ipcRenderer } = await mainWithFrameRenderer();
      ipcMain.on('ping', (event: IpcMainEvent, n: number) => event.reply('pong', n + 1));
      const pong = once(ipcRenderer, 'pong');
      ipcRenderer.send('ping', 41);
      expect((await pong).slice(1)).toEqual([42]);
      const pushed = once(ipcRenderer, 'push');
      webContents.send('push', { deep: { list: [1, 'x', null] } });
      expect((await pushed).slice(1)).toEqual([{ deep: { list: [1, 'x', null] } }]);
    });

    it('should keep frames sent before the frame listens, and deliver them in order once it does', async () => {
      const guest = await loadGuestFrame();
      const ipcMain = trackFacade('ipcMain', new IpcMain());
      const webContents = trackFacade('webContents', ipcMain.connect(pageEnd(guest.win)));
      webContents.send('early', 'a');
      webContents.send('early', 'b');
      // Two of the page's hellos reach the frame while nobody there listens yet.
      const isHello = (event: MessageEvent): boolean => (event.data as { body?: { rxipc?: string } })?.body?.rxipc === 'hello';
      await nextMessage(guest.win, isHello);
      await nextMessage(guest.win, isHello);
      const ipcRenderer = trackFacade(
        'ipcRenderer',
        new guest.guest.IpcRenderer(guestEnd(guest.guest, guest.win, guest.win.parent)),
      ) as unknown as IpcRenderer;
      const got: unknown[] = [];
      await new Promise<void>((resolve) =>
        ipcRenderer.on('early', (_event: unknown, value: unknown) => {
          got.push(value);
          if (got.length === 2) resolve();
        }),
      );
      expect(got).toEqual(['a', 'b']);
      expect(webContents.isDestroyed()).toBe(false);
    });

    it('should refuse sends past highWaterMark while the frame is not listening, and deliver every accepted one in order once it is', async () => {
      const guest = await loadGuestFrame();
      const ipcMain = trackFacade('ipcMain', new IpcMain());
      const highWaterMark = 300;
      const transport = pageEnd(guest.win, { highWaterMark });
      const webContents = trackFacade('webContents', ipcMain.connect(transport));
      const payload = 'x'.repeat(40);
      const { accepted, error, measured } = await sendUntilRefused({
        send: (i) => webContents.send('early', i, payload),
        measure: () => transport.bufferedAmount(),
        max: 1000,
      });
      expect(error).toBeInstanceOf(IpcBackpressureError);
      expect(measured).toBeGreaterThanOrEqual(highWaterMark);
      expect(measured).toBeLessThan(highWaterMark + 100); // the mark plus one frame
      expect(accepted).toBeGreaterThan(1);
      const ipcRenderer = trackFacade(
        'ipcRenderer',
        new guest.guest.IpcRenderer(guestEnd(guest.guest, guest.win, guest.win.parent)),
      ) as unknown as IpcRenderer;
      const got: unknown[] = [];
      await new Promise<void>((resolve) =>
        ipcRenderer.on('early', (_event: unknown, n: unknown) => {
          got.push(n);
          if (got.length === accepted) resolve();
        }),
      );
      expect(got).toEqual(Array.from({ length: accepted }, (_, i) => i));
      expect(transport.bufferedAmount()).toBe(0);
      webContents.send('early', accepted, payload); // room again
      await new Promise<void>((resolve) => ipcRenderer.once('early', () => resolve()));
      expect(got).toEqual(Array.from({ length: accepted + 1 }, (_, i) => i));
    });
  });

  describe('invoke / invoke$', () => {
    it("should resolve invoke with the handler's value and reject with the remote error", async () => {
      const { ipcMain, ipcRenderer } = await mainWithFrameRenderer();
      ipcMain.handle('sum', (_event: IpcMainInvokeEvent, a: number, b: number) => a + b);
      ipcMain.handle('fail', () => {
        throw Object.assign(new Error('nope'), { code: 'E_NOPE' });
      });
      expect(await ipcRenderer.invoke('sum', 1, 2)).toBe(3);
      const error = await rejection(ipcRenderer.invoke('fail'));
      // The error was built by the guest's rxipc: check its shape, not the page's classes.
      expect(error.name).toBe('Error');
      expect(error.code).toBe('E_NOPE');
      expect(error.message).toBe("Error invoking remote method 'fail': Error: nope");
    });

    it("should stream invoke$ and, on unsubscribe, unsubscribe main's source and abort event.signal", async () => {
      const { ipcMain, ipcRenderer } = await mainWithFrameRenderer();
      const source = new Subject<number>();
      let signal: AbortSignal | undefined;
      let onStart: () => void = () => undefined;
      const started = new Promise<void>((resolve) => (onStart = resolve));
      const torn = new Promise<void>((resolve) => {
        ipcMain.handle('ticks', (event: IpcMainInvokeEvent) => {
          signal = event.signal;
          onStart();
          return source.pipe(finalize(() => resolve()));
        });
      });
      const values: number[] = [];
      const twoValues = new Promise<void>((resolve) => {
        const subscription = ipcRenderer.invoke$<number>('ticks').subscribe((value) => {
          values.push(value);
          if (values.length === 2) {
            subscription.unsubscribe();
            resolve();
          }
        });
      });
      await started;
      expect(source.observed).toBe(true);
      source.next(1);
      source.next(2);
      await twoValues;
      await torn;
      expect(values).toEqual([1, 2]);
      expect(signal?.aborted).toBe(true);
      expect(source.observed).toBe(false);
    });
  });

  describe('sendToHost', () => {
    it("should deliver a frame guest's sendToHost to an IpcHost on the page over a second, named connection", async () => {
      const frame = await loadGuestFrame();
      const ipcMain = trackFacade('ipcMain', new IpcMain());
      const webContents = trackFacade('webContents', ipcMain.connect(pageEnd(frame.win)));
      const host = trackFacade('host', new IpcHost(pageEnd(frame.win, { name: 'host' })));
      const ipcRenderer = trackFacade(
        'ipcRenderer',
        new frame.guest.IpcRenderer(guestEnd(frame.guest, frame.win, frame.win.parent), {
          host: guestEnd(frame.guest, frame.win, frame.win.parent, { name: 'host' }),
        }),
      ) as unknown as IpcRenderer;
      const atHost = new Promise<{ channel: string; args: unknown[] }>((resolve) => host.once('ipc-message', resolve));
      const atMain = jasmine.createSpy('atMain');
      ipcMain.on('ready', atMain);
      ipcRenderer.sendToHost('ready', 42);
      const message = await atHost;
      expect([message.channel, message.args]).toEqual(['ready', [42]]);
      const welcome = once(ipcRenderer, 'welcome');
      host.send('welcome', 'guest');
      expect((await welcome).slice(1)).toEqual(['guest']);
      expect(atMain).not.toHaveBeenCalled();
      expect(webContents.isDestroyed()).toBe(false);
      expect(rejections).toEqual([]);
    });
  });

  describe('ordering', () => {
    it('should keep the order of mixed send / invoke both ways', async () => {
      const { ipcMain, webContents, ipcRenderer } = await mainWithFrameRenderer();
      const handled: string[] = [];
      ipcMain.on('s', (_event: IpcMainEvent, i: number) => handled.push(`s${i}`));
      ipcMain.handle('i', (_event: IpcMainInvokeEvent, i: number) => {
        handled.push(`i${i}`);
        return i;
      });
      const expected: string[] = [];
      const calls: Array<Promise<unknown>> = [];
      for (let i = 0; i < 300; i++) {
        if (i % 3 === 0) {
          calls.push(ipcRenderer.invoke('i', i));
          expected.push(`i${i}`);
        } else {
          ipcRenderer.send('s', i);
          expected.push(`s${i}`);
        }
      }
      await Promise.all(calls);
      expect(handled).toEqual(expected);

      const down: number[] = [];
      const all = new Promise<void>((resolve) =>
        ipcRenderer.on('down', (_event: unknown, i: number) => {
          down.push(i);
          if (down.length === 300) resolve();
        }),
      );
      for (let i = 0; i < 300; i++) webContents.send('down', i);
      await all;
      expect(down).toEqual([...Array(300).keys()]);
    });
  });

  describe('close and peer loss', () => {
    it('should destroy the WebContents when the frame renderer closes', async () => {
      const { webContents, ipcRenderer } = await mainWithFrameRenderer();
      const destroyed = once(webContents, 'destroyed');
      ipcRenderer.close();
      await destroyed;
      expect(webContents.isDestroyed()).toBe(true);
    });

    it('should close the frame renderer when main closes its WebContents: later sends throw a closed error', async () => {
      const { webContents, ipcRenderer } = await mainWithFrameRenderer();
      await ipcRenderer.invoke('nothing').catch(() => undefined); // connected both ways
      // A channel Observable completes when its facade closes.
      const closed = new Promise<void>((resolve) => ipcRenderer.channel('any').subscribe({ complete: resolve }));
      webContents.close();
      await closed;
      expect(() => ipcRenderer.send('late')).toThrowMatching((e) => (e as { code?: string }).code === 'ERR_IPC_CLOSED');
    });

    it("should destroy the WebContents and abort running handlers when the renderer's iframe is removed", async () => {
      const { ipcMain, webContents, ipcRenderer, frame } = await mainWithFrameRenderer({ heartbeatInterval: 50 });
      let signal: AbortSignal | undefined;
      const running = new Promise<void>((resolve) =>
        ipcMain.handle('forever', (event: IpcMainInvokeEvent) => {
          signal = event.signal;
          resolve();
          return new Promise(() => undefined);
        }),
      );
      void ipcRenderer.invoke('forever').catch(() => undefined);
      await running;
      const destroyed = once(webContents, 'destroyed');
      frame.frame.remove();
      await destroyed;
      expect(webContents.isDestroyed()).toBe(true);
      expect(signal?.aborted).toBe(true);
      expect(webContents.pendingCount).toBe(0);
    });

    it("should reject pending invokes with IpcClosedError and error invoke$ when the main's iframe is removed", async () => {
      const { guestMain, ipcRenderer, frame } = await frameMainWithPageRenderer();
      const running = new Promise<void>((resolve) =>
        guestMain.handle('forever', () => {
          resolve();
          return new Promise(() => undefined);
        }),
      );
      const pending = rejection(ipcRenderer.invoke('forever'));
      const streamError = new Promise((resolve) => ipcRenderer.invoke$('forever').subscribe({ error: resolve }));
      await running;
      frame.frame.remove();
      const error = await pending;
      expect(error).toBeInstanceOf(IpcClosedError);
      expect(await streamError).toBeInstanceOf(IpcClosedError);
      expect(() => ipcRenderer.send('after')).toThrowError(IpcClosedError);
    });

    it('should notice a removed iframe that said nothing (no pagehide notice) because its window is closed', async () => {
      const { guestMain, ipcRenderer, frame } = await frameMainWithPageRenderer({ heartbeatInterval: 30 }, { notifyOnPageHide: false });
      guestMain.handle('forever', () => new Promise(() => undefined));
      const pending = rejection(ipcRenderer.invoke('forever'));
      await ipcRenderer.invoke('nothing').catch(() => undefined); // the call above is running
      frame.frame.remove();
      const error = await pending;
      expect(error).toBeInstanceOf(IpcClosedError);
      expect(String(error.cause?.message)).toContain('closed or its frame removed');
    });

    it('should notice on the next send that the target window is closed, even with the heartbeat off', async () => {
      const { ipcRenderer, frame } = await frameMainWithPageRenderer({ heartbeatInterval: 0 }, { notifyOnPageHide: false });
      expect(await ipcRenderer.invoke('nothing').catch((e: { code?: string }) => e.code)).toBe('ERR_IPC_NO_HANDLER');
      frame.frame.remove();
      const error = await rejection(ipcRenderer.invoke('anything'));
      expect(error).toBeInstanceOf(IpcClosedError);
      expect(String(error.cause?.message)).toContain('closed or its frame removed');
    });

    it('should notice a navigated iframe that said nothing, by missed heartbeats (IpcTimeoutError as the cause)', async () => {
      const { guestMain, ipcRenderer, frame } = await frameMainWithPageRenderer(
        { heartbeatInterval: 30, heartbeatMisses: 3 },
        { notifyOnPageHide: false },
      );
      guestMain.handle('forever', () => new Promise(() => undefined));
      const pending = rejection(ipcRenderer.invoke('forever'));
      await ipcRenderer.invoke('nothing').catch(() => undefined);
      // Same window (target.closed stays false), another document without rxipc.
      frame.frame.srcdoc = '<p>moved on</p>';
      const error = await pending;
      expect(error).toBeInstanceOf(IpcClosedError);
      expect(error.cause).toBeInstanceOf(IpcTimeoutError);
    });

    it('should be told at once by a navigated iframe that says goodbye on pagehide (no heartbeat needed)', async () => {
      const { guestMain, ipcRenderer, frame } = await frameMainWithPageRenderer({ heartbeatInterval: 0 });
      guestMain.handle('forever', () => new Promise(() => undefined));
      const pending = rejection(ipcRenderer.invoke('forever'));
      await ipcRenderer.invoke('nothing').catch(() => undefined);
      frame.frame.srcdoc = '<p>moved on</p>';
      const error = await pending;
      expect(error).toBeInstanceOf(IpcClosedError);
      expect(String(error.cause?.message)).toContain('pagehide');
    });

    it('should error with IpcTimeoutError when the target window never answers the handshake', async () => {
      const frame = document.createElement('iframe');
      document.body.appendChild(frame);
      try {
        const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(pageEnd(frame.contentWindow!, { handshakeTimeout: 200 })));
        const error = await rejection(ipcRenderer.invoke('anyone'));
        expect(error).toBeInstanceOf(IpcClosedError);
        expect(error.cause).toBeInstanceOf(IpcTimeoutError);
      } finally {
        frame.remove();
      }
    });
  });

  describe('several connections on one window', () => {
    it("should keep two iframes' renderers apart: reply and send reach exactly the right one", async () => {
      const a = await mainWithFrameRenderer();
      const b = await loadGuestFrame();
      const contentsB = trackFacade('contentsB', a.ipcMain.connect(pageEnd(b.win)));
      const rendererB = trackFacade('rendererB', new b.guest.IpcRenderer(guestEnd(b.guest, b.win, b.win.parent))) as unknown as IpcRenderer;
      const rendererA = a.ipcRenderer;
      a.ipcMain.on('who', (event: IpcMainEvent, name: string) => event.reply('you', name, event.sender.id));
      const gotA: unknown[][] = [];
      const gotB: unknown[][] = [];
      rendererA.on('you', (_e: unknown, ...args: unknown[]) => gotA.push(['you', ...args]));
      rendererB.on('you', (_e: unknown, ...args: unknown[]) => gotB.push(['you', ...args]));
      rendererA.on('only', (_e: unknown, ...args: unknown[]) => gotA.push(['only', ...args]));
      rendererB.on('only', (_e: unknown, ...args: unknown[]) => gotB.push(['only', ...args]));
      rendererA.send('who', 'A');
      rendererB.send('who', 'B');
      a.webContents.send('only', 'for A');
      contentsB.send('only', 'for B');
      // A round trip per renderer after the sends: everything before it has arrived.
      a.ipcMain.handle('sync', () => true);
      await Promise.all([rendererA.invoke('sync'), rendererB.invoke('sync')]);
      expect(gotA).toEqual(
        jasmine.arrayWithExactContents([
          ['you', 'A', a.webContents.id],
          ['only', 'for A'],
        ]),
      );
      expect(gotB).toEqual(
        jasmine.arrayWithExactContents([
          ['you', 'B', contentsB.id],
          ['only', 'for B'],
        ]),
      );
      expect(rejections).toEqual([]);
    });

    it("should reject a reloaded frame's new rxipc instance on a connection bound to the old one", async () => {
      const { ipcMain, webContents, ipcRenderer, frame } = await mainWithFrameRenderer({ heartbeatInterval: 0 });
      ipcMain.handle('ping', () => 'pong');
      expect(await ipcRenderer.invoke('ping')).toBe('pong');
      // A second instance in the same window, same name: it is not the peer this connection knows.
      const intruder = trackFacade(
        'intruder',
        new frame.guest.IpcRenderer(guestEnd(frame.guest, frame.win, frame.win.parent, { handshakeTimeout: 300 })),
      ) as unknown as IpcRenderer;
      const calls = jasmine.createSpy('intruded');
      ipcMain.on('intrude', calls);
      intruder.send('intrude');
      const error = await rejection(intruder.invoke('ping'));
      expect(error.code).toBe('ERR_IPC_CLOSED');
      expect(calls).not.toHaveBeenCalled();
      expect(rejections.length).toBeGreaterThan(0);
      expect(rejections.every((r) => r.reason === 'connection')).toBe(true);
      expect(await ipcRenderer.invoke('ping')).toBe('pong');
      expect(webContents.isDestroyed()).toBe(false);
    });
  });

  describe('opener', () => {
    it("should connect a popup renderer to its opener's main and notice when the popup closes", async () => {
      const popup = await openGuestPopup();
      const ipcMain = trackFacade('ipcMain', new IpcMain());
      const webContents = trackFacade('webContents', ipcMain.connect(pageEnd(popup.win, { heartbeatInterval: 50 })));
      const ipcRenderer = trackFacade(
        'popupRenderer',
        new popup.guest.IpcRenderer(popup.guest.windowTransport({ self: popup.win, target: popup.win.opener, targetOrigin: origin })),
      ) as unknown as IpcRenderer;
      ipcMain.handle('where', (event: IpcMainInvokeEvent) => event.sender.id);
      expect(popup.win.opener).toBe(window);
      expect(await ipcRenderer.invoke('where')).toBe(webContents.id);
      const destroyed = once(webContents, 'destroyed');
      popup.win.close();
      await destroyed;
      expect(webContents.isDestroyed()).toBe(true);
    });
  });

  describe('options', () => {
    const target = { postMessage: () => undefined };

    it("should refuse targetOrigin '*' with IpcUnsafeOriginError unless allowAnyOrigin is true", () => {
      expect(() => windowTransport({ self: window, target, targetOrigin: '*' })).toThrowMatching(
        (e) => e instanceof IpcUnsafeOriginError && e.code === 'ERR_IPC_UNSAFE_ORIGIN' && e.name === 'IpcUnsafeOriginError',
      );
      const transport = windowTransport({ self: window, target, targetOrigin: '*', allowAnyOrigin: true, handshakeTimeout: 50 });
      expect(typeof transport.next).toBe('function');
      transport.complete();
    });

    it("should refuse '*' and 'null' in allowedOrigins unless allowAnyOrigin is true", () => {
      for (const any of ['*', 'null']) {
        expect(() => windowTransport({ self: window, target, targetOrigin: origin, allowedOrigins: [origin, any] })).toThrowError(
          IpcUnsafeOriginError,
        );
      }
    });

    it('should refuse things that are not origins, and a targetOrigin the allowed origins would never answer from', () => {
      const invalid = (e: unknown): boolean => e instanceof TypeError && (e as { code?: string }).code === 'ERR_INVALID_ARG_VALUE';
      expect(() => windowTransport({ self: window, target, targetOrigin: 'https://app.example/path' })).toThrowMatching(invalid);
      expect(() => windowTransport({ self: window, target, targetOrigin: 'app.example' })).toThrowMatching(invalid);
      expect(() =>
        windowTransport({ self: window, target, targetOrigin: origin, allowedOrigins: ['https://app.example/'] }),
      ).toThrowMatching(invalid);
      expect(() => windowTransport({ self: window, target, targetOrigin: 'https://app.example' })).toThrowMatching(invalid);
      expect(() => windowTransport({ self: window, target: null as unknown as Window, targetOrigin: origin })).toThrowMatching(
        (e) => e instanceof TypeError && (e as { code?: string }).code === 'ERR_INVALID_ARG_TYPE',
      );
    });

    it("should drop, and report as 'origin', frames of the right window from an origin not allowed", async () => {
      // The guest accepts only another origin: the page's frames are dropped and the handshake
      // never completes. (With the default, the page's own origin, it does: see the specs above.)
      const frame = await loadGuestFrame();
      const guestRejections: WindowRejection[] = [];
      const guestMain = trackFacade('guestMain', new frame.guest.IpcMain()) as unknown as IpcMain;
      guestMain.connect(
        guestEnd(frame.guest, frame.win, frame.win.parent, {
          allowedOrigins: ['https://elsewhere.example'],
          targetOrigin: 'https://elsewhere.example',
          onReject: (r) => guestRejections.push(r),
          handshakeTimeout: 300,
        }),
      );
      const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(pageEnd(frame.win, { handshakeTimeout: 300 })));
      const error = await rejection(ipcRenderer.invoke('x'));
      expect(error).toBeInstanceOf(IpcClosedError);
      expect(guestRejections.length).toBeGreaterThan(0);
      expect(guestRejections.every((r) => r.reason === 'origin' && r.origin === origin)).toBe(true);
    });
  });
});
