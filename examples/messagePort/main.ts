// rxipc over a MessageChannel: the main side keeps port1 on this thread and hands port2 to a
// worker thread, where the renderer lives (renderer.ts). A MessagePort can go anywhere a port can
// be transferred (a worker, another worker, an iframe), and leaves the worker's own parentPort free.
//
//   node --import tsx examples/messagePort/main.ts
import { MessageChannel, Worker } from 'node:worker_threads';
import { IpcMain } from '../../src/index.js'; // published as 'rxipc'
import { messagePortTransport } from '../../src/transports/messagePort/index.js'; // published as 'rxipc/transports/messagePort'

const log = (...what: unknown[]): void => console.log('[main    ]', ...what);

const ipcMain = new IpcMain();
ipcMain.on('hello', (event, name: string) => event.reply('welcome', `hello ${name}, from the main thread`));
ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
ipcMain.on('config:get', (event) => {
  event.returnValue = { theme: 'dark' };
});

const { port1, port2 } = new MessageChannel();
const webContents = ipcMain.connect(messagePortTransport(port1));
webContents.once('destroyed', () => log(`webContents #${webContents.id} destroyed: the renderer closed its port`));

// The worker runs TypeScript, so it boots through tsx (built JavaScript would not need this).
const renderer = new URL('./renderer.ts', import.meta.url).href;
const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(renderer)}); })`, {
  eval: true,
  workerData: { port: port2 },
  transferList: [port2],
});
worker.once('exit', (code) => {
  log(`worker exited with code ${code}`);
  ipcMain.close();
});
