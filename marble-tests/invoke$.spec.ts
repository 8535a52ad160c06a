import { map, Subject } from 'rxjs';
import type { IpcMainInvokeEvent } from '../src/index.js';
import { createTestScheduler, errorShape, trackedMarbleIpc } from './support.js';

/** Emits 'x' on `aborts` when the handler's `event.signal` aborts, with the reason's name as value. */
function watchAbort(event: IpcMainInvokeEvent, aborts: Subject<string>): void {
  event.signal.addEventListener('abort', () => aborts.next((event.signal.reason as Error).name));
}

describe('invoke$ (marbles)', () => {
  it('should emit the value a handler returns, then complete, 2 × latency frames after subscribing', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
      const expected = '--(a|)';
      expectObservable(ipcRenderer.invoke$('sum', 1, 2)).toBe(expected, { a: 3 });
    });
  });

  it('should answer in the subscription frame with latency 0, never synchronously', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 0 });
      ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
      const seenSynchronously: number[] = [];
      ipcRenderer.invoke$<number>('sum', 2, 2).subscribe((v) => seenSynchronously.push(v));
      expect(seenSynchronously).toEqual([]);
      expectObservable(ipcRenderer.invoke$('sum', 3, 4)).toBe('(a|)', { a: 7 });
    });
  });

  it('should be cold: each subscription sends its own request', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      let calls = 0;
      ipcMain.handle('next-id', () => ++calls);
      const call$ = ipcRenderer.invoke$('next-id');
      const sub1 = '^-----';
      const expected1 = '--(a|)';
      const sub2 = '---^--';
      const expected2 = '-----(b|)';
      expectObservable(call$, sub1).toBe(expected1, { a: 1 });
      expectObservable(call$, sub2).toBe(expected2, { b: 2 });
    });
  });

  it("should stream an Observable handler's values (many) and unsubscribe its source when it completes", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const source = cold(' a-b-c|');
      const sourceSubs = '-^----!';
      const expected = '--a-b-c|';
      ipcMain.handle('stream', () => source);
      expectObservable(ipcRenderer.invoke$('stream')).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
    });
  });

  it('should complete without a value when the handler returns an empty Observable', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const source = cold(' |');
      const sourceSubs = '-(^!)';
      const expected = '--|';
      ipcMain.handle('nothing', () => source);
      expectObservable(ipcRenderer.invoke$('nothing')).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
    });
  });

  it('should emit nothing for a never-ending handler, and cancel it on main when unsubscribed (never)', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const aborts = new Subject<string>();
      const source = cold(' -');
      const sub = '^-----!';
      const expected = '-------';
      const sourceSubs = '-^-----!';
      const aborted = '-------x';
      ipcMain.handle('forever', (event) => {
        watchAbort(event, aborts);
        return source;
      });
      expectObservable(ipcRenderer.invoke$('forever'), sub).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectObservable(aborts).toBe(aborted, { x: 'IpcCancelledError' });
    });
  });

  it("should unsubscribe main's source latency frames after an early unsubscribe, and abort event.signal then", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const aborts = new Subject<string>();
      const source = cold(' a-b-c-d-e|');
      const sub = '^---!';
      const expected = '--a--';
      const sourceSubs = '-^---!';
      const aborted = '-----x';
      ipcMain.handle('stream', (event) => {
        watchAbort(event, aborts);
        return source;
      });
      expectObservable(ipcRenderer.invoke$('stream'), sub).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectObservable(aborts).toBe(aborted, { x: 'IpcCancelledError' });
      const probe = cold('--a---b|');
      expectObservable(probe.pipe(map(() => webContents.pendingCount))).toBe('--a---b|', { a: 1, b: 0 });
    });
  });

  it("should error with the handler's Observable error, as an IpcRemoteError with Electron's message and the code", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const failure = Object.assign(new Error('disk full'), { code: 'E_DISK' });
      const source = cold(' a-#', undefined, failure);
      const sourceSubs = '-^-!';
      const expected = '--a-#';
      ipcMain.handle('read', () => source);
      expectObservable(ipcRenderer.invoke$('read').pipe(errorShape())).toBe(expected, undefined, {
        name: 'Error',
        message: "Error invoking remote method 'read': Error: disk full",
        code: 'E_DISK',
      });
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
    });
  });

  it('should error when the handler throws synchronously', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      ipcMain.handle('parse', () => {
        throw new TypeError('not a number');
      });
      expectObservable(ipcRenderer.invoke$('parse').pipe(errorShape())).toBe('--#', undefined, {
        name: 'TypeError',
        message: "Error invoking remote method 'parse': TypeError: not a number",
        code: 'ERR_IPC_REMOTE',
      });
    });
  });

  it("should error with Electron's message when no handler is registered", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ expectObservable }) => {
      const { ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 2 });
      expectObservable(ipcRenderer.invoke$('missing').pipe(errorShape())).toBe('----#', undefined, {
        name: 'IpcNoHandlerError',
        message: "Error invoking remote method 'missing': Error: No handler registered for 'missing'",
        code: 'ERR_IPC_NO_HANDLER',
      });
    });
  });

  it("should cancel main's source when a user callback downstream throws", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const source = cold(' a-b-c|');
      const expected = '--a-#';
      const sourceSubs = '-^---!';
      ipcMain.handle('stream', () => source);
      const mapped = ipcRenderer.invoke$<string>('stream').pipe(
        map((v) => {
          if (v === 'b') throw new Error('cannot map b');
          return v;
        }),
      );
      expectObservable(mapped).toBe(expected, undefined, new Error('cannot map b'));
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
    });
  });

  it('should error with IpcClosedError when the renderer closes while it is live, and cancel main latency frames later', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const aborts = new Subject<string>();
      const source = cold(' a-b-c|');
      const closeAt = hot('---x');
      const expected = '--a#';
      const sourceSubs = '-^--!';
      const aborted = '----x';
      ipcMain.handle('stream', (event) => {
        watchAbort(event, aborts);
        return source;
      });
      closeAt.subscribe(() => ipcRenderer.close());
      expectObservable(ipcRenderer.invoke$('stream').pipe(errorShape())).toBe(expected, undefined, {
        name: 'IpcClosedError',
        message: "The IpcRenderer was closed while 'stream' was pending",
        code: 'ERR_IPC_CLOSED',
      });
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectObservable(aborts).toBe(aborted, { x: 'IpcCancelledError' });
    });
  });

  it('should error with IpcClosedError latency frames after main disconnects the renderer', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 2 });
      const source = cold('  a-b-c|');
      const closeAt = hot('---x');
      const expected = '----a#';
      const sourceSubs = '--^!';
      ipcMain.handle('stream', () => source);
      closeAt.subscribe(() => webContents.close());
      expectObservable(ipcRenderer.invoke$('stream').pipe(errorShape())).toBe(expected, undefined, {
        name: 'IpcClosedError',
        message: "The connection to the main side was lost while 'stream' was pending",
        code: 'ERR_IPC_CLOSED',
      });
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
    });
  });
});
