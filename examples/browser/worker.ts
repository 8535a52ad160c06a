// worker.js: a renderer in a Web Worker, over the worker's own message channel to the page.
import { IpcRenderer } from '../../src/index.js'; // published as 'rxipc'
import { parentPortTransport } from '../../src/transports/worker/index.js'; // published as 'rxipc/transports/worker'
import { runRenderer } from './renderer.js';

// `self` is the worker's global scope (typed as a Window by the DOM lib, which fits too). sync is
// on by default: in a cross-origin-isolated page, sendSync waits with Atomics.wait.
const ipcRenderer = new IpcRenderer(parentPortTransport(self));
void runRenderer(ipcRenderer, 'the Web Worker');
