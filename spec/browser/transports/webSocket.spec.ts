// The webSocket transport from Chromium: a real browser `WebSocket` to a real `ws` server with an
// rxipc IpcMain, started on 127.0.0.1 by the karma framework in spec/support/karma-ws-server.cjs
// (its channels are listed in spec/node/fixtures/ws-main.ts).
import { firstValueFrom, take, toArray } from 'rxjs';
import { IpcClosedError, IpcError, IpcRenderer, IpcSyncUnsupportedError } from '../../../src/index.js';
import { IpcBackpressureError, webSocketTransport } from '../../../src/transports/webSocket/index.js';
import { trackFacade } from '../../helpers/leaks.js';
import { sendUntilRefused } from '../../helpers/backpressure.js';

const url = (globalThis as { __karma__?: { config?: { rxipcWebSocketUrl?: string } } }).__karma__?.config?.rxipcWebSocketUrl;

function connect(): { ipcRenderer: IpcRenderer; socket: WebSocket } {
  if (url === undefined) throw new Error('The rxipc-ws karma framework is not running: no __karma__.config.rxipcWebSocketUrl');
  const socket = new WebSocket(url);
  return { ipcRenderer: trackFacade('ipcRenderer', new IpcRenderer(webSocketTransport(socket))), socket };
}

function settled<T>(promise: Promise<T>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (e: unknown) => e,
  );
}

function closed(socket: WebSocket): Promise<CloseEvent> {
  return new Promise((resolve) => socket.addEventListener('close', resolve, { once: true }));
}

describe('webSocketTransport (browser WebSocket)', () => {
  it('should notice, with heartbeatInterval, a main that stopped reading with the socket still open', async () => {
    if (url === undefined) throw new Error('The rxipc-ws karma framework is not running');
    const socket = new WebSocket(url);
    const ipcRenderer = trackFacade(
      'ipcRenderer',
      new IpcRenderer(webSocketTransport(socket, { heartbeatInterval: 100, heartbeatMisses: 3 })),
    );
    expect(await ipcRenderer.invoke('sum', 1, 2)).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 350)); // main answers the pings meanwhile
    expect(await ipcRenderer.invoke('sum', 2, 2)).toBe(4);
    const paused = firstValueFrom(ipcRenderer.channel('paused'));
    ipcRenderer.send('pause-reading');
    const id = (await paused).args[0] as number;
    try {
      const error = await settled(ipcRenderer.invoke('sum', 3, 3));
      expect(error).toBeInstanceOf(IpcClosedError);
      expect(((error as IpcClosedError).cause as Error).name).toBe('IpcTimeoutError');
    } finally {
      connect().ipcRenderer.send('resume-reading', id); // so the closing handshake can finish
    }
  });

  it("should refuse sends with IpcBackpressureError once the browser's bufferedAmount reaches the mark while main does not read, and send again once it drains", async () => {
    if (url === undefined) throw new Error('The rxipc-ws karma framework is not running');
    const highWaterMark = 1024 * 1024;
    const chunk = 'x'.repeat(64 * 1024);
    const socket = new WebSocket(url);
    const transport = webSocketTransport(socket, { highWaterMark });
    const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(transport));
    const paused = firstValueFrom(ipcRenderer.channel('paused'));
    ipcRenderer.send('pause-reading');
    const id = (await paused).args[0] as number;
    let {
      accepted: sent,
      error: refusal,
      measured: bufferedAtRefusal,
    } = await sendUntilRefused({
      send: (i) => ipcRenderer.send('order', i, chunk),
      measure: () => socket.bufferedAmount,
      max: 2000,
      between: () => new Promise((resolve) => setTimeout(resolve, 0)), // the browser hands what it can to the network
    });
    expect(refusal).toBeInstanceOf(IpcBackpressureError);
    expect(bufferedAtRefusal).toBeGreaterThanOrEqual(highWaterMark);
    expect(bufferedAtRefusal).toBeLessThan(highWaterMark + chunk.length + 1024);
    await expectAsync(ipcRenderer.invoke('order-log')).toBeRejectedWithError(IpcBackpressureError);
    connect().ipcRenderer.send('resume-reading', id); // from another connection: this one is not read
    await firstValueFrom(transport.drained());
    ipcRenderer.send('order', sent, chunk);
    sent++;
    expect(await ipcRenderer.invoke('order-log')).toEqual(Array.from({ length: sent }, (_, i) => i));
  });

  it('should invoke a Node main and get event.reply back, with frames sent before the socket opened', async () => {
    const { ipcRenderer, socket } = connect();
    expect(socket.readyState).toBe(WebSocket.CONNECTING);
    const pong = firstValueFrom(ipcRenderer.channel('pong'));
    ipcRenderer.send('ping', 'from chromium', { n: [1, 2] });
    expect(await ipcRenderer.invoke('sum', 19, 23)).toBe(42);
    const { args } = await pong;
    expect(args.slice(0, 2)).toEqual(['from chromium', { n: [1, 2] }]);
    expect(args[2]).toEqual(jasmine.any(Number));
  });

  it("should reject invoke with the main-side error's message and code", async () => {
    const { ipcRenderer } = connect();
    const error = (await settled(ipcRenderer.invoke('fail'))) as IpcError;
    expect(error.message).toBe("Error invoking remote method 'fail': Error: nope");
    expect(error.code).toBe('E_NOPE');
  });

  it("should stream invoke$ and abort main's event.signal when unsubscribed", async () => {
    const { ipcRenderer } = connect();
    const key = `ticks-${Math.random()}`;
    expect(await firstValueFrom(ipcRenderer.invoke$('ticks', key).pipe(take(3), toArray()))).toEqual([0, 1, 2]);
    expect(await ipcRenderer.invoke('wait-aborted', key)).toBeTrue();
  });

  it('should keep the order of many messages both ways', async () => {
    const { ipcRenderer } = connect();
    const count = 300;
    const burst = firstValueFrom(ipcRenderer.channel('burst').pipe(take(count), toArray()));
    for (let i = 0; i < count; i++) ipcRenderer.send('order', i);
    ipcRenderer.send('burst', count);
    const expected = Array.from({ length: count }, (_, i) => i);
    expect(await ipcRenderer.invoke('order-log')).toEqual(expected);
    expect((await burst).map(({ args }) => args[0])).toEqual(expected);
  });

  it('should give each socket its own WebContents: event.reply reaches only the sender', async () => {
    const a = connect();
    const b = connect();
    const heardByB = jasmine.createSpy('b heard pong');
    b.ipcRenderer.on('pong', heardByB);
    const pong = firstValueFrom(a.ipcRenderer.channel('pong'));
    a.ipcRenderer.send('ping', 'a');
    expect((await pong).args[0]).toBe('a');
    // b's own round trip comes after anything main might have sent it.
    const bPong = firstValueFrom(b.ipcRenderer.channel('pong'));
    b.ipcRenderer.send('ping', 'b');
    const { args } = await bPong;
    expect(heardByB).toHaveBeenCalledTimes(1);
    expect(args[0]).toBe('b');
  });

  it('should throw IpcSyncUnsupportedError from sendSync on the page, pointing to invoke', () => {
    const { ipcRenderer } = connect();
    expect(() => ipcRenderer.sendSync('sync')).toThrowMatching(
      (e) => e instanceof IpcSyncUnsupportedError && e.code === 'ERR_IPC_SYNC_UNSUPPORTED' && e.message.includes("invoke('sync'"),
    );
  });

  it('should reject pending calls and refuse sends after the renderer closes, and close the socket', async () => {
    const { ipcRenderer, socket } = connect();
    expect(await ipcRenderer.invoke('sum', 1, 1)).toBe(2);
    const pending = settled(ipcRenderer.invoke('never'));
    const socketClosed = closed(socket);
    ipcRenderer.close();
    expect(await pending).toBeInstanceOf(IpcClosedError);
    expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
    expect((await socketClosed).code).toBe(1000);
  });

  it('should reject pending calls, complete channels and refuse sends when main closes the connection', async () => {
    const { ipcRenderer, socket } = connect();
    const pending = settled(ipcRenderer.invoke('never'));
    const stream = settled(firstValueFrom(ipcRenderer.invoke$('never')));
    const channel = firstValueFrom(ipcRenderer.channel('anything').pipe(toArray()));
    const socketClosed = closed(socket);
    ipcRenderer.send('kick');
    expect(await pending).toBeInstanceOf(IpcClosedError);
    expect(await stream).toBeInstanceOf(IpcClosedError);
    expect(await channel).toEqual([]);
    expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
    expect((await socketClosed).code).toBe(1000);
  });

  it('should treat a socket the server drops abruptly as peer loss', async () => {
    const { ipcRenderer, socket } = connect();
    const pending = settled(ipcRenderer.invoke('never'));
    const socketClosed = closed(socket);
    ipcRenderer.send('drop');
    const error = (await pending) as IpcClosedError;
    expect(error).toBeInstanceOf(IpcClosedError);
    expect(String((error.cause as Error).message)).toContain('1006');
    expect((await socketClosed).code).toBe(1006);
    expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
  });
});
