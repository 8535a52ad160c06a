import {
  createMemoryTransportPair,
  decodeFrame,
  IpcClosedError,
  IpcMain,
  IpcRenderer,
  type IpcMainEvent,
  type IpcRendererEvent,
} from '../../src/index.js';
import { createTestIpc, settle, trackFacade } from '../helpers/leaks.js';

describe('WebContents', () => {
  it('should have a positive numeric id, unique per connection', () => {
    const a = createTestIpc().webContents;
    const b = createTestIpc().webContents;
    expect(a.id).toBeGreaterThan(0);
    expect(b.id).not.toBe(a.id);
  });

  it('should send to its renderer', async () => {
    const { ipcRenderer, webContents } = createTestIpc();
    const got = jasmine.createSpy('got');
    ipcRenderer.on('to-renderer', got);
    webContents.send('to-renderer', { a: 1 });
    await settle();
    expect(got).toHaveBeenCalledWith(jasmine.objectContaining({ sender: ipcRenderer }), { a: 1 });
  });

  it('should check webContents.ipc handlers before ipcMain handlers', async () => {
    const { ipcMain, ipcRenderer, webContents } = createTestIpc();
    ipcMain.handle('who', () => 'main');
    expect(await ipcRenderer.invoke('who')).toBe('main');
    webContents.ipc.handle('who', () => 'scoped');
    expect(await ipcRenderer.invoke('who')).toBe('scoped');
  });

  it('should emit messages on webContents.ipc, then on ipcMain, and ipc-message on itself', async () => {
    const { ipcMain, ipcRenderer, webContents } = createTestIpc();
    const order: string[] = [];
    ipcMain.on('m', () => order.push('ipcMain'));
    webContents.ipc.on('m', () => order.push('webContents.ipc'));
    webContents.on('ipc-message', (_e: IpcMainEvent, channel: string) => order.push(`ipc-message ${channel}`));
    ipcRenderer.send('m');
    await settle();
    expect(order).toEqual(['ipc-message m', 'webContents.ipc', 'ipcMain']);
  });

  it('should give every stage the same event, and reach listeners an earlier stage added', async () => {
    const { ipcMain, ipcRenderer, webContents } = createTestIpc();
    const seen: Array<[string, IpcMainEvent, unknown[]]> = [];
    webContents.on('ipc-message', (event: IpcMainEvent, channel: string, ...args: unknown[]) => {
      seen.push(['ipc-message', event, [channel, ...args]]);
      if (webContents.ipc.listenerCount('m') === 0) {
        webContents.ipc.on('m', (e: IpcMainEvent, ...a: unknown[]) => {
          seen.push(['webContents.ipc', e, a]);
          ipcMain.on('m', (e2: IpcMainEvent, ...a2: unknown[]) => seen.push(['ipcMain', e2, a2]));
        });
      }
    });
    ipcRenderer.send('m', 1, { two: 2 });
    await settle();
    expect(seen.map(([stage, , args]) => [stage, args])).toEqual([
      ['ipc-message', ['m', 1, { two: 2 }]],
      ['webContents.ipc', [1, { two: 2 }]],
      ['ipcMain', [1, { two: 2 }]],
    ]);
    const event = seen[0]![1];
    expect(seen.every(([, e]) => e === event)).toBeTrue();
    expect(event.sender).toBe(webContents);
    expect(Object.keys(event).sort()).toEqual(['frameId', 'ports', 'processId', 'reply', 'returnValue', 'sender', 'type']);
  });

  it('should build no event for a message nobody listens to, and still deliver the next one', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    const got: unknown[] = [];
    ipcRenderer.send('nobody', 1);
    await settle();
    ipcMain.on('m', (_e: IpcMainEvent, n: number) => got.push(n));
    ipcRenderer.send('nobody', 2);
    ipcRenderer.send('m', 3);
    await settle();
    expect(got).toEqual([3]);
  });

  it('should send exactly one reply frame however many listeners assign returnValue', async () => {
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    const [mainEnd, rendererEnd] = createMemoryTransportPair();
    const sent: string[] = [];
    const realNext = mainEnd.next;
    mainEnd.next = (frame: string) => {
      sent.push(decodeFrame(frame).kind);
      realNext(frame);
    };
    ipcMain.connect(mainEnd);
    const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(rendererEnd));
    ipcMain.on('s', (e: IpcMainEvent) => {
      e.returnValue = 1;
      e.returnValue = 2;
      expect(e.returnValue).toBe(1);
    });
    ipcMain.on('s', (e: IpcMainEvent) => (e.returnValue = 3));
    expect(ipcRenderer.sendSync('s')).toBe(1);
    await settle();
    expect(sent).toEqual(['reply']);
  });

  it('should answer sendSync from webContents.ipc', () => {
    const { ipcRenderer, webContents } = createTestIpc();
    webContents.ipc.on('s', (e: IpcMainEvent) => (e.returnValue = 'scoped'));
    expect(ipcRenderer.sendSync('s')).toBe('scoped');
  });

  it("should become destroyed and emit 'destroyed' once when its renderer closes", async () => {
    const { ipcRenderer, webContents } = createTestIpc();
    const destroyed = jasmine.createSpy('destroyed');
    webContents.on('destroyed', destroyed);
    const scopedDone = jasmine.createSpy('scoped complete');
    webContents.ipc.channel('x').subscribe({ complete: scopedDone });
    ipcRenderer.close();
    ipcRenderer.close();
    await settle();
    expect(webContents.isDestroyed()).toBeTrue();
    expect(destroyed).toHaveBeenCalledTimes(1);
    expect(scopedDone).toHaveBeenCalled();
    expect(() => webContents.send('late')).toThrowError(IpcClosedError);
  });

  it('should close the renderer when closed from the main side', async () => {
    const { ipcRenderer, webContents, ipcMain } = createTestIpc();
    webContents.close();
    await settle();
    expect(ipcRenderer.isClosed).toBeTrue();
    expect(ipcMain.getAllWebContents()).toEqual([]);
    const pong = jasmine.createSpy('pong');
    ipcRenderer.on('pong', (_e: IpcRendererEvent) => pong());
    expect(pong).not.toHaveBeenCalled();
  });
});
