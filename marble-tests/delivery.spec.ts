import { map, Subject } from 'rxjs';
import type { IpcMainEvent } from '../src/index.js';
import { createTestScheduler, trackedMarbleIpc } from './support.js';

const first = map(({ args }: { args: unknown[] }) => args[0]);

describe('createMarbleIpc (marbles)', () => {
  describe('delivery', () => {
    it('should deliver each renderer frame latency virtual ms after it was sent, first in first out', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 3 });
        const sends = hot('a-b--c----');
        const received = '---a-b--c-';
        sends.subscribe((v) => ipcRenderer.send('note', v));
        expectObservable(ipcMain.channel('note').pipe(first)).toBe(received);
      });
    });

    it('should keep one order across send and invoke$ sent in the same frame', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 2 });
        const handled = new Subject<string>();
        ipcMain.on('note', (_event: IpcMainEvent, v: number) => handled.next(`send ${v}`));
        ipcMain.handle('ask', (_event, v: number) => {
          handled.next(`invoke ${v}`);
          return v;
        });
        const trigger = hot('-x------');
        const expected = '---(abc)';
        trigger.subscribe(() => {
          ipcRenderer.send('note', 1);
          ipcRenderer.invoke$('ask', 2).subscribe();
          ipcRenderer.send('note', 3);
        });
        expectObservable(handled).toBe(expected, { a: 'send 1', b: 'invoke 2', c: 'send 3' });
      });
    });

    it('should deliver main → renderer frames (send, reply, answers) in order, latency frames later', () => {
      const testScheduler = createTestScheduler();
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcMain, ipcRenderer, webContents } = trackedMarbleIpc({ scheduler: testScheduler, latency: 2 });
        const seen = new Subject<string>();
        ipcMain.on('ping', (event: IpcMainEvent) => {
          webContents.send('note', 'before reply');
          event.reply('pong', 'reply');
          webContents.send('note', 'after reply');
        });
        ipcRenderer.on('note', (_event, v: string) => seen.next(v));
        ipcRenderer.on('pong', (_event, v: string) => seen.next(v));
        const trigger = hot('x-------');
        const expected = '----(abc)';
        trigger.subscribe(() => ipcRenderer.send('ping'));
        expectObservable(seen).toBe(expected, { a: 'before reply', b: 'reply', c: 'after reply' });
      });
    });

    it('should never deliver before the sending call returns, even with latency 0', () => {
      const testScheduler = createTestScheduler();
      const seenDuringSend: unknown[][] = [];
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 0 });
        const received: unknown[] = [];
        ipcMain.on('note', (_event: IpcMainEvent, v: unknown) => received.push(v));
        const sends = hot('--a-b');
        const expected = '--a-b';
        sends.subscribe((v) => {
          ipcRenderer.send('note', v);
          seenDuringSend.push([...received]);
        });
        expectObservable(ipcMain.channel('note').pipe(first)).toBe(expected);
      });
      expect(seenDuringSend).toEqual([[], ['a']]);
    });

    it('should handle a sendSync at once, after every earlier send, whatever the latency', () => {
      const testScheduler = createTestScheduler();
      const answers: unknown[] = [];
      testScheduler.run(({ hot, expectObservable }) => {
        const { ipcMain, ipcRenderer } = trackedMarbleIpc({ scheduler: testScheduler, latency: 5 });
        const handled = new Subject<string>();
        ipcMain.on('note', (_event: IpcMainEvent, v: string) => handled.next(v));
        ipcMain.on('ask', (event: IpcMainEvent, v: string) => {
          handled.next(v);
          event.returnValue = v.toUpperCase();
        });
        const trigger = hot('-x-y------');
        const expected = '-(ab)---c';
        trigger.subscribe((step) => {
          if (step === 'x') {
            ipcRenderer.send('note', 'a');
            answers.push(ipcRenderer.sendSync('ask', 'b'));
          } else {
            ipcRenderer.send('note', 'c');
          }
        });
        expectObservable(handled).toBe(expected);
      });
      expect(answers).toEqual(['B']);
    });
  });
});
