import { map } from 'rxjs';
import { createTestScheduler, trackedMarbleIpc } from './support.js';

const first = map(({ args }: { args: unknown[] }) => args[0]);

describe('channel (marbles)', () => {
  describe('on IpcRenderer', () => {
    it('should emit nothing while nothing is sent, and hold one listener only while subscribed (never)', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ cold, expectObservable }) => {
        const { ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
        const sub = '^---!';
        const expected = '------';
        const probe = 'a-b---c|';
        expectObservable(ipcRenderer.channel('tick'), sub).toBe(expected);
        expectObservable(cold(probe).pipe(map(() => ipcRenderer.listenerCount('tick')))).toBe(probe, { a: 1, b: 1, c: 0 });
      });
    });

    it('should emit one message sent by main, latency frames later', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 2 });
        const sends = hot('-a-----');
        const expected = '---a---';
        sends.subscribe((v) => webContents.send('tick', v));
        expectObservable(ipcRenderer.channel('tick').pipe(first)).toBe(expected);
      });
    });

    it('should emit many messages in order, each latency frames after its send', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 2 });
        const sends = hot('-a--b(cd)---', { a: 1, b: 2, c: 3, d: 4 });
        const expected = '---a--b(cd)-';
        sends.subscribe((v) => webContents.send('tick', v));
        expectObservable(ipcRenderer.channel('tick').pipe(first)).toBe(expected, { a: 1, b: 2, c: 3, d: 4 });
      });
    });

    it('should be hot: a late subscriber gets no replay of earlier messages', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
        const sends = hot('a-b-c--');
        const sub = '--^----';
        const expected = '---b-c-';
        sends.subscribe((v) => webContents.send('tick', v));
        expectObservable(ipcRenderer.channel('tick').pipe(first), sub).toBe(expected);
      });
    });

    it('should stop emitting and remove its listener when unsubscribed early', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, cold, expectObservable }) => {
        const { ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
        const sends = hot('a-b-c-d-');
        const sub = '^----!  ';
        const expected = '-a-b----';
        const probe = cold('a----b-|');
        sends.subscribe((v) => webContents.send('tick', v));
        expectObservable(ipcRenderer.channel('tick').pipe(first), sub).toBe(expected);
        expectObservable(probe.pipe(map(() => ipcRenderer.listenerCount('tick')))).toBe('a----b-|', { a: 1, b: 0 });
      });
    });

    it('should complete when the renderer closes, and complete at once when subscribed after', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
        const sends = hot('a---');
        hot('---x').subscribe(() => ipcRenderer.close());
        const expected = '-a-|';
        const lateSub = '----^';
        const late = '----|';
        sends.subscribe((v) => webContents.send('tick', v));
        expectObservable(ipcRenderer.channel('tick').pipe(first)).toBe(expected);
        expectObservable(ipcRenderer.channel('tick'), lateSub).toBe(late);
      });
    });

    it('should complete latency frames after main disconnects the renderer', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 2 });
        hot('--x').subscribe(() => webContents.close());
        const expected = '----|';
        expectObservable(ipcRenderer.channel('tick')).toBe(expected);
      });
    });

    it('should error only the subscriber whose callback throws; the others keep their messages', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, cold, expectObservable }) => {
        const { ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
        const sends = hot('-a-b--');
        const failing = '--#   ';
        const healthy = '--a-b-';
        const probe = cold('a--b-|');
        sends.subscribe((v) => webContents.send('tick', v));
        const thrower = ipcRenderer.channel('tick').pipe(
          map(() => {
            throw new Error('callback failed');
          }),
        );
        expectObservable(thrower).toBe(failing, undefined, new Error('callback failed'));
        expectObservable(ipcRenderer.channel('tick').pipe(first)).toBe(healthy);
        expectObservable(probe.pipe(map(() => ipcRenderer.listenerCount('tick')))).toBe('a--b-|', { a: 2, b: 1 });
      });
    });

    it('should still deliver when an EventEmitter listener on the channel throws, reporting it on errors$', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
        ipcRenderer.on('tick', () => {
          throw new Error('listener failed');
        });
        const sends = hot('-a-b-');
        const expected = '--a-b';
        const reported = '--e-e';
        sends.subscribe((v) => webContents.send('tick', v));
        expectObservable(ipcRenderer.channel('tick').pipe(first)).toBe(expected);
        expectObservable(ipcRenderer.errors$.pipe(map((e) => e.code))).toBe(reported, { e: 'ERR_IPC_LISTENER' });
      });
    });
  });

  describe('on IpcMain', () => {
    it("should emit each renderer message with the sender's WebContents, latency frames later", () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcMain, ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 3 });
        const sends = hot('a-b----');
        const expected = '---a-b-';
        sends.subscribe((v) => ipcRenderer.send('log', v, v.toUpperCase()));
        const seen = ipcMain.channel('log').pipe(map(({ event, args }) => [event.sender === webContents, ...args]));
        expectObservable(seen).toBe(expected, { a: [true, 'a', 'A'], b: [true, 'b', 'B'] });
      });
    });

    it('should complete at once when ipcMain closes', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcMain } = trackedMarbleIpc({ scheduler: testScheduler, latency: 3 });
        hot('--x').subscribe(() => ipcMain.close());
        expectObservable(ipcMain.channel('log')).toBe('--|');
      });
    });
  });

  describe('on IpcHost', () => {
    it('should emit what the guest sends with sendToHost, latency frames later', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { host, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 1 });
        const sends = hot('a-b--');
        const expected = '-a-b-';
        sends.subscribe((v) => ipcRenderer.sendToHost('ready', v));
        expectObservable(host.channel('ready').pipe(first)).toBe(expected);
      });
    });
  });
});
