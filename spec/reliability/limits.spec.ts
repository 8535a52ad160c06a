// Frame limits at the facades: over maxFrameLength is an error on send (nothing sent) and a dropped,
// reported frame on receipt; over maxDepth is dropped and reported; the receiver keeps working.
import {
  createMemoryTransportPair,
  IpcBadFrameError,
  IpcMain,
  IpcRenderer,
  IpcSerializationError,
  type IpcError,
} from '../../src/index.js';
import { createTestIpc, settle, trackFacade } from '../helpers/leaks.js';

describe('frame limits', () => {
  it('should throw IpcSerializationError on send over maxFrameLength, sending nothing', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc({ maxFrameLength: 1000 });
    const got = jasmine.createSpy('got');
    ipcMain.on('big', got);
    expect(() => ipcRenderer.send('big', 'x'.repeat(2000))).toThrowMatching(
      (e) => e instanceof IpcSerializationError && /over the limit of 1000/.test(e.message) && e.channel === 'big',
    );
    ipcRenderer.send('big', 'small');
    await settle();
    expect(got).toHaveBeenCalledTimes(1);
  });

  it('should drop and report frames over the receiver limits, then keep working', async () => {
    // The renderer may send big frames; main only accepts small, shallow ones.
    const ipcMain = trackFacade('ipcMain', new IpcMain({ maxFrameLength: 1000, maxDepth: 10 }));
    const [mainEnd, rendererEnd] = createMemoryTransportPair();
    ipcMain.connect(mainEnd);
    const ipcRenderer = trackFacade('renderer', new IpcRenderer(rendererEnd));
    const reported: IpcError[] = [];
    const sub = ipcMain.errors$.subscribe((e) => reported.push(e));
    const got: unknown[] = [];
    ipcMain.on('c', (_e, v: unknown) => got.push(v));
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i++) deep = [deep];
    ipcRenderer.send('c', 'x'.repeat(5000));
    ipcRenderer.send('c', deep);
    ipcRenderer.send('c', 'fine');
    await settle();
    expect(got).toEqual(['fine']);
    expect(reported.length).toBe(2);
    expect(reported.every((e) => e instanceof IpcBadFrameError)).toBeTrue();
    expect(reported[0]!.message).toMatch(/over the limit of 1000/);
    expect(reported[1]!.message).toMatch(/deeper than the limit of 10/);
    sub.unsubscribe();
  });
});
