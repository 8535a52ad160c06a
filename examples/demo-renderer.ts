// npm start, part 2: a renderer inside a worker_threads worker (started by examples/demo-workers.ts).
// Plain rxipc renderer code: only the transport says that main is on another thread.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { lastValueFrom, take, toArray } from 'rxjs';
import { IpcRenderer, type IpcRendererEvent } from '../src/index.js'; // published as 'rxipc'
import { parentPortTransport } from '../src/transports/worker/index.js'; // published as 'rxipc/transports/worker'

const { name, leave } = workerData as { name: string; leave: 'close' | 'exit' };
const log = (...what: unknown[]): void => console.log(`[${name.padEnd(8)}]`, ...what);

// `receiveMessageOnPort` lets sendSync drain main's answer while this thread sleeps in Atomics.wait.
const ipcRenderer = new IpcRenderer(parentPortTransport(parentPort!, { sync: { receiveMessageOnPort } }));

// send / on, answered with event.reply
const welcome = new Promise<string>((resolve) => ipcRenderer.once('welcome', (_event: IpcRendererEvent, text: string) => resolve(text)));
ipcRenderer.send('hello', name);
log('reply received:', await welcome);

// invoke / handle
log("invoke('sum', 2, 40) →", await ipcRenderer.invoke('sum', 2, 40));

// invoke$: a stream; take(3) unsubscribes, which stops the handler on main
const ticks = await lastValueFrom(ipcRenderer.invoke$<number>('ticks', 10).pipe(take(3), toArray()));
log(`invoke$('ticks') took ${ticks.join(', ')} then unsubscribed`);

// sendSync: this thread really blocks until main's listener sets event.returnValue
const started = performance.now();
const config: unknown = ipcRenderer.sendSync('config:get', 'theme');
log(`sendSync('config:get') → ${JSON.stringify(config)}, blocked this thread ${(performance.now() - started).toFixed(2)} ms`);

if (leave === 'close') {
  log('closing its ipcRenderer');
  ipcRenderer.close(); // main's webContents is destroyed; with nothing left to do, this thread ends
} else {
  ipcRenderer.invoke$<number>('ticks', 10).subscribe((tick) => {
    log(`endless invoke$('ticks') got ${tick}`);
    if (tick === 2) {
      log('exiting its thread in the middle of the stream');
      process.exit(0); // ends this worker only; main sees the thread end
    }
  });
}
