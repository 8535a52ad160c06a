// Every public method called with wrong arguments throws a named error (Node-style codes where Node
// has one) and sends nothing; a closed facade throws IpcClosedError.
import {
  createMemoryTransportPair,
  decodeFrame,
  IpcClosedError,
  IpcHost,
  IpcMain,
  IpcRenderer,
  type SyncTransport,
} from '../../src/index.js';
import { settle, trackFacade } from '../helpers/leaks.js';

function recording(end: SyncTransport<string>): string[] {
  const kinds: string[] = [];
  const next = end.next;
  end.next = (frame: string) => {
    kinds.push(decodeFrame(frame).kind);
    next(frame);
  };
  return kinds;
}

function setup() {
  const ipcMain = trackFacade('ipcMain', new IpcMain());
  const [mainEnd, rendererEnd] = createMemoryTransportPair();
  const [hostEnd, guestEnd] = createMemoryTransportPair();
  const fromMain = recording(mainEnd);
  const fromRenderer = recording(rendererEnd);
  const fromGuest = recording(guestEnd);
  const webContents = ipcMain.connect(mainEnd);
  const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(rendererEnd, { host: guestEnd }));
  const host = trackFacade('host', new IpcHost(hostEnd));
  return { ipcMain, webContents, ipcRenderer, host, sent: () => [...fromMain, ...fromRenderer, ...fromGuest] };
}

const NOT_STRINGS: unknown[] = [undefined, null, 1, {}, [], Symbol('s'), () => 'x'];
const NOT_FUNCTIONS: unknown[] = [undefined, null, 1, 'f', {}, []];

const isArgType = (e: unknown): boolean =>
  e instanceof TypeError && (e as { code?: string }).code === 'ERR_INVALID_ARG_TYPE' && /must be of type/.test(e.message);

describe('argument validation', () => {
  it('should refuse a non-string channel on every sending method, sending nothing', async () => {
    const { ipcRenderer, webContents, host, sent } = setup();
    for (const bad of NOT_STRINGS) {
      const ch = bad as string;
      expect(() => ipcRenderer.send(ch))
        .withContext(`send ${String(bad)}`)
        .toThrowMatching(isArgType);
      expect(() => ipcRenderer.sendSync(ch))
        .withContext('sendSync')
        .toThrowMatching(isArgType);
      expect(() => ipcRenderer.sendToHost(ch))
        .withContext('sendToHost')
        .toThrowMatching(isArgType);
      expect(() => webContents.send(ch))
        .withContext('webContents.send')
        .toThrowMatching(isArgType);
      expect(() => host.send(ch))
        .withContext('host.send')
        .toThrowMatching(isArgType);
      await expectAsync(ipcRenderer.invoke(ch)).withContext('invoke').toBeRejectedWith(jasmine.any(TypeError));
      let streamError: unknown;
      ipcRenderer.invoke$(ch).subscribe({ error: (e: unknown) => (streamError = e) });
      expect(isArgType(streamError)).withContext('invoke$').toBeTrue();
    }
    await settle();
    expect(sent()).toEqual([]);
  });

  it('should refuse a non-string channel for channel(), handle, handleOnce, removeHandler', () => {
    const { ipcMain, ipcRenderer, host, webContents } = setup();
    for (const bad of NOT_STRINGS) {
      const ch = bad as string;
      for (const facade of [ipcMain, ipcRenderer, host, webContents.ipc]) {
        expect(() => facade.channel(ch)).toThrowMatching(isArgType);
      }
      expect(() => ipcMain.handle(ch, () => 1)).toThrowMatching(isArgType);
      expect(() => ipcMain.handleOnce(ch, () => 1)).toThrowMatching(isArgType);
      expect(() => ipcMain.removeHandler(ch)).toThrowMatching(isArgType);
    }
    expect(ipcMain.handlerCount).toBe(0);
  });

  it('should refuse a listener or handler that is not a function, adding nothing', () => {
    const { ipcMain, ipcRenderer, host, webContents } = setup();
    for (const bad of NOT_FUNCTIONS) {
      const fn = bad as () => void;
      for (const facade of [ipcMain, ipcRenderer, host, webContents, webContents.ipc]) {
        for (const method of ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'off', 'removeListener'] as const) {
          expect(() => facade[method]('c', fn))
            .withContext(method)
            .toThrowMatching(
              (e) => e instanceof TypeError && (e as { code?: string }).code === 'ERR_INVALID_ARG_TYPE' && /"listener"/.test(e.message),
            );
        }
      }
      expect(() => ipcMain.handle('c', fn)).toThrowMatching((e) => isArgType(e) && /"handler"/.test((e as Error).message));
      expect(() => webContents.ipc.handleOnce('c', fn)).toThrowMatching(isArgType);
    }
    expect(ipcMain.listenerCount('c') + ipcRenderer.listenerCount('c') + ipcMain.handlerCount).toBe(0);
  });

  it('should throw IpcClosedError from every sending method of a closed facade, sending nothing', async () => {
    const { ipcMain, ipcRenderer, webContents, host, sent } = setup();
    ipcRenderer.close();
    host.close();
    await settle();
    const before = sent().length;
    expect(() => ipcRenderer.send('c')).toThrowError(IpcClosedError);
    expect(() => ipcRenderer.sendSync('c')).toThrowError(IpcClosedError);
    expect(() => ipcRenderer.sendToHost('c')).toThrowError(IpcClosedError);
    await expectAsync(ipcRenderer.invoke('c')).toBeRejectedWithError(IpcClosedError);
    expect(() => webContents.send('c')).toThrowError(IpcClosedError);
    expect(() => host.send('c')).toThrowError(IpcClosedError);
    ipcMain.close();
    const [mainEnd] = createMemoryTransportPair();
    expect(() => ipcMain.connect(mainEnd)).toThrowError(IpcClosedError);
    expect(sent().length).toBe(before);
  });

  it('should name the channel in a closed-facade error', () => {
    const { ipcRenderer } = setup();
    ipcRenderer.close();
    expect(() => ipcRenderer.send('named-channel')).toThrowMatching(
      (e) => e instanceof IpcClosedError && e.channel === 'named-channel' && e.code === 'ERR_IPC_CLOSED',
    );
  });
});
