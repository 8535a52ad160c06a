import { map, timer } from 'rxjs';
import { invokeOn, sendTo } from '../src/operators/index.js';
import { createTestScheduler, errorShape, trackedMarbleIpc } from './support.js';

const first = map(({ args }: { args: unknown[] }) => args[0]);

describe('sendTo (marbles)', () => {
  it('should mirror a source that never emits, and send nothing (never)', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const source = cold('-------');
      const expected = '-------';
      expectObservable(source.pipe(sendTo(ipcRenderer, 'v'))).toBe(expected);
      expectObservable(ipcMain.channel('v')).toBe(expected);
    });
  });

  it('should complete with an empty source and send nothing (empty)', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const source = cold('|');
      expectObservable(source.pipe(sendTo(ipcRenderer, 'v'))).toBe('|');
      expectObservable(ipcMain.channel('v')).toBe('---');
    });
  });

  it('should pass one value on and deliver it to main latency frames later (one)', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 2 });
      const source = cold('-a|');
      const expected = '-a|';
      const received = '---a';
      expectObservable(source.pipe(sendTo(ipcRenderer, 'v'))).toBe(expected);
      expectObservable(ipcMain.channel('v').pipe(first)).toBe(received);
    });
  });

  it('should pass every value on unchanged and deliver each as the single argument, in order (many)', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const values = { a: { n: 1 }, b: [2], c: 'three' };
      const source = hot('-a-b(c|)', values);
      const expected = '-a-b(c|)';
      const received = '--a-b(c)';
      expectObservable(source.pipe(sendTo(ipcRenderer, 'v'))).toBe(expected, values);
      expectObservable(ipcMain.channel('v').pipe(map(({ args }) => (args.length === 1 ? args[0] : args)))).toBe(received, values);
    });
  });

  it("should pass the source's error on after sending the values before it (error)", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const source = cold('-a-#', undefined, new Error('source failed'));
      const expected = '-a-#';
      const received = '--a--';
      expectObservable(source.pipe(sendTo(ipcRenderer, 'v'))).toBe(expected, undefined, new Error('source failed'));
      expectObservable(ipcMain.channel('v').pipe(first)).toBe(received);
    });
  });

  it('should unsubscribe the source and send nothing more when unsubscribed early', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const source = hot('-a-b-c-');
      const sub = '^--!   ';
      const expected = '-a-    ';
      const sourceSubs = '^--!   ';
      const received = '--a----';
      expectObservable(source.pipe(sendTo(ipcRenderer, 'v')), sub).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectObservable(ipcMain.channel('v').pipe(first)).toBe(received);
    });
  });

  it('should error with IpcSerializationError for a value JSON cannot encode, and unsubscribe the source', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const source = cold('-a-b-c', { a: 1, b: 10n, c: 3 });
      const expected = '-a-#';
      const sourceSubs = '^--!';
      const received = '--a---';
      expectObservable(source.pipe(sendTo(ipcRenderer, 'v'), errorShape())).toBe(
        expected,
        { a: 1 },
        {
          name: 'IpcSerializationError',
          message: jasmine.stringMatching(/^Cannot serialize the arguments for channel 'v' as JSON/),
          code: 'ERR_IPC_SERIALIZATION',
        },
      );
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
      expectObservable(ipcMain.channel('v').pipe(first)).toBe(received, { a: 1 });
    });
  });

  it('should error with IpcClosedError for a value that arrives after the target closed', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const source = hot('-a--b-');
      const closeAt = hot('--x---');
      const expected = '-a--#';
      const received = '--a---';
      closeAt.subscribe(() => ipcRenderer.close());
      expectObservable(source.pipe(sendTo(ipcRenderer, 'v'), errorShape())).toBe(expected, undefined, {
        name: 'IpcClosedError',
        message: "Cannot send on 'v': the IpcRenderer is closed",
        code: 'ERR_IPC_CLOSED',
      });
      expectObservable(ipcMain.channel('v').pipe(first)).toBe(received);
    });
  });

  it('should send from main to a renderer through a WebContents', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const source = cold('-a-b|');
      const expected = '-a-b|';
      const received = '--a-b';
      expectObservable(source.pipe(sendTo(webContents, 'tick'))).toBe(expected);
      expectObservable(ipcRenderer.channel('tick').pipe(first)).toBe(received);
    });
  });
});

describe('invokeOn (marbles)', () => {
  it('should emit nothing for a source that never emits, and call nothing (never)', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const calls: unknown[] = [];
      ipcMain.handle('square', (_event, n: number) => {
        calls.push(n);
        return n * n;
      });
      expectObservable(cold('-----').pipe(invokeOn(ipcRenderer, 'square'))).toBe('-----');
      testScheduler.schedule(() => expect(calls).toEqual([]), 10);
    });
  });

  it('should complete with an empty source (empty)', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      expectObservable(cold('|').pipe(invokeOn(ipcRenderer, 'square'))).toBe('|');
    });
  });

  it("should map one value to the handler's answer, 2 × latency frames later (one)", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      ipcMain.handle('square', (_event, n: number) => n * n);
      const source = cold('-a|', { a: 3 });
      const expected = '---(x|)';
      expectObservable(source.pipe(invokeOn<number, number>(ipcRenderer, 'square'))).toBe(expected, { x: 9 });
    });
  });

  it('should keep every value and their order when answers take different virtual times (many)', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      // The handler answers n × 10 after n virtual milliseconds: a takes 3, b takes 1, c takes 2.
      ipcMain.handle('slow', (_event, n: number) => timer(n).pipe(map(() => n * 10)));
      const source = cold('-a-b-c|', { a: 3, b: 1, c: 2 });
      // a: request 1→2, timer 2→5, answer 5→6; then b: 6→7, 7→8, 8→9; then c: 9→10, 10→12, 12→13.
      const expected = '------x--y---(z|)';
      expectObservable(source.pipe(invokeOn<number, number>(ipcRenderer, 'slow'))).toBe(expected, { x: 30, y: 10, z: 20 });
    });
  });

  it('should pass on every value of a handler that streams', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const inner = cold(' a-b|');
      ipcMain.handle('pages', () => inner);
      const source = cold('x|');
      const expected = '--a-b|';
      expectObservable(source.pipe(invokeOn(ipcRenderer, 'pages'))).toBe(expected);
    });
  });

  it('should error when the handler throws, and call nothing for later values (error)', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const calls: number[] = [];
      ipcMain.handle('check', (_event, n: number) => {
        calls.push(n);
        if (n === 2) throw new RangeError('two is not allowed');
        return n * 10;
      });
      const source = cold('-a-b-c|', { a: 1, b: 2, c: 3 });
      const expected = '---x-#';
      expectObservable(source.pipe(invokeOn(ipcRenderer, 'check'), errorShape())).toBe(
        expected,
        { x: 10 },
        {
          name: 'RangeError',
          message: "Error invoking remote method 'check': RangeError: two is not allowed",
          code: 'ERR_IPC_REMOTE',
        },
      );
      testScheduler.schedule(() => expect(calls).toEqual([1, 2]), 20);
    });
  });

  it("should pass the source's error on", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      ipcMain.handle('square', (_event, n: number) => n * n);
      const source = cold('-a--#', { a: 2 }, new Error('source failed'));
      const expected = '---x#';
      expectObservable(source.pipe(invokeOn(ipcRenderer, 'square'))).toBe(expected, { x: 4 }, new Error('source failed'));
    });
  });

  it('should cancel the call in flight on main when unsubscribed early', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const { ipcMain, ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
      const inner = cold(' ---x|');
      ipcMain.handle('slow', () => inner);
      const source = cold('a|');
      const sub = '^--!';
      const expected = '----';
      const innerSubs = '-^--!';
      expectObservable(source.pipe(invokeOn(ipcRenderer, 'slow')), sub).toBe(expected);
      expectSubscriptions(inner.subscriptions).toBe(innerSubs);
      testScheduler.schedule(() => expect(webContents.pendingCount).toBe(0), 5);
    });
  });
});
