// The renderer, inside the worker thread that examples/worker/main.ts started.
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { lastValueFrom, take, toArray } from 'rxjs';
import { IpcRenderer } from '../../src/index.js'; // published as 'rxipc'
import { parentPortTransport } from '../../src/transports/worker/index.js'; // published as 'rxipc/transports/worker'

const log = (...what: unknown[]): void => console.log('[renderer]', ...what);

// receiveMessageOnPort lets sendSync read main's answer while this thread sleeps in Atomics.wait.
const ipcRenderer = new IpcRenderer(parentPortTransport(parentPort!, { sync: { receiveMessageOnPort } }));

ipcRenderer.on('welcome', (_event, text: string) => log('main says:', text));

const steps = await lastValueFrom(ipcRenderer.invoke$<string>('progress').pipe(take(4), toArray()));
log("invoke$('progress') →", steps.join(' '), '(then unsubscribed)');

log("sendSync('config:get', 'theme') →", ipcRenderer.sendSync('config:get', 'theme'));

// A worker's console output reaches the main thread asynchronously, on a port of its own, and
// terminate() drops whatever has not arrived yet. 'done' makes main close this renderer, which
// terminates this thread, so wait until main has taken every line logged so far.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
ipcRenderer.send('done');
