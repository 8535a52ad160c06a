import { from, lastValueFrom, toArray } from 'rxjs';
import { IpcSerializationError, type IpcMainEvent } from '../../src/index.js';
import { invokeOn, sendTo } from '../../src/operators/index.js';
import { createTestIpc, settle } from '../helpers/leaks.js';

describe('sendTo', () => {
  it('should send each value as the single argument and pass it on', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    const got: unknown[][] = [];
    ipcMain.on('v', (_e: IpcMainEvent, ...args: unknown[]) => got.push(args));
    const passed = await lastValueFrom(from([1, { two: 2 }]).pipe(sendTo(ipcRenderer, 'v'), toArray()));
    expect(passed).toEqual([1, { two: 2 }]);
    await settle();
    expect(got).toEqual([[1], [{ two: 2 }]]);
  });

  it('should send from main to a renderer through a WebContents', async () => {
    const { ipcRenderer, webContents } = createTestIpc();
    const got = jasmine.createSpy('got');
    ipcRenderer.on('w', got);
    await lastValueFrom(from(['a']).pipe(sendTo(webContents, 'w')));
    await settle();
    expect(got).toHaveBeenCalledWith(jasmine.anything(), 'a');
  });

  it('should error the stream with the serialisation error', async () => {
    const { ipcRenderer } = createTestIpc();
    await expectAsync(lastValueFrom(from([1n]).pipe(sendTo(ipcRenderer, 'x')))).toBeRejectedWithError(IpcSerializationError);
  });
});

describe('invokeOn', () => {
  it("should map each value to the handler's answer, keeping order", async () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    ipcMain.handle('square', (_e, n: number) => (n === 2 ? new Promise((r) => setTimeout(() => r(4), 5)) : n * n));
    const out = await lastValueFrom(from([1, 2, 3]).pipe(invokeOn<number, number>(ipcRenderer, 'square'), toArray()));
    expect(out).toEqual([1, 4, 9]);
  });
});
