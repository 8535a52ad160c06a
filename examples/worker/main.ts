// rxipc between Node's main thread (the main side) and a worker_threads Worker (the renderer,
// renderer.ts). The worker's sendSync blocks its thread until main answers.
//
//   node --import tsx examples/worker/main.ts
import { Worker } from 'node:worker_threads';
import { interval, map } from 'rxjs';
import { IpcMain } from '../../src/index.js'; // published as 'rxipc'
import { workerTransport } from '../../src/transports/worker/index.js'; // published as 'rxipc/transports/worker'

const log = (...what: unknown[]): void => console.log('[main    ]', ...what);

const ipcMain = new IpcMain();
ipcMain.handle('progress', (event) => {
  event.signal.addEventListener('abort', () => log("the renderer unsubscribed from 'progress': handler aborted"));
  return interval(20).pipe(map((i) => `${(i + 1) * 25}%`));
});
ipcMain.on('config:get', (event, key: string) => {
  log(`sendSync('config:get', '${key}'): the worker is blocked until this returns`);
  event.returnValue = key === 'theme' ? 'dark' : null;
});
ipcMain.on('done', (event) => {
  log(`renderer #${event.sender.id} is done: closing it (the transport then ends the worker)`);
  event.sender.close();
});

// The worker runs TypeScript, so it boots through tsx. With built JavaScript:
// new Worker(new URL('./renderer.js', import.meta.url))
const renderer = new URL('./renderer.ts', import.meta.url).href;
const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(renderer)}); })`, {
  eval: true,
});

const webContents = ipcMain.connect(workerTransport(worker));
webContents.send('welcome', `you are webContents #${webContents.id}`); // kept until the worker is listening
webContents.once('destroyed', () => log(`webContents #${webContents.id} destroyed`));
worker.once('exit', (code) => {
  log(`worker ended (exit code ${code})`);
  ipcMain.close();
});
