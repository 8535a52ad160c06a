import { fromEvent, map } from 'rxjs';
import { createTestScheduler, errorShape, trackedMarbleIpc } from './support.js';

describe('close (marbles)', () => {
  it("should complete an IpcRenderer's channels at once and destroy its WebContents latency frames later", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const { ipcMain, ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 3 });
      const closeAt = hot('--x-----');
      const renderer = '--|     ';
      const destroyed = '-----d--';
      const mainSide = '--------';
      closeAt.subscribe(() => ipcRenderer.close());
      expectObservable(ipcRenderer.channel('tick')).toBe(renderer);
      expectObservable(fromEvent(webContents, 'destroyed').pipe(map(() => 'd'))).toBe(destroyed);
      expectObservable(ipcMain.channel('tick')).toBe(mainSide);
    });
  });

  it("should complete ipcMain's channels at once, and the renderer's latency frames later, erroring its live invoke$", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, hot, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 2 });
      ipcMain.handle('stream', () => cold('a---------'));
      const closeAt = hot('---x----');
      const mainSide = '---|    ';
      const renderer = '-----|  ';
      const call = '----a#  ';
      closeAt.subscribe(() => ipcMain.close());
      expectObservable(ipcMain.channel('tick')).toBe(mainSide);
      expectObservable(ipcRenderer.channel('tick')).toBe(renderer);
      expectObservable(ipcRenderer.invoke$('stream').pipe(errorShape())).toBe(call, undefined, {
        name: 'IpcClosedError',
        message: "The connection to the main side was lost while 'stream' was pending",
        code: 'ERR_IPC_CLOSED',
      });
    });
  });

  it("should emit 'destroyed' at once when main closes a WebContents, and complete the renderer's channels latency frames later", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const { ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 2 });
      const closeAt = hot('-x----');
      const destroyed = '-d----';
      const renderer = '---|  ';
      closeAt.subscribe(() => webContents.close());
      expectObservable(fromEvent(webContents, 'destroyed').pipe(map(() => 'd'))).toBe(destroyed);
      expectObservable(ipcRenderer.channel('tick')).toBe(renderer);
    });
  });

  it("should complete an IpcHost's channels at once; the guest's later sendToHost reaches nobody", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const { host, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const sends = hot('a---b-');
      const closeAt = hot('--x---');
      const expected = '-a|   ';
      const messages: unknown[] = [];
      host.on('ipc-message', (event: { args: unknown[] }) => messages.push(event.args[0]));
      sends.subscribe((v) => ipcRenderer.sendToHost('ready', v));
      closeAt.subscribe(() => host.close());
      expectObservable(host.channel('ready').pipe(map(({ args }) => args[0]))).toBe(expected);
      testScheduler.schedule(() => expect(messages).toEqual(['a']), 8);
    });
  });

  it('should be idempotent: closing twice completes each channel once', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const { ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const closeAt = hot('-x-y');
      const expected = '-|  ';
      closeAt.subscribe(() => ipcRenderer.close());
      expectObservable(ipcRenderer.channel('tick')).toBe(expected);
    });
  });

  it('should close all four ends with the close() of createMarbleIpc', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const ipc = trackedMarbleIpc({ scheduler: testScheduler, latency: 4 });
      const closeAt = hot('--x');
      const expected = '--|';
      closeAt.subscribe(() => ipc.close());
      expectObservable(ipc.ipcRenderer.channel('tick')).toBe(expected);
      expectObservable(ipc.ipcMain.channel('tick')).toBe(expected);
      expectObservable(ipc.host.channel('tick')).toBe(expected);
      expectObservable(fromEvent(ipc.webContents, 'destroyed').pipe(map(() => 'd'))).toBe('--d', { d: 'd' });
    });
  });
});
