// npm start, part 2: the same ipcMain / ipcRenderer code across a real thread boundary. The main
// side stays on this (the main) thread; two renderers run in worker_threads workers
// (examples/demo-renderer.ts), each connected with rxipc's worker transport. Their sendSync
// really blocks the worker thread until main answers.
import { Worker } from 'node:worker_threads';
import { interval, map } from 'rxjs';
import { IpcMain, type IpcMainEvent } from '../src/index.js'; // published as 'rxipc'
import { workerTransport } from '../src/transports/worker/index.js'; // published as 'rxipc/transports/worker'

const log = (side: string, ...what: unknown[]): void => console.log(`[${side.padEnd(8)}]`, ...what);

/** Runs main here and two renderers in worker threads; resolves once both workers have ended. */
export async function workersDemo(): Promise<void> {
  // ── main side, on the main thread ──────────────────────────────────────────────────────────
  const ipcMain = new IpcMain();
  const names = new Map<number, string>(); // webContents id → worker name, for the log

  ipcMain.on('hello', (event: IpcMainEvent, name: string) => {
    log('main', `on('hello') from webContents #${event.sender.id}:`, name);
    event.reply('welcome', `Hello ${name}, you are webContents #${event.sender.id}`); // reaches only that worker
  });
  ipcMain.on('config:get', (event: IpcMainEvent, key: string) => {
    log('main', `answering sendSync('config:get', '${key}') from #${event.sender.id} (that worker is blocked meanwhile)`);
    event.returnValue = { key, theme: 'dark' };
  });
  ipcMain.handle('sum', (event, a: number, b: number) => {
    log('main', `handle('sum', ${a}, ${b}) for #${event.sender.id}`);
    return a + b;
  });
  ipcMain.handle('ticks', (event, every: number) => {
    const who = `#${event.sender.id}`;
    event.signal.addEventListener('abort', () => log('main', `ticks stream for ${who} stopped (event.signal aborted)`));
    return interval(every).pipe(map((i) => i + 1));
  });

  // ── two renderers, each in its own worker thread ───────────────────────────────────────────
  const ended = ['A', 'B'].map((letter) => {
    const name = `worker ${letter}`;
    // A closes its ipcRenderer when done; B's thread simply exits in the middle of a stream.
    const worker = startTypeScriptWorker(new URL('./demo-renderer.ts', import.meta.url), {
      name,
      leave: letter === 'A' ? 'close' : 'exit',
    });
    // terminate: false lets a worker that closed its ipcRenderer end by itself (and flush its log).
    const webContents = ipcMain.connect(workerTransport(worker, { terminate: false }));
    names.set(webContents.id, name);
    log('main', `started ${name} as webContents #${webContents.id}`);
    webContents.once('destroyed', () => log('main', `webContents #${webContents.id} (${names.get(webContents.id)}) emitted 'destroyed'`));
    worker.on('error', (error) => console.error(`[main    ] ${name} failed:`, error)); // an uncaught error in the worker
    return new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        log('main', `${name}'s thread ended (exit code ${code})`);
        resolve();
      }),
    );
  });

  await Promise.all(ended);
  ipcMain.close();
}

/**
 * Starts a TypeScript file in a worker thread. tsx's hooks are not active inside workers, so the
 * worker boots from a tiny script that registers tsx first. Built JavaScript needs none of this:
 * `new Worker(new URL('./renderer.js', import.meta.url), { workerData })`.
 */
function startTypeScriptWorker(file: URL, workerData: unknown): Worker {
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
