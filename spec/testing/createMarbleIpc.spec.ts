import { map, timer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { IpcRemoteError, type IpcMainEvent } from '../../src/index.js';
import { createMarbleIpc, type MarbleIpc } from '../../src/testing/index.js';
import { settle, trackFacade } from '../helpers/leaks.js';

function tracked(ipc: MarbleIpc): MarbleIpc {
  trackFacade('ipcRenderer', ipc.ipcRenderer);
  trackFacade('webContents', ipc.webContents);
  trackFacade('host', ipc.host);
  trackFacade('ipcMain', ipc.ipcMain);
  return ipc;
}

describe('createMarbleIpc', () => {
  it('should run the example of its documentation: request, handler and answer on virtual time', () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    testScheduler.run(({ expectObservable }) => {
      const ipc = tracked(createMarbleIpc({ scheduler: testScheduler, latency: 1 }));
      ipc.ipcMain.handle('double', (_event, n: number) => timer(2).pipe(map(() => n * 2)));
      expectObservable(ipc.ipcRenderer.invoke$('double', 21)).toBe('----(a|)', { a: 42 });
    });
  });

  it('should connect renderer, main and host, asynchronously on the default scheduler outside run', async () => {
    const ipc = tracked(createMarbleIpc());
    const hostGot = jasmine.createSpy('host');
    ipc.host.on('ipc-message', hostGot);
    ipc.ipcMain.on('ping', (event: IpcMainEvent) => event.reply('pong', event.sender === ipc.webContents));
    const pong = new Promise((resolve) => ipc.ipcRenderer.once('pong', (_event, same) => resolve(same)));
    ipc.ipcRenderer.send('ping');
    ipc.ipcRenderer.sendToHost('ready', 1);
    expect(await pong).toBeTrue();
    await settle();
    expect(hostGot).toHaveBeenCalledOnceWith(jasmine.objectContaining({ channel: 'ready', args: [1] }));
  });

  it("should pass createIpc's other options through (exposeStack)", async () => {
    const ipc = tracked(createMarbleIpc({ exposeStack: true }));
    ipc.ipcMain.handle('fail', () => {
      throw new Error('with stack');
    });
    const error = await ipc.ipcRenderer.invoke('fail').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IpcRemoteError);
    expect((error as IpcRemoteError).remoteStack).toContain('with stack');
  });

  it('should close all four ends with close(), idempotently', () => {
    const ipc = tracked(createMarbleIpc());
    ipc.close();
    ipc.close();
    expect(ipc.ipcRenderer.isClosed).toBeTrue();
    expect(ipc.webContents.isDestroyed()).toBeTrue();
    expect(ipc.host.isClosed).toBeTrue();
    expect(ipc.ipcMain.isClosed).toBeTrue();
    expect(() => ipc.ipcRenderer.send('x')).toThrowError(/closed/);
  });

  it('should refuse a latency that is not a whole number of frames', () => {
    for (const latency of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createMarbleIpc({ latency })).toThrowError(
        RangeError,
        `createMarbleIpc: latency must be a non-negative whole number of frames, received ${String(latency)}`,
      );
    }
    const ipc = tracked(createMarbleIpc({ latency: 0 }));
    expect(ipc.ipcRenderer.isClosed).toBeFalse();
  });
});
