// A hostile frame of another origin attacks the window transport. The frame is a sandboxed
// `srcdoc` iframe without `allow-same-origin`: its origin is opaque (`event.origin === 'null'`),
// a real other origin for Chromium, and it loads under the page's COEP (require-corp) because it
// has no subresource. It posts forged rxipc frames (valid-looking window frames and endpoint
// messages, with guessed ids), garbage, and prototype-pollution payloads at the page and at every
// sibling frame. Nothing may be delivered, every drop must be reported, no prototype may change,
// and the legitimate connection must keep working.
import { IpcMain, IpcRenderer, type IpcError, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from '../../../src/index.js';
import { windowTransport, type WindowRejection } from '../../../src/transports/window/index.js';
import { closeGuests, loadGuestFrame, loadHostileFrame, nextMessage, type GuestFrame } from '../fixtures/frameHarness.js';
import { trackFacade } from '../../helpers/leaks.js';

const origin = location.origin;

/**
 * The attacker. `blast()` posts every forged message to the parent and to each frame of the
 * parent (the legitimate guest included), then `{ hostileDone: n }` with n the messages the parent
 * was sent. It blasts once on load and again on `'again'`; anything else it receives it echoes
 * back as `{ echo }` (so a leak of the page's frames to it would show).
 */
const HOSTILE_SCRIPT = String.raw`
  const mark = 'window/1';
  const send = (kind, channel, args, id) => JSON.stringify({ v: 1, kind, channel, args, ...(id === undefined ? {} : { id }) });
  function forged() {
    const list = [];
    const wrap = (body, extra) => ({ rxipc: mark, name: 'rxipc', from: 'evil', body, ...extra });
    list.push(wrap({ rxipc: 'hello' }));
    list.push(wrap({ rxipc: 'ack' }));
    for (let seq = 0; seq < 5; seq++) list.push(wrap({ rxipc: 'frame', seq, data: send('send', 'pwn', [seq]) }));
    list.push(wrap({ rxipc: 'frame', seq: 0, data: send('invoke', 'pwn', [], 1) }));
    list.push(wrap({ rxipc: 'frame', seq: 0, data: send('message', 'pwn', ['to renderer']) }));
    list.push(wrap({ rxipc: 'frame', seq: 0, data: send('host', 'pwn', []) }));
    list.push(wrap({ rxipc: 'frame', seq: 0, data: send('send', 'pwn', [1]) }, { to: 'guessed-id' }));
    list.push({ rxipc: mark, name: 'rxipc', from: 'evil', ctl: 'gone' });
    list.push({ rxipc: mark, name: 'rxipc', from: 'evil', ctl: 'ping' });
    list.push(wrap({ rxipc: 'bye' }));
    list.push({ rxipc: mark, name: 'host', from: 'evil', body: { rxipc: 'frame', seq: 0, data: send('host', 'pwn', []) } });
    // Endpoint messages without the window wrapper, and protocol frames as bare strings.
    list.push({ rxipc: 'hello' }, { rxipc: 'frame', seq: 0, data: send('send', 'pwn', []) }, { rxipc: 'bye' });
    list.push(send('send', 'pwn', []), send('invoke', 'pwn', [], 7));
    // Garbage.
    let deep = { rxipc: mark };
    for (let i = 0; i < 200; i++) deep = { body: deep };
    list.push('garbage', 42, null, true, undefined, [1, 2, 3], '{"v":1,', 'x'.repeat(1 << 20), deep, new Date(0), /re/g);
    list.push({ rxipc: mark }, { rxipc: mark, name: 42, from: {}, body: 1 }, { rxipc: mark, name: 'rxipc', from: 'evil' });
    list.push({ rxipc: mark, name: 'rxipc', from: 'evil', ctl: 'boom' }, { rxipc: mark, name: 'rxipc', from: '', body: 1 });
    // Prototype pollution.
    list.push(JSON.parse('{"__proto__":{"polluted":"yes"},"rxipc":"window/1","name":"rxipc","from":"evil","body":{"rxipc":"hello"}}'));
    list.push(JSON.parse('{"rxipc":"window/1","name":"rxipc","from":"evil","body":{"__proto__":{"polluted":"yes"},"rxipc":"frame","seq":0,"data":"{\\"v\\":1,\\"kind\\":\\"send\\",\\"channel\\":\\"__proto__\\",\\"args\\":[{\\"__proto__\\":{\\"polluted\\":\\"yes\\"}}]}"}}'));
    list.push(wrap({ rxipc: 'frame', seq: 0, data: '{"v":1,"kind":"send","channel":"constructor","args":[{"constructor":{"prototype":{"polluted":"yes"}}}]}' }));
    list.push({ constructor: { prototype: { polluted: 'yes' } } }, JSON.parse('{"__proto__":{"polluted":"yes"}}'));
    return list;
  }
  function blast() {
    let sent = 0;
    for (const message of forged()) {
      try { parent.postMessage(message, '*'); sent++; } catch (e) { /* not cloneable: not sent */ }
      for (let i = 0; i < parent.frames.length; i++) {
        if (parent.frames[i] === window) continue;
        try { parent.frames[i].postMessage(message, '*'); } catch (e) { /* ignore */ }
      }
    }
    for (let i = 0; i < parent.frames.length; i++) {
      if (parent.frames[i] !== window) parent.frames[i].postMessage({ hostileDone: sent }, '*');
    }
    parent.postMessage({ hostileDone: sent }, '*');
  }
  addEventListener('message', (event) => {
    if (event.source !== parent) return;
    if (event.data === 'again') blast();
    else parent.postMessage({ echo: event.data }, '*');
  });
  blast();
`;

const isDone = (event: MessageEvent): boolean => typeof event.data === 'object' && event.data !== null && 'hostileDone' in event.data;

function prototypeSnapshot(win: Window): string[] {
  const proto = (win as unknown as { Object: ObjectConstructor }).Object.prototype;
  return Object.getOwnPropertyNames(proto).sort();
}

describe('windowTransport against a hostile cross-origin frame', () => {
  let rejections: WindowRejection[];
  let guestRejections: WindowRejection[];
  let reported: IpcError[];

  beforeEach(() => {
    rejections = [];
    guestRejections = [];
    reported = [];
  });

  afterEach(() => closeGuests());

  async function legitimate(): Promise<{ ipcMain: IpcMain; webContents: WebContents; ipcRenderer: IpcRenderer; frame: GuestFrame }> {
    const frame = await loadGuestFrame();
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    ipcMain.errors$.subscribe((error) => reported.push(error));
    const webContents = trackFacade(
      'webContents',
      ipcMain.connect(windowTransport({ self: window, target: frame.win, targetOrigin: origin, onReject: (r) => rejections.push(r) })),
    );
    const ipcRenderer = trackFacade(
      'ipcRenderer',
      new frame.guest.IpcRenderer(
        frame.guest.windowTransport({
          self: frame.win,
          target: frame.win.parent,
          targetOrigin: origin,
          onReject: (r: WindowRejection) => guestRejections.push(r),
        }),
      ),
    ) as unknown as IpcRenderer;
    ipcRenderer.errors$.subscribe((error) => reported.push(error));
    return { ipcMain, webContents, ipcRenderer, frame };
  }

  it('should deliver nothing it forges, report every message, leave prototypes alone, and keep the connection working', async () => {
    const { ipcMain, webContents, ipcRenderer, frame } = await legitimate();
    ipcMain.handle('ping', (_event: IpcMainInvokeEvent, n: number) => n + 1);
    expect(await ipcRenderer.invoke('ping', 1)).toBe(2);
    const before = prototypeSnapshot(window);
    const guestBefore = prototypeSnapshot(frame.win);

    const atMain = jasmine.createSpy('atMain');
    const atRenderer = jasmine.createSpy('atRenderer');
    const pwnHandler = jasmine.createSpy('pwnHandler');
    webContents.on('ipc-message', (_event: IpcMainEvent, channel: string) => atMain(channel));
    ipcMain.handle('pwn', pwnHandler);
    for (const channel of ['pwn', '__proto__', 'constructor']) ipcRenderer.on(channel, atRenderer);

    const pageDone = nextMessage(window, isDone);
    const guestDone = nextMessage(frame.win, isDone);
    await loadHostileFrame(HOSTILE_SCRIPT);
    const sent = ((await pageDone).data as { hostileDone: number }).hostileDone;
    await guestDone;
    // A round trip on the legitimate connection after the attack.
    expect(await ipcRenderer.invoke('ping', 41)).toBe(42);

    expect(sent).toBeGreaterThan(35);
    expect(atMain).not.toHaveBeenCalled();
    expect(atRenderer).not.toHaveBeenCalled();
    expect(pwnHandler).not.toHaveBeenCalled();
    expect(reported).toEqual([]);
    const fromHostile = rejections.filter((r) => r.origin === 'null');
    expect(fromHostile.length).toBe(sent + 1); // every forged message, and the done marker
    expect(fromHostile.every((r) => r.reason === 'source')).toBe(true);
    const guestFromHostile = guestRejections.filter((r) => r.origin === 'null');
    expect(guestFromHostile.length).toBe(sent + 1);
    expect(guestFromHostile.every((r) => r.reason === 'source')).toBe(true);
    expect(rejections.filter((r) => r.origin !== 'null')).toEqual([]);

    expect(prototypeSnapshot(window)).toEqual(before);
    expect(prototypeSnapshot(frame.win)).toEqual(guestBefore);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((new (frame.win as unknown as { Object: ObjectConstructor }).Object() as { polluted?: unknown }).polluted).toBeUndefined();

    const down = new Promise<unknown[]>((resolve) => ipcRenderer.once('down', (_e: unknown, ...args: unknown[]) => resolve(args)));
    webContents.send('down', 'still here');
    expect(await down).toEqual(['still here']);
    expect(webContents.isDestroyed()).toBe(false);
  });

  it('should not let forged hellos win the handshake while the page still waits for its peer', async () => {
    const frame = await loadGuestFrame();
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    const pwn = jasmine.createSpy('pwn');
    ipcMain.on('pwn', pwn);
    ipcMain.handle('ping', () => 'pong');
    // The page's end exists, unbound, while the hostile frame blasts twice.
    const webContents = trackFacade(
      'webContents',
      ipcMain.connect(windowTransport({ self: window, target: frame.win, targetOrigin: origin, onReject: (r) => rejections.push(r) })),
    );
    const hostile = await loadHostileFrame(HOSTILE_SCRIPT);
    const again = nextMessage(window, isDone);
    hostile.contentWindow!.postMessage('again', '*');
    await again;
    const ipcRenderer = trackFacade(
      'ipcRenderer',
      new frame.guest.IpcRenderer(frame.guest.windowTransport({ self: frame.win, target: frame.win.parent, targetOrigin: origin })),
    ) as unknown as IpcRenderer;
    expect(await ipcRenderer.invoke('ping')).toBe('pong');
    expect(pwn).not.toHaveBeenCalled();
    expect(rejections.length).toBeGreaterThan(0);
    expect(rejections.every((r) => r.reason === 'source' && r.origin === 'null')).toBe(true);
    expect(webContents.isDestroyed()).toBe(false);
  });

  it("should drop (as 'origin') what a frame of another origin sends from the target window itself, and never post it a frame", async () => {
    // The page expected its own widget in this frame, but another origin is loaded there.
    const hostile = await loadHostileFrame(HOSTILE_SCRIPT);
    const hostileWindow = hostile.contentWindow!;
    const echoes: unknown[] = [];
    const onEcho = (event: MessageEvent): void => {
      if (event.source === hostileWindow && typeof event.data === 'object' && event.data !== null && 'echo' in event.data) {
        echoes.push((event.data as { echo: unknown }).echo);
      }
    };
    window.addEventListener('message', onEcho);
    try {
      const ipcMain = trackFacade('ipcMain', new IpcMain());
      const pwn = jasmine.createSpy('pwn');
      ipcMain.on('pwn', pwn);
      ipcMain.errors$.subscribe((error) => reported.push(error));
      const webContents = trackFacade(
        'webContents',
        ipcMain.connect(
          windowTransport({
            self: window,
            target: hostileWindow,
            targetOrigin: origin,
            handshakeTimeout: 400,
            onReject: (r) => rejections.push(r),
          }),
        ),
      );
      const destroyed = new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
      const again = nextMessage(window, isDone);
      hostileWindow.postMessage('again', '*');
      await again;
      // The forged hellos did not complete the handshake: it times out.
      await destroyed;
      // Everything the page posted to the frame before this probe would have been echoed first.
      const probe = nextMessage(window, (event) => (event.data as { echo?: unknown })?.echo === 'probe');
      hostileWindow.postMessage('probe', '*');
      await probe;
      expect(echoes).toEqual(['probe']);
      expect(pwn).not.toHaveBeenCalled();
      expect(reported).toEqual([]);
      expect(rejections.length).toBeGreaterThan(35);
      expect(rejections.every((r) => r.reason === 'origin' && r.origin === 'null')).toBe(true);
    } finally {
      window.removeEventListener('message', onEcho);
    }
  });
});
