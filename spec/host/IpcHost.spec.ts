import { IpcClosedError, type IpcHostMessageEvent, type IpcRendererEvent } from '../../src/index.js';
import { firstValueFrom } from 'rxjs';
import { createTestIpc, settle } from '../helpers/leaks.js';

describe('IpcHost', () => {
  it("should emit 'ipc-message' with { channel, args } for sendToHost", async () => {
    const { ipcRenderer, host, ipcMain } = createTestIpc();
    const mainGot = jasmine.createSpy('main');
    ipcMain.on('to-host', mainGot);
    let event: IpcHostMessageEvent | undefined;
    host.on('ipc-message', (e: IpcHostMessageEvent) => (event = e));
    ipcRenderer.sendToHost('to-host', 1, { two: 2 });
    expect(event).toBeUndefined();
    await settle();
    expect(event?.channel).toBe('to-host');
    expect(event?.args).toEqual([1, { two: 2 }]);
    expect(mainGot).not.toHaveBeenCalled();
  });

  it('should offer a channel as an Observable and send back to the guest', async () => {
    const { ipcRenderer, host } = createTestIpc();
    const first = firstValueFrom(host.channel('ready'));
    const welcome = new Promise<unknown[]>((resolve) =>
      ipcRenderer.on('welcome', (_e: IpcRendererEvent, ...args: unknown[]) => resolve(args)),
    );
    ipcRenderer.sendToHost('other', 0);
    ipcRenderer.sendToHost('ready', 42);
    const { args } = await first;
    expect(args).toEqual([42]);
    host.send('welcome', ...args);
    expect(await welcome).toEqual([42]);
  });

  it('should keep sendToHost in order with itself', async () => {
    const { ipcRenderer, host } = createTestIpc();
    const got: unknown[] = [];
    host.on('ipc-message', (e: IpcHostMessageEvent) => got.push(e.args[0]));
    for (let i = 0; i < 50; i++) ipcRenderer.sendToHost('n', i);
    await settle();
    expect(got).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('should drop sendToHost silently once the host is gone, as without a host', async () => {
    const { ipcRenderer, host } = createTestIpc();
    host.close();
    await settle();
    expect(() => ipcRenderer.sendToHost('x', 1)).not.toThrow();
    expect(() => host.send('x')).toThrowError(IpcClosedError);
  });
});
