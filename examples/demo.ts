// npm start: rxipc's main job on the embedded default. A renderer and a main side in one process,
// connected by the in-memory transport, doing what an Electron app does: send/on, event.reply,
// invoke/handle, a streamed invoke$, sendSync, sendToHost, and the Observable + operator faces.
// Part 2 (examples/demo-workers.ts) then runs the same kind of code across a real boundary: main on
// the main thread, two renderers in worker_threads workers.
import { interval, map, take, from, toArray, lastValueFrom } from 'rxjs';
import { createIpc, IpcRemoteError, type IpcMainEvent, type IpcRendererEvent } from '../src/index.js';
import { invokeOn, sendTo } from '../src/operators/index.js';
import { workersDemo } from './demo-workers.js';

const log = (side: string, ...what: unknown[]): void => console.log(`[${side.padEnd(8)}]`, ...what);

const { ipcMain, ipcRenderer, webContents, host } = createIpc();

// ── main side ────────────────────────────────────────────────────────────────────────────────
ipcMain.on('greet', (event: IpcMainEvent, name: string) => {
  log('main', `on('greet') from renderer #${event.sender.id}:`, name);
  event.reply('greeting', `Hello, ${name}!`);
});
ipcMain.on('config:get', (event: IpcMainEvent, key: string) => {
  log('main', `sendSync('config:get', '${key}') answered synchronously`);
  event.returnValue = { theme: 'dark', key };
});
ipcMain.handle('math:sum', (_event, a: number, b: number) => a + b);
ipcMain.handle('file:read', (_event, path: string) => {
  throw Object.assign(new Error(`no such file: ${path}`), { code: 'ENOENT' });
});
ipcMain.handle('clock:ticks', (event, count: number) => {
  event.signal.addEventListener('abort', () => log('main', 'clock:ticks cancelled by the renderer'));
  return interval(10).pipe(
    take(count),
    map((i) => ({ tick: i + 1 })),
  );
});
ipcMain.handle('square', (_event, n: number) => n * n);
ipcMain.channel('telemetry').subscribe(({ event, args }) => log('main', `channel('telemetry') from #${event.sender.id}:`, ...args));
webContents.once('destroyed', () => log('main', `webContents #${webContents.id} destroyed`));

// ── host (the page embedding the renderer, like <webview>) ─────────────────────────────────────
host.on('ipc-message', ({ channel, args }: { channel: string; args: unknown[] }) => log('host', `ipc-message '${channel}':`, ...args));

// ── renderer side ────────────────────────────────────────────────────────────────────────────
async function renderer(): Promise<void> {
  const greeted = new Promise<string>((resolve) => ipcRenderer.once('greeting', (_event: IpcRendererEvent, text: string) => resolve(text)));
  ipcRenderer.send('greet', 'rxipc');
  log('renderer', 'reply received:', await greeted);

  log('renderer', "sendSync('config:get') →", ipcRenderer.sendSync('config:get', 'theme'));

  log('renderer', "invoke('math:sum', 2, 40) →", await ipcRenderer.invoke('math:sum', 2, 40));

  try {
    await ipcRenderer.invoke('file:read', '/nope');
  } catch (err) {
    const remote = err as IpcRemoteError;
    log('renderer', 'invoke rejected:', remote.message, `(code ${remote.code})`);
  }

  const ticks = await lastValueFrom(ipcRenderer.invoke$('clock:ticks', 3).pipe(toArray()));
  log('renderer', "invoke$('clock:ticks', 3) streamed:", JSON.stringify(ticks));

  const firstTwo = await lastValueFrom(ipcRenderer.invoke$('clock:ticks', 1000).pipe(take(2), toArray()));
  log('renderer', 'took 2 ticks of 1000 then unsubscribed:', JSON.stringify(firstTwo));

  await lastValueFrom(from(['cpu 12%', 'mem 80MB']).pipe(sendTo(ipcRenderer, 'telemetry')));

  const squares = await lastValueFrom(from([1, 2, 3]).pipe(invokeOn<number, number>(ipcRenderer, 'square'), toArray()));
  log('renderer', "from([1, 2, 3]).pipe(invokeOn(ipcRenderer, 'square')) →", squares.join(', '));

  ipcRenderer.sendToHost('ready', { loadedIn: '12ms' });
  await new Promise((resolve) => setTimeout(resolve, 20));
}

await renderer();
ipcRenderer.close();
await new Promise((resolve) => setTimeout(resolve, 0));
ipcMain.close();
host.close();
log('demo', 'part 1 (embedded, one thread) done');

console.log();
log('demo', 'part 2: main on the main thread, renderers in two worker threads');
await workersDemo();
log('demo', 'done');
