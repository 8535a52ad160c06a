// The renderer, in a child process forked by examples/nodeProcess/main.ts.
import { lastValueFrom, take, toArray } from 'rxjs';
import { IpcRenderer } from '../../src/index.js'; // published as 'rxipc'
import { processTransport } from '../../src/transports/nodeProcess/index.js'; // published as 'rxipc/transports/nodeProcess'

const log = (...what: unknown[]): void => console.log(`[child ${process.pid}]`, ...what);

const ipcRenderer = new IpcRenderer(processTransport(process));

const welcome = new Promise<string>((resolve) => ipcRenderer.once('welcome', (_event, text: string) => resolve(text)));
ipcRenderer.send('hello', process.pid);
log('event.reply:', await welcome);

log("invoke('sum', 2, 40) →", await ipcRenderer.invoke('sum', 2, 40));

try {
  await ipcRenderer.invoke('file:read', '/nope');
} catch (error) {
  log('invoke rejected:', (error as Error).message, `(code ${(error as { code?: string }).code})`);
}

const beats = await lastValueFrom(ipcRenderer.invoke$<number>('heartbeat').pipe(take(3), toArray()));
log("invoke$('heartbeat') →", beats.join(', '), '(then unsubscribed)');

try {
  ipcRenderer.sendSync('anything'); // two processes share no memory to block on
} catch (error) {
  log('sendSync threw', `${(error as Error).name}: ${(error as Error).message}`);
}

ipcRenderer.close(); // stops listening on the IPC channel, so this process can exit
