// Who may talk: channel allow-lists per IpcMain and per WebContents, and a sender validation hook.
// A refused message is reported, never delivered; invoke / invoke$ reject and sendSync throws with
// IpcRefusedError's name and code.
import { lastValueFrom } from 'rxjs';
import {
  createMemoryTransportPair,
  IpcMain,
  IpcRefusedError,
  IpcRemoteError,
  IpcRenderer,
  type IpcError,
  type SenderCheck,
} from '../../src/index.js';
import { createTestIpc, settle, trackFacade } from '../helpers/leaks.js';

function serve(ipcMain: IpcMain, options?: Parameters<IpcMain['connect']>[1]) {
  const [mainEnd, rendererEnd] = createMemoryTransportPair();
  const webContents = ipcMain.connect(mainEnd, options);
  return { webContents, ipcRenderer: trackFacade('renderer', new IpcRenderer(rendererEnd)) };
}

describe('who may talk', () => {
  it('should refuse channels outside IpcMain.allowedChannels for every kind of message', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc({ allowedChannels: ['ok'] });
    const refused: IpcError[] = [];
    const sub = ipcMain.errors$.subscribe((e) => refused.push(e));
    const listener = jasmine.createSpy('listener');
    const handler = jasmine.createSpy('handler').and.returnValue('secret');
    ipcMain.on('fs:delete', listener);
    ipcMain.on('ok', (e) => (e.returnValue = 'fine'));
    ipcMain.handle('fs:delete', handler);

    ipcRenderer.send('fs:delete', '/');
    const invoked = await ipcRenderer.invoke('fs:delete', '/').catch((e: unknown) => e);
    const streamed = await lastValueFrom(ipcRenderer.invoke$('fs:delete')).catch((e: unknown) => e);
    let thrown: unknown;
    try {
      ipcRenderer.sendSync('fs:delete');
    } catch (e) {
      thrown = e;
    }
    await settle();

    expect(listener).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
    for (const err of [invoked, streamed, thrown] as IpcRemoteError[]) {
      expect(err).toBeInstanceOf(IpcRemoteError);
      expect(err.code).toBe('ERR_IPC_REFUSED');
      expect(err.name).toBe('IpcRefusedError');
      expect(err.message).toContain("may not use channel 'fs:delete'");
    }
    expect((invoked as Error).message).toMatch(/^Error invoking remote method 'fs:delete': Error: /);
    expect((thrown as Error).message).toMatch(/^Error in sendSync\('fs:delete'\): /);
    expect(refused.length).toBe(4);
    expect(refused.every((e) => e instanceof IpcRefusedError && e.channel === 'fs:delete')).toBeTrue();
    expect(ipcRenderer.sendSync('ok')).toBe('fine');
    sub.unsubscribe();
  });

  it('should accept a predicate as the allow-list', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc({ allowedChannels: (ch) => ch.startsWith('app:') });
    const sub = ipcMain.errors$.subscribe();
    ipcMain.handle('app:sum', (_e, a: number, b: number) => a + b);
    ipcMain.handle('other', () => 1);
    expect(await ipcRenderer.invoke('app:sum', 1, 2)).toBe(3);
    await expectAsync(ipcRenderer.invoke('other')).toBeRejectedWith(jasmine.objectContaining({ code: 'ERR_IPC_REFUSED' }));
    sub.unsubscribe();
  });

  it('should let a WebContents narrow the list for one renderer only', async () => {
    const ipcMain = trackFacade('ipcMain', new IpcMain({ allowedChannels: ['a', 'b'] }));
    const sub = ipcMain.errors$.subscribe();
    ipcMain.handle('a', () => 'a');
    ipcMain.handle('b', () => 'b');
    const narrow = serve(ipcMain, { allowedChannels: ['a'] });
    const wide = serve(ipcMain);
    expect(await narrow.ipcRenderer.invoke('a')).toBe('a');
    await expectAsync(narrow.ipcRenderer.invoke('b')).toBeRejectedWith(jasmine.objectContaining({ code: 'ERR_IPC_REFUSED' }));
    expect(await wide.ipcRenderer.invoke('b')).toBe('b');
    sub.unsubscribe();
  });

  it('should validate the sender of every message with validateSender', async () => {
    const checks: Array<Omit<SenderCheck, 'sender'> & { url: string }> = [];
    const ipcMain = trackFacade(
      'ipcMain',
      new IpcMain({
        validateSender: ({ sender, channel, kind }) => {
          checks.push({ url: sender.url, channel, kind });
          return sender.url.startsWith('app://');
        },
      }),
    );
    const reported: IpcError[] = [];
    const sub = ipcMain.errors$.subscribe((e) => reported.push(e));
    const got: string[] = [];
    ipcMain.on('log', (e, line: string) => got.push(`${e.sender.url} ${line}`));
    const trusted = serve(ipcMain, { url: 'app://index.html' });
    const evil = serve(ipcMain, { url: 'https://evil.example' });
    trusted.ipcRenderer.send('log', 'hello');
    evil.ipcRenderer.send('log', 'pwned');
    await settle();
    expect(got).toEqual(['app://index.html hello']);
    expect(checks).toEqual([
      { url: 'app://index.html', channel: 'log', kind: 'send' },
      { url: 'https://evil.example', channel: 'log', kind: 'send' },
    ]);
    expect(reported.length).toBe(1);
    expect(reported[0]!.message).toContain('https://evil.example');
    sub.unsubscribe();
  });

  it('should refuse, report and keep serving when validateSender throws', async () => {
    const ipcMain = trackFacade(
      'ipcMain',
      new IpcMain({
        validateSender: () => {
          throw new Error('validator bug');
        },
      }),
    );
    const reported: IpcError[] = [];
    const sub = ipcMain.errors$.subscribe((e) => reported.push(e));
    ipcMain.handle('x', () => 1);
    const { ipcRenderer } = serve(ipcMain);
    await expectAsync(ipcRenderer.invoke('x')).toBeRejectedWith(jasmine.objectContaining({ code: 'ERR_IPC_REFUSED' }));
    expect(reported.map((e) => e.code)).toEqual(['ERR_IPC_REFUSED', 'ERR_IPC_REFUSED']);
    expect((reported[0]!.cause as Error).message).toBe('validator bug');
    sub.unsubscribe();
  });

  it('should refuse a non-iterable, non-function allow-list with ERR_INVALID_ARG_TYPE', () => {
    expect(() => new IpcMain({ allowedChannels: 42 as unknown as string[] })).toThrowMatching(
      (e) => (e as { code?: string }).code === 'ERR_INVALID_ARG_TYPE',
    );
  });
});
