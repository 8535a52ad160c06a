// The complete example of docs/bridge.md, run for real behind the simulated contextBridge
// (imports point at src/ instead of 'rxipc').
import { interval, lastValueFrom, take, toArray } from 'rxjs';
import { IpcClosedError, IpcRemoteError } from '../../src/index.js';
import { exposeIpcBridge, IpcBridgeRefusedError, ipcRendererFromBridge } from '../../src/bridge/index.js';
import { createTestIpc, settle, trackFacade } from '../helpers/leaks.js';
import { simulateContextBridge } from './simulateContextBridge.js';

describe('docs/bridge.md', () => {
  it('should behave as the complete example says, behind the bridge', async () => {
    const { ipcMain, ipcRenderer, webContents } = createTestIpc();
    ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
    ipcMain.handle('ticks', (_event, every: number) => interval(every));
    ipcMain.handle('open', () => {
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    });

    const bridge = simulateContextBridge(exposeIpcBridge(ipcRenderer, { invoke: ['sum', 'ticks', 'open'], on: ['tick'] }));

    const page = trackFacade('page', ipcRendererFromBridge(bridge));
    const ticks: number[] = [];
    const onTick = (_event: unknown, n: number): void => void ticks.push(n);
    page.on('tick', onTick);
    expect(ipcRenderer.listenerCount('tick')).toBe(1);
    webContents.send('tick', 1);
    await settle(10);
    page.removeListener('tick', onTick);
    expect(ipcRenderer.listenerCount('tick')).toBe(0);
    expect(ticks).toEqual([1]);

    expect(await page.invoke('sum', 1, 2)).toBe(3);
    expect(await lastValueFrom(page.invoke$('ticks', 5).pipe(take(3), toArray()))).toEqual([0, 1, 2]);
    const opened = await page.invoke('open').catch((err: unknown) => err);
    expect(opened).toBeInstanceOf(IpcRemoteError);
    expect((opened as IpcRemoteError).code).toBe('ENOENT');
    expect(() => page.send('fs:delete', '/')).toThrowMatching(
      (err) => err instanceof IpcBridgeRefusedError && err.code === 'ERR_IPC_BRIDGE_REFUSED',
    );

    page.close();
    expect(() => page.send('anything')).toThrowError(IpcClosedError);
    await settle(10);
  });
});
