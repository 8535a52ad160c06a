import { once } from 'node:events';
import { firstValueFrom } from 'rxjs';
import { WebSocket, WebSocketServer } from 'ws';
import {
  createMemoryTransportPair,
  IpcMain,
  IpcRenderer,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from '../../../src/index.js';
import { childProcessTransport } from '../../../src/transports/nodeProcess/index.js';
import { acceptWebSockets, webSocketTransport } from '../../../src/transports/webSocket/index.js';
import { trackFacade } from '../../helpers/leaks.js';
import { forkChild } from '../fixtures/childHarness.js';

describe('IpcMain over webSocket, nodeProcess and memory transports at once', () => {
  let wss: WebSocketServer;

  beforeEach(async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(wss, 'listening');
  });

  afterEach(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });

  it('should route event.reply, webContents.send and invoke answers to exactly the right renderer', async () => {
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    const byTag = new Map<string, WebContents>();
    ipcMain.on('who', (event: IpcMainEvent, tag: string) => {
      byTag.set(tag, event.sender);
      event.reply('you-are', tag, event.sender.id);
    });
    ipcMain.handle('double', (_event: IpcMainInvokeEvent, n: number) => n * 2);

    // A ws client over loopback.
    const serving = acceptWebSockets(wss, (transport) => trackFacade('ws webContents', ipcMain.connect(transport)));
    trackFacade('serving', { close: () => serving.unsubscribe() });
    const port = (wss.address() as { port: number }).port;
    const wsRenderer = trackFacade('ws renderer', new IpcRenderer(webSocketTransport(new WebSocket(`ws://127.0.0.1:${port}`))));

    // A forked child process.
    const forked = forkChild('child-renderer');
    const childContents = trackFacade('child webContents', ipcMain.connect(childProcessTransport(forked.child)));

    // An in-memory pair.
    const [mainEnd, rendererEnd] = createMemoryTransportPair();
    const memoryContents = trackFacade('memory webContents', ipcMain.connect(mainEnd));
    const memoryRenderer = trackFacade('memory renderer', new IpcRenderer(rendererEnd));

    const heard: Record<string, unknown[][]> = { ws: [], memory: [] };
    wsRenderer.on('you-are', (_e, ...args: unknown[]) => heard['ws']!.push(args));
    wsRenderer.on('direct', (_e, ...args: unknown[]) => heard['ws']!.push(['direct', ...args]));
    memoryRenderer.on('you-are', (_e, ...args: unknown[]) => heard['memory']!.push(args));
    memoryRenderer.on('direct', (_e, ...args: unknown[]) => heard['memory']!.push(['direct', ...args]));
    const childHeard: unknown[][] = [];
    ipcMain.on('relayed', (_event: IpcMainEvent, ...args: unknown[]) => childHeard.push(args));

    const relaying = ['you-are', 'direct'].map(
      (channel) =>
        new Promise<void>((resolve) => {
          const listener = (_e: IpcMainEvent, name: string, payload: unknown): void => {
            if (name === 'relaying' && payload === channel) {
              ipcMain.removeListener('result', listener);
              resolve();
            }
          };
          ipcMain.on('result', listener);
        }),
    );
    childContents.send('relay', 'you-are');
    childContents.send('relay', 'direct');
    await Promise.all(relaying);

    const wsAnswer = firstValueFrom(wsRenderer.channel('you-are'));
    const memoryAnswer = firstValueFrom(memoryRenderer.channel('you-are'));
    const childAnswer = firstValueFrom(ipcMain.channel('relayed'));
    wsRenderer.send('who', 'ws');
    memoryRenderer.send('who', 'memory');
    childContents.send('send', 'who', 'child');
    await Promise.all([wsAnswer, memoryAnswer, childAnswer]);

    expect(byTag.get('child')).toBe(childContents);
    expect(byTag.get('memory')).toBe(memoryContents);
    const wsContents = byTag.get('ws')!;
    expect(new Set([wsContents, childContents, memoryContents]).size).toBe(3);
    expect(heard['ws']).toEqual([['ws', wsContents.id]]);
    expect(heard['memory']).toEqual([['memory', memoryContents.id]]);
    expect(childHeard).toEqual([['you-are', 'child', childContents.id]]);

    // webContents.send to each in turn reaches only that one.
    const wsDirect = firstValueFrom(wsRenderer.channel('direct'));
    const memoryDirect = firstValueFrom(memoryRenderer.channel('direct'));
    const childDirect = firstValueFrom(ipcMain.channel('relayed'));
    wsContents.send('direct', 'to ws');
    memoryContents.send('direct', 'to memory');
    childContents.send('direct', 'to child');
    await Promise.all([wsDirect, memoryDirect, childDirect]);
    expect(heard['ws']).toEqual([
      ['ws', wsContents.id],
      ['direct', 'to ws'],
    ]);
    expect(heard['memory']).toEqual([
      ['memory', memoryContents.id],
      ['direct', 'to memory'],
    ]);
    expect(childHeard).toEqual([
      ['you-are', 'child', childContents.id],
      ['direct', 'to child'],
    ]);

    // invoke answers go back to the caller only.
    expect(await Promise.all([wsRenderer.invoke('double', 1), memoryRenderer.invoke('double', 2)])).toEqual([2, 4]);

    // Losing one renderer leaves the others served.
    forked.child.kill('SIGKILL');
    await once(childContents, 'destroyed');
    expect(ipcMain.getAllWebContents()).toEqual(jasmine.arrayWithExactContents([wsContents, memoryContents]));
    expect(await wsRenderer.invoke('double', 5)).toBe(10);
    expect(await memoryRenderer.invoke('double', 6)).toBe(12);
  });
});
