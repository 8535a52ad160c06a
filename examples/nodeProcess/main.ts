// rxipc between a Node parent process (the main side) and a child started with
// child_process.fork (the renderer, child.ts), over Node's IPC channel.
//
//   node --import tsx examples/nodeProcess/main.ts
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { interval } from 'rxjs';
import { IpcMain } from '../../src/index.js'; // published as 'rxipc'
import { childProcessTransport } from '../../src/transports/nodeProcess/index.js'; // published as 'rxipc/transports/nodeProcess'

const log = (...what: unknown[]): void => console.log(`[main ${process.pid}]`, ...what);

const ipcMain = new IpcMain();
ipcMain.on('hello', (event, pid: number) => {
  log(`hello from child ${pid}`);
  event.reply('welcome', `you are webContents #${event.sender.id} of parent ${process.pid}`);
});
ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
ipcMain.handle('file:read', (_event, file: string) => {
  throw Object.assign(new Error(`no such file: ${file}`), { code: 'ENOENT' });
});
ipcMain.handle('heartbeat', (event) => {
  event.signal.addEventListener('abort', () => log("the child unsubscribed from 'heartbeat': handler aborted"));
  return interval(10);
});

// The child runs TypeScript, so it is forked with tsx (built JavaScript needs no execArgv).
const child = fork(fileURLToPath(new URL('./child.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
const webContents = ipcMain.connect(childProcessTransport(child));
webContents.once('destroyed', () => log(`webContents #${webContents.id} destroyed`));
child.once('exit', (code) => {
  log(`child exited by itself (code ${code})`);
  ipcMain.close();
});
