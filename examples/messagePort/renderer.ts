// The renderer, in a worker thread: its transport is the MessagePort that main.ts transferred.
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { IpcRenderer } from '../../src/index.js'; // published as 'rxipc'
import { messagePortTransport } from '../../src/transports/messagePort/index.js'; // published as 'rxipc/transports/messagePort'

const log = (...what: unknown[]): void => console.log('[renderer]', ...what);
const { port } = workerData as { port: MessagePort };

// sync: this end is in a thread that may block and the other end is in another thread, so
// sendSync can wait for real (receiveMessageOnPort reads main's answer while this thread sleeps).
const ipcRenderer = new IpcRenderer(messagePortTransport(port, { sync: { receiveMessageOnPort } }));

ipcRenderer.once('welcome', (_event, text: string) => log('event.reply:', text));
ipcRenderer.send('hello', 'worker');
log("invoke('sum', 20, 22) →", await ipcRenderer.invoke('sum', 20, 22));
log("sendSync('config:get') →", ipcRenderer.sendSync('config:get'));
ipcRenderer.close(); // closes the port once main has said goodbye; this thread then ends by itself
