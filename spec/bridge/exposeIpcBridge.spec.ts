import { interval, map } from 'rxjs';
import { IpcRenderer, type IpcMainEvent } from '../../src/index.js';
import { exposeIpcBridge, type IpcBridgeResult, type IpcBridgeStreamEvent } from '../../src/bridge/index.js';
import { createTestIpc, settle } from '../helpers/leaks.js';
import { simulateContextBridge } from './simulateContextBridge.js';

const ALLOW = { send: ['log'], sendSync: ['config'], invoke: ['sum', 'ticks'], on: ['tick'], sendToHost: ['ready'] };

/** Every value reachable from `root` (own properties, array items), functions included. */
function reachable(root: unknown): unknown[] {
  const found: unknown[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const value = queue.shift();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || found.includes(value)) continue;
    found.push(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined && 'value' in descriptor) queue.push(descriptor.value);
    }
  }
  return found;
}

describe('exposeIpcBridge', () => {
  it('should return a frozen object of plain functions and allow-list data that reaches nothing of the renderer', () => {
    const { ipcRenderer } = createTestIpc();
    const bridge = exposeIpcBridge(ipcRenderer, ALLOW);
    expect(Object.isFrozen(bridge)).toBeTrue();
    expect(Object.keys(bridge).sort()).toEqual(
      ['channels', 'invoke', 'invokeStream', 'on', 'send', 'sendSync', 'sendToHost', 'version', 'watch'].sort(),
    );
    expect(bridge.channels).toEqual({ send: ['log'], sendSync: ['config'], sendToHost: ['ready'], invoke: ['sum', 'ticks'], on: ['tick'] });
    expect(Object.isFrozen(bridge.channels.send)).toBeTrue();
    const everything = reachable(bridge);
    expect(everything).not.toContain(ipcRenderer);
    for (const value of everything) {
      if (typeof value === 'function') expect(Object.getPrototypeOf(value)).toBe(Function.prototype);
    }
  });

  it('should copy the allow-list, so changing it later changes nothing', () => {
    const { ipcRenderer } = createTestIpc();
    const allow = { send: ['log'] };
    const bridge = exposeIpcBridge(ipcRenderer, allow);
    allow.send.push('fs:delete');
    expect(bridge.channels.send).toEqual(['log']);
    expect(bridge.send('fs:delete').ok).toBeFalse();
  });

  it('should give page listeners the arguments only, never the event or its sender', async () => {
    const { ipcRenderer, webContents } = createTestIpc();
    const bridge = simulateContextBridge(exposeIpcBridge(ipcRenderer, ALLOW));
    const calls: unknown[][] = [];
    const off = bridge.on('tick', (...args: unknown[]) => void calls.push(args));
    webContents.send('tick', 1, { two: 2 });
    await settle();
    expect(calls).toEqual([[1, { two: 2 }]]);
    off();
  });

  it('should remove the preload listener with the disposer, once, even through the bridge', async () => {
    const { ipcRenderer, webContents } = createTestIpc();
    const bridge = simulateContextBridge(exposeIpcBridge(ipcRenderer, ALLOW));
    const calls: unknown[] = [];
    const off = bridge.on('tick', (n: unknown) => void calls.push(n));
    const other = bridge.on('tick', (n: unknown) => void calls.push(`other ${String(n)}`));
    expect(ipcRenderer.listenerCount('tick')).toBe(2);
    off();
    off();
    expect(ipcRenderer.listenerCount('tick')).toBe(1);
    other();
    expect(ipcRenderer.listenerCount('tick')).toBe(0);
    webContents.send('tick', 1);
    await settle();
    expect(calls).toEqual([]);
  });

  it('should refuse channels outside the allow-list for every kind of call, with IpcBridgeRefusedError as data', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    const heard = jasmine.createSpy('heard');
    ipcMain.on('tick', heard);
    ipcMain.handle('log', () => 'answered');
    const bridge = simulateContextBridge(exposeIpcBridge(ipcRenderer, ALLOW));
    const refused = (result: IpcBridgeResult<unknown>): void => {
      expect(result.ok).toBeFalse();
      if (!result.ok) {
        expect(result.error.kind).toBe('IpcBridgeRefusedError');
        expect(result.error.code).toBe('ERR_IPC_BRIDGE_REFUSED');
      }
    };
    refused(bridge.send('tick', 1));
    refused(bridge.send('sum', 1));
    refused(bridge.sendSync('log'));
    refused(bridge.sendToHost('log'));
    refused(await bridge.invoke('log'));
    const events: IpcBridgeStreamEvent[] = [];
    bridge.invokeStream('log', [], (event) => void events.push(event));
    expect(events.length).toBe(1);
    expect(events[0]?.kind).toBe('error');
    expect(events[0]?.kind === 'error' && events[0].error.kind).toBe('IpcBridgeRefusedError');
    expect(() => bridge.on('log', () => undefined)).toThrowError(/does not allow on\('log'\)/);
    expect(ipcRenderer.listenerCount('log')).toBe(0);
    await settle();
    expect(heard).not.toHaveBeenCalled();
  });

  it('should send, answer sendSync, invoke and stream through the bridge', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    const logged: unknown[][] = [];
    ipcMain.on('log', (_event: IpcMainEvent, ...args: unknown[]) => void logged.push(args));
    ipcMain.on('config', (event: IpcMainEvent, key: string) => (event.returnValue = `value of ${key}`));
    ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
    ipcMain.handle('ticks', (_event, every: number) => interval(every).pipe(map((i) => i * 10)));
    const bridge = simulateContextBridge(exposeIpcBridge(ipcRenderer, ALLOW));
    expect(bridge.send('log', 'info', 'hello')).toEqual({ ok: true, value: undefined });
    expect(bridge.sendSync('config', 'theme')).toEqual({ ok: true, value: 'value of theme' });
    expect(await bridge.invoke('sum', 2, 3)).toEqual({ ok: true, value: 5 });
    const values: unknown[] = [];
    const cancel = bridge.invokeStream('ticks', [1], (event) => {
      if (event.kind === 'next') values.push(event.value);
    });
    while (values.length < 3) await settle(2);
    cancel();
    expect(values.slice(0, 3)).toEqual([0, 10, 20]);
    expect(logged).toEqual([['info', 'hello']]);
    await settle(5);
    expect(ipcRenderer.pendingCount).toBe(0);
  });

  it('should answer a streamed call once with a renderer that has no invoke$ (Electron’s own)', async () => {
    const { ipcMain, ipcRenderer } = createTestIpc();
    ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
    const { send, sendSync, invoke, on, removeListener } = ipcRenderer;
    const electronShaped = { send, sendSync, invoke, on, removeListener };
    const bridge = simulateContextBridge(exposeIpcBridge(electronShaped, ALLOW));
    const events: IpcBridgeStreamEvent[] = [];
    bridge.invokeStream('sum', [1, 2], (event) => void events.push(event));
    await settle();
    expect(events).toEqual([{ kind: 'next', value: 3 }, { kind: 'complete' }]);
    expect(bridge.watch(() => undefined)).toEqual(jasmine.any(Function));
  });

  it('should report the renderer closing, and its reported errors, to watch', () => {
    const { ipcRenderer } = createTestIpc();
    const bridge = simulateContextBridge(exposeIpcBridge(ipcRenderer, ALLOW));
    const statuses: unknown[] = [];
    bridge.watch((status) => void statuses.push(status));
    ipcRenderer.close();
    expect(statuses).toEqual([{ kind: 'closed' }]);
    expect(bridge.send('log', 'x')).toEqual({
      ok: false,
      error: jasmine.objectContaining({ kind: 'IpcClosedError', code: 'ERR_IPC_CLOSED' }),
    });
  });

  it('should throw a TypeError for a malformed renderer or allow-list', () => {
    const { ipcRenderer } = createTestIpc();
    const invalid = (e: unknown): boolean => e instanceof TypeError && (e as { code?: string }).code === 'ERR_INVALID_ARG_TYPE';
    expect(() => exposeIpcBridge({} as IpcRenderer, {})).toThrowMatching(invalid);
    expect(() => exposeIpcBridge(ipcRenderer, { send: 'log' } as never)).toThrowMatching(invalid);
    expect(() => exposeIpcBridge(ipcRenderer, { on: [1] } as never)).toThrowMatching(invalid);
    expect(() => exposeIpcBridge(ipcRenderer, null as never)).toThrowMatching(invalid);
  });
});
