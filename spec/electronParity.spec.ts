// Cases from Electron's own IPC specs (api-ipc-spec, api-ipc-main-spec, api-ipc-renderer-spec)
// that apply to rxipc, expressed against the embedded default.
import type { IpcMainEvent } from '../src/index.js';
import { createTestIpc, settle } from './helpers/leaks.js';

describe('Electron parity', () => {
  it('should handle 1000 mixed send/sendSync/invoke in the order they were sent', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    const handled: number[] = [];
    ipcMain.on('send', (_e: IpcMainEvent, i: number) => handled.push(i));
    ipcMain.on('sync', (e: IpcMainEvent, i: number) => {
      handled.push(i);
      e.returnValue = i;
    });
    ipcMain.handle('invoke', (_e, i: number) => {
      handled.push(i);
      return i;
    });
    const invokes: Array<Promise<number>> = [];
    for (let i = 0; i < 1000; i++) {
      switch (i % 3) {
        case 0:
          ipcRenderer.send('send', i);
          break;
        case 1:
          expect(ipcRenderer.sendSync('sync', i)).toBe(i);
          break;
        default:
          invokes.push(ipcRenderer.invoke('invoke', i));
      }
    }
    const answers = await Promise.all(invokes);
    await settle();
    expect(handled).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(answers).toEqual(Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 3 === 2));
  });

  it('should round-trip JSON payloads through send, reply, sendSync and invoke', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    const payloads: unknown[] = [
      'string',
      '',
      'ünïcødé ✓ 🚀 \u0000 \u2028',
      0,
      -1.5,
      Number.MAX_SAFE_INTEGER,
      true,
      false,
      null,
      [],
      [1, [2, [3]]],
      {},
      { nested: { deep: { list: [1, 'two', null, { three: 3 }] } } },
      'x'.repeat(100_000),
    ];
    ipcMain.on('echo', (e: IpcMainEvent, value: unknown) => e.reply('echo', value));
    ipcMain.on('echo-sync', (e: IpcMainEvent, value: unknown) => (e.returnValue = value));
    ipcMain.handle('echo', (_e, value: unknown) => value);
    const replies: unknown[] = [];
    ipcRenderer.on('echo', (_e: unknown, value: unknown) => replies.push(value));
    for (const value of payloads) {
      ipcRenderer.send('echo', value);
      expect(ipcRenderer.sendSync('echo-sync', value)).toEqual(value);
      expect(await ipcRenderer.invoke('echo', value)).toEqual(value);
    }
    await settle();
    expect(replies).toEqual(payloads);
  });

  it('should let event.returnValue be set by the first listener that assigns it', () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    ipcMain.on('rv', () => undefined);
    ipcMain.on('rv', (e: IpcMainEvent) => (e.returnValue = 'second listener'));
    ipcMain.on('rv', (e: IpcMainEvent) => (e.returnValue = 'third listener'));
    expect(ipcRenderer.sendSync('rv')).toBe('second listener');
  });

  it('should remove only one channel with removeAllListeners(channel), every channel without', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    const a = jasmine.createSpy('a');
    const b = jasmine.createSpy('b');
    ipcMain.on('a', a);
    ipcMain.on('b', b);
    ipcMain.removeAllListeners('a');
    expect(ipcMain.listenerCount('a')).toBe(0);
    expect(ipcMain.listenerCount('b')).toBe(1);
    ipcRenderer.send('a');
    ipcRenderer.send('b');
    await settle();
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    ipcMain.removeAllListeners();
    expect(ipcMain.eventNames()).toEqual([]);
  });

  it('should let event.reply reach the sender from an async listener', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    ipcMain.on('later', async (e: IpcMainEvent, n: number) => {
      await settle(1);
      e.reply('later-reply', n * 2);
    });
    const got = new Promise((resolve) => ipcRenderer.once('later-reply', (_e: unknown, v: unknown) => resolve(v)));
    ipcRenderer.send('later', 21);
    expect(await got).toBe(42);
  });
});
