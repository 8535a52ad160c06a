import { once } from 'node:events';
import { firstValueFrom, interval, map, take, toArray } from 'rxjs';
import { WebSocket, WebSocketServer } from 'ws';
import {
  encodeFrame,
  IpcBadFrameError,
  IpcClosedError,
  IpcError,
  PROTOCOL_VERSION,
  IpcMain,
  IpcRenderer,
  IpcSyncUnsupportedError,
  IpcTimeoutError,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from '../../../src/index.js';
import {
  acceptWebSockets,
  IpcBackpressureError,
  webSocketTransport,
  type WebSocketTransportOptions,
} from '../../../src/transports/webSocket/index.js';
import { trackFacade } from '../../helpers/leaks.js';
import { sendUntilRefused } from '../../helpers/backpressure.js';

const servers: WebSocketServer[] = [];

/** A real `ws` server on 127.0.0.1, on a free port. */
async function startServer(): Promise<{ wss: WebSocketServer; url: string }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(wss);
  await once(wss, 'listening');
  return { wss, url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}` };
}

/** An IpcMain serving every connection of a fresh server; remembers each server-side socket. */
async function startMain(
  options?: WebSocketTransportOptions,
): Promise<{ ipcMain: IpcMain; url: string; wss: WebSocketServer; sockets: Map<WebContents, WebSocket> }> {
  const { wss, url } = await startServer();
  const ipcMain = trackFacade('ipcMain', new IpcMain());
  const sockets = new Map<WebContents, WebSocket>();
  const serving = acceptWebSockets(
    wss,
    (transport, socket) => {
      const contents = trackFacade('webContents', ipcMain.connect(transport));
      sockets.set(contents, socket as WebSocket);
    },
    options,
  );
  trackFacade('serving', { close: () => serving.unsubscribe() });
  return { ipcMain, url, wss, sockets };
}

function connect(url: string, options?: { handshakeTimeout?: number }): { ipcRenderer: IpcRenderer; socket: WebSocket } {
  const socket = new WebSocket(url);
  const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(webSocketTransport(socket, options)));
  return { ipcRenderer, socket };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Lets the event loop run its I/O once (sockets write what they buffered). */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function settled<T>(promise: Promise<T>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (e: unknown) => e,
  );
}

afterEach(async () => {
  const closing = servers.splice(0).map((wss) => {
    for (const client of wss.clients) client.terminate();
    return new Promise<void>((resolve) => wss.close(() => resolve()));
  });
  await Promise.all(closing);
});

describe('webSocketTransport', () => {
  it('should carry invoke, send and event.reply over a real socket, keeping what is sent before it opens', async () => {
    const { ipcMain, url } = await startMain();
    ipcMain.handle('sum', (_event: IpcMainInvokeEvent, a: number, b: number) => a + b);
    ipcMain.on('ping', (event: IpcMainEvent, ...args: unknown[]) => event.reply('pong', ...args, event.sender.id));
    const { ipcRenderer, socket } = connect(url);
    expect(socket.readyState).toBe(WebSocket.CONNECTING);
    const pong = firstValueFrom(ipcRenderer.channel('pong'));
    ipcRenderer.send('ping', 'a', { b: [1] });
    const sum = ipcRenderer.invoke('sum', 40, 2);
    expect(await sum).toBe(42);
    const [contents] = ipcMain.getAllWebContents();
    expect((await pong).args).toEqual(['a', { b: [1] }, contents!.id]);
  });

  it("should reject invoke with the main-side error's message and code", async () => {
    const { ipcMain, url } = await startMain();
    ipcMain.handle('fail', () => {
      throw Object.assign(new Error('nope'), { code: 'E_NOPE' });
    });
    const { ipcRenderer } = connect(url);
    const error = (await settled(ipcRenderer.invoke('fail'))) as IpcError;
    expect(error.message).toBe("Error invoking remote method 'fail': Error: nope");
    expect(error.code).toBe('E_NOPE');
  });

  it("should stream invoke$ and abort main's event.signal when the renderer unsubscribes", async () => {
    const { ipcMain, url } = await startMain();
    let aborted!: Promise<unknown>;
    ipcMain.handle('ticks', (event: IpcMainInvokeEvent) => {
      aborted = new Promise((resolve) => event.signal.addEventListener('abort', () => resolve(event.signal.reason)));
      return interval(2).pipe(map((i) => `t${i}`));
    });
    const { ipcRenderer } = connect(url);
    expect(await firstValueFrom(ipcRenderer.invoke$('ticks').pipe(take(4), toArray()))).toEqual(['t0', 't1', 't2', 't3']);
    expect(((await aborted) as IpcError).code).toBe('ERR_IPC_CANCELLED');
  });

  it('should keep the order of many messages both ways', async () => {
    const { ipcMain, url } = await startMain();
    const count = 500;
    ipcMain.on('burst', (event: IpcMainEvent, n: number) => {
      for (let i = 0; i < n; i++) event.reply('burst', i);
    });
    const received = firstValueFrom(
      ipcMain.channel('seq').pipe(
        map(({ args }) => args[0] as number),
        take(count),
        toArray(),
      ),
    );
    const { ipcRenderer } = connect(url);
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

  it('should send the frames of one tick as one text message after the first, and unpack them in order', async () => {
    const { ipcMain, url, sockets } = await startMain();
    ipcMain.handle('ready', () => true);
    const { ipcRenderer } = connect(url);
    expect(await ipcRenderer.invoke('ready')).toBe(true);
    const [contents] = ipcMain.getAllWebContents();
    const texts: string[] = [];
    sockets.get(contents!)!.on('message', (data) => texts.push(String(data)));
    const received = firstValueFrom(
      ipcMain.channel('tick').pipe(
        map(({ args }) => args[0] as string),
        take(4),
        toArray(),
      ),
    );
    for (const word of ['a:b', 'é✓', '', 'last']) ipcRenderer.send('tick', word);
    expect(await received).toEqual(['a:b', 'é✓', '', 'last']);
    expect(texts.length).toBe(2);
    expect(texts[0]).toMatch(/^rxipc:frame:\d+:/);
    expect(texts[1]).toMatch(/^rxipc:frames:\d+:\d+,\d+,\d+:/);
  });

  describe('heartbeat', () => {
    /** The raw TCP socket under a `ws` socket: pausing it stops all reading, as a vanished peer would. */
    const tcp = (socket: WebSocket): { pause(): void; resume(): void } =>
      (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

    it('should let a renderer with heartbeatInterval notice a main that stopped answering with its socket still open', async () => {
      const { ipcMain, url, sockets } = await startMain();
      ipcMain.handle('ready', () => true);
      const socket = new WebSocket(url);
      const ipcRenderer = trackFacade(
        'ipcRenderer',
        new IpcRenderer(webSocketTransport(socket, { heartbeatInterval: 100, heartbeatMisses: 3 })),
      );
      expect(await ipcRenderer.invoke('ready')).toBe(true);
      await sleep(350); // main answers the pings: nothing happens
      expect(await ipcRenderer.invoke('ready')).toBe(true);
      const mainSide = tcp(sockets.get(ipcMain.getAllWebContents()[0]!)!);
      mainSide.pause();
      try {
        const error = await settled(ipcRenderer.invoke('ready'));
        expect(error).toBeInstanceOf(IpcClosedError);
        expect((error as IpcClosedError).cause).toBeInstanceOf(IpcTimeoutError);
        expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
      } finally {
        mainSide.resume(); // so the closing handshake can finish
      }
    });

    it('should let acceptWebSockets with heartbeatInterval notice a client that stopped answering, and keep serving the others', async () => {
      const { ipcMain, url } = await startMain({ heartbeatInterval: 100, heartbeatMisses: 3 });
      ipcMain.handle('ready', () => true);
      const silent = connect(url);
      const well = connect(url);
      expect(await silent.ipcRenderer.invoke('ready')).toBe(true);
      expect(await well.ipcRenderer.invoke('ready')).toBe(true);
      await sleep(350); // both answer the pings
      expect(ipcMain.getAllWebContents().length).toBe(2);
      const [first] = ipcMain.getAllWebContents();
      const destroyed = new Promise<void>((resolve) => first!.once('destroyed', () => resolve()));
      const clientSide = tcp(silent.socket);
      clientSide.pause();
      try {
        await destroyed;
        expect(ipcMain.getAllWebContents().length).toBe(1);
        expect(await well.ipcRenderer.invoke('ready')).toBe(true);
      } finally {
        clientSide.resume();
      }
    });

    it('should send no pings by default', async () => {
      const { ipcMain, url, sockets } = await startMain();
      ipcMain.handle('ready', () => true);
      const { ipcRenderer, socket } = connect(url);
      expect(await ipcRenderer.invoke('ready')).toBe(true);
      const texts: string[] = [];
      socket.on('message', (data) => texts.push(String(data)));
      sockets.get(ipcMain.getAllWebContents()[0]!)!.on('message', (data) => texts.push(String(data)));
      await sleep(250);
      expect(texts).toEqual([]);
    });
  });

  it('should refuse sends with IpcBackpressureError while main has stopped reading, keep the socket buffer bounded, and send again once it drains', async () => {
    const { ipcMain, url, sockets } = await startMain();
    const highWaterMark = 1024 * 1024;
    const chunk = 'x'.repeat(64 * 1024);
    ipcMain.handle('ready', () => true);
    const received: number[] = [];
    ipcMain.on('chunk', (_event: IpcMainEvent, i: number) => received.push(i));
    const socket = new WebSocket(url);
    const transport = webSocketTransport(socket, { highWaterMark });
    const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(transport));
    expect(await ipcRenderer.invoke('ready')).toBe(true);
    const [contents] = ipcMain.getAllWebContents();
    const mainSide = (sockets.get(contents!) as unknown as { _socket: { pause(): void; resume(): void } })._socket;

    // While main reads, 4 MiB go through without a refusal (the event loop turns between sends).
    let sent = 0;
    for (; sent < 64; sent++) {
      ipcRenderer.send('chunk', sent, chunk);
      await turn();
    }
    await until(() => received.length === sent);

    // Main stops reading: the kernel buffers fill, then the socket's own buffer, up to the mark.
    mainSide.pause();
    const filled = await sendUntilRefused({
      send: (i) => ipcRenderer.send('chunk', i, chunk),
      measure: () => socket.bufferedAmount,
      max: 1000,
      from: sent,
      between: turn,
    });
    sent = filled.accepted;
    const { error: refusal, measured: bufferedAtRefusal } = filled;
    expect(refusal).toBeInstanceOf(IpcBackpressureError);
    expect((refusal as IpcBackpressureError).code).toBe('ERR_IPC_BACKPRESSURE');
    expect(bufferedAtRefusal).toBeGreaterThanOrEqual(highWaterMark);
    expect(bufferedAtRefusal).toBeLessThan(highWaterMark + chunk.length + 1024); // the mark plus one frame
    expect(() => ipcRenderer.send('chunk', sent, chunk)).toThrowError(IpcBackpressureError); // still full
    await expectAsync(ipcRenderer.invoke('ready')).toBeRejectedWithError(IpcBackpressureError);
    expect(ipcRenderer.pendingCount).toBe(0);

    // Main reads again: the buffer drains and sends go through; nothing was lost or sent twice.
    mainSide.resume();
    await firstValueFrom(transport.drained());
    expect(socket.bufferedAmount).toBeLessThanOrEqual(highWaterMark / 2);
    ipcRenderer.send('chunk', sent, chunk);
    sent++;
    expect(await ipcRenderer.invoke('ready')).toBe(true);
    await until(() => received.length === sent);
    expect(received).toEqual(Array.from({ length: sent }, (_, i) => i));
  });

  it('should make sendSync throw IpcSyncUnsupportedError and send nothing', async () => {
    const { ipcMain, url } = await startMain();
    const sync = jasmine.createSpy('sync listener');
    ipcMain.on('config', sync);
    ipcMain.handle('done', () => 'done');
    const { ipcRenderer } = connect(url);
    expect(() => ipcRenderer.sendSync('config')).toThrowMatching(
      (e) => e instanceof IpcSyncUnsupportedError && e.code === 'ERR_IPC_SYNC_UNSUPPORTED' && e.message.includes("invoke('config'"),
    );
    expect(await ipcRenderer.invoke('done')).toBe('done');
    expect(sync).not.toHaveBeenCalled();
  });

  it("should destroy main's WebContents and close the socket when the renderer closes", async () => {
    const { ipcMain, url, sockets } = await startMain();
    const started = new Promise<AbortSignal>((resolve) =>
      ipcMain.handle('never', (event: IpcMainInvokeEvent) => {
        resolve(event.signal);
        return new Promise(() => undefined);
      }),
    );
    const { ipcRenderer } = connect(url);
    const pending = settled(ipcRenderer.invoke('never'));
    const signal = await started;
    const [contents] = ipcMain.getAllWebContents();
    const serverSocket = sockets.get(contents!)!;
    const destroyed = once(contents!, 'destroyed');
    const socketClosed = once(serverSocket, 'close');
    ipcRenderer.close();
    expect(await pending).toBeInstanceOf(IpcClosedError);
    await destroyed;
    expect(signal.aborted).toBeTrue();
    const [code] = await socketClosed;
    expect(code).toBe(1000);
    expect(() => contents!.send('late')).toThrowError(IpcClosedError);
  });

  it('should reject pending calls, complete channels and close the socket when main closes the connection', async () => {
    const { ipcMain, url } = await startMain();
    ipcMain.handle('never', () => new Promise(() => undefined));
    ipcMain.on('kick', (event: IpcMainEvent) => event.sender.close());
    const { ipcRenderer, socket } = connect(url);
    const pending = settled(ipcRenderer.invoke('never'));
    const stream = settled(firstValueFrom(ipcRenderer.invoke$('never')));
    const channel = firstValueFrom(ipcRenderer.channel('anything').pipe(toArray()));
    const closed = once(socket, 'close');
    ipcRenderer.send('kick');
    expect(await pending).toBeInstanceOf(IpcClosedError);
    expect(await stream).toBeInstanceOf(IpcClosedError);
    expect(await channel).toEqual([]);
    expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
    const [code] = await closed;
    expect(code).toBe(1000);
  });

  it('should treat a socket dropped without a closing handshake as peer loss, on both sides', async () => {
    const { ipcMain, url, sockets } = await startMain();
    const started = new Promise<AbortSignal>((resolve) =>
      ipcMain.handle('never', (event: IpcMainInvokeEvent) => {
        resolve(event.signal);
        return new Promise(() => undefined);
      }),
    );
    const { ipcRenderer } = connect(url);
    const pending = settled(ipcRenderer.invoke('never'));
    const signal = await started;
    const [contents] = ipcMain.getAllWebContents();
    const destroyed = jasmine.createSpy('destroyed');
    contents!.on('destroyed', destroyed);
    const gone = once(contents!, 'destroyed');
    sockets.get(contents!)!.terminate();
    const error = (await pending) as IpcClosedError;
    expect(error).toBeInstanceOf(IpcClosedError);
    expect(String((error.cause as Error).message)).toContain('1006');
    await gone;
    expect(destroyed).toHaveBeenCalledTimes(1);
    expect(signal.aborted).toBeTrue();
    expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
  });

  it('should end the handshake with IpcTimeoutError when the server does not speak rxipc', async () => {
    const { url } = await startServer();
    const { ipcRenderer } = connect(url, { handshakeTimeout: 300 });
    const error = (await settled(ipcRenderer.invoke('anything'))) as IpcClosedError;
    expect(error).toBeInstanceOf(IpcClosedError);
    expect(error.cause).toBeInstanceOf(IpcTimeoutError);
  });

  it('should deliver what a renderer sent and closed before its socket opened, then close it normally', async () => {
    const { ipcMain, url, sockets } = await startMain();
    const lastWords = firstValueFrom(ipcMain.channel('last-words'));
    const { ipcRenderer, socket } = connect(url);
    ipcRenderer.send('last-words', 'bye');
    ipcRenderer.close();
    expect(socket.readyState).toBe(WebSocket.CONNECTING);
    expect((await lastWords).args).toEqual(['bye']);
    const [code] = await once(socket, 'close');
    expect(code).toBe(1000);
    expect(sockets.size).toBe(1);
  });

  it('should close a socket that is still connecting once it opens, with no error', async () => {
    const { wss, url } = await startServer();
    const accepted = once(wss, 'connection');
    const socket = new WebSocket(url);
    const errors: unknown[] = [];
    socket.on('error', (error) => errors.push(error));
    webSocketTransport(socket).complete();
    const [serverSocket] = (await accepted) as [WebSocket];
    const [code] = await once(serverSocket, 'close');
    expect(code).toBe(1000);
    expect(errors).toEqual([]);
  });

  it('should close at once a renderer whose socket is already closed', async () => {
    const { url } = await startMain();
    const socket = new WebSocket(url);
    await once(socket, 'open');
    socket.close();
    await once(socket, 'close');
    const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(webSocketTransport(socket)));
    expect(await settled(ipcRenderer.invoke('x'))).toBeInstanceOf(IpcClosedError);
  });
});

describe('acceptWebSockets', () => {
  it('should drop and report garbage from a client, and keep serving it', async () => {
    const { ipcMain, url } = await startMain();
    const reported: IpcError[] = [];
    const errors = ipcMain.errors$.subscribe((e) => reported.push(e));
    const good = firstValueFrom(ipcMain.channel('good'));
    // A raw client that speaks the wire format by hand.
    const raw = new WebSocket(url);
    await once(raw, 'open');
    raw.send('rxipc:hello');
    raw.send('not rxipc at all');
    raw.send(Buffer.from([1, 2, 3]));
    raw.send('rxipc:frame:0:{"v":1,"kind":"send","channel":"bad",');
    raw.send('rxipc:frame:1:{"v":1,"kind":"explode","channel":"__proto__","args":[]}');
    // Coalesced frames whose lengths do not add up are not rxipc messages at all: ignored.
    raw.send('rxipc:frames:2:1,x:ab');
    raw.send('rxipc:frames:2:5,5:abc');
    raw.send('rxipc:frames:2:1,1:abc');
    raw.send('rxipc:frames:2::');
    raw.send('rxipc:frames:-2:1:a');
    const bad = '{"v":1,"kind":"send"';
    const goodFrame = encodeFrame({ v: PROTOCOL_VERSION, kind: 'send', channel: 'good', args: ['still served'] });
    raw.send(`rxipc:frames:2:${bad.length},${goodFrame.length}:${bad}${goodFrame}`);
    expect((await good).args).toEqual(['still served']);
    expect(reported.length).toBe(3);
    for (const error of reported) expect(error).toBeInstanceOf(IpcBadFrameError);
    expect(ipcMain.getAllWebContents().length).toBe(1);
    errors.unsubscribe();
  });

  it('should give every connection its own WebContents, and event.reply / webContents.send reach exactly that one', async () => {
    const { ipcMain, url } = await startMain();
    ipcMain.on('who', (event: IpcMainEvent, tag: string) => event.reply('you-are', tag, event.sender.id));
    const renderers = ['a', 'b', 'c'].map((tag) => ({ tag, ...connect(url), heard: [] as unknown[][] }));
    for (const r of renderers) r.ipcRenderer.on('you-are', (_e, ...args: unknown[]) => r.heard.push(args));
    for (const r of renderers) r.ipcRenderer.on('direct', (_e, ...args: unknown[]) => r.heard.push(['direct', ...args]));
    const answered = renderers.map((r) => firstValueFrom(r.ipcRenderer.channel('you-are')));
    for (const r of renderers) r.ipcRenderer.send('who', r.tag);
    await Promise.all(answered);
    const all = ipcMain.getAllWebContents();
    expect(all.length).toBe(3);
    expect(new Set(renderers.map((r) => r.heard[0]![1])).size).toBe(3);
    for (const r of renderers) expect(r.heard).toEqual([[r.tag, jasmine.any(Number)]]);
    // webContents.send to one renderer by id.
    const target = renderers[1]!;
    const targetContents = all.find((c) => c.id === target.heard[0]![1])!;
    const direct = firstValueFrom(target.ipcRenderer.channel('direct'));
    targetContents.send('direct', 'only b');
    await direct;
    expect(renderers.map((r) => r.heard.length)).toEqual([1, 2, 1]);
  });

  it('should stop accepting and close the accepted connections when unsubscribed', async () => {
    const { wss, url } = await startServer();
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    ipcMain.handle('sum', (_event: IpcMainInvokeEvent, a: number, b: number) => a + b);
    const serving = acceptWebSockets(wss, (transport) => trackFacade('webContents', ipcMain.connect(transport)));
    const first = connect(url);
    expect(await first.ipcRenderer.invoke('sum', 1, 2)).toBe(3);
    const channel = firstValueFrom(first.ipcRenderer.channel('x').pipe(toArray()));
    serving.unsubscribe();
    expect(await channel).toEqual([]);
    expect(ipcMain.getAllWebContents()).toEqual([]);
    const late = connect(url, { handshakeTimeout: 300 });
    const error = (await settled(late.ipcRenderer.invoke('sum', 1, 2))) as IpcClosedError;
    expect(error.cause).toBeInstanceOf(IpcTimeoutError);
    expect(wss.listenerCount('connection')).toBe(0);
  });
});
