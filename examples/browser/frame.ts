// frame.html's script: a renderer in an iframe, over postMessage to its parent page.
import { IpcRenderer } from '../../src/index.js'; // published as 'rxipc'
import { windowTransport } from '../../src/transports/window/index.js'; // published as 'rxipc/transports/window'
import { runRenderer } from './renderer.js';

const ipcRenderer = new IpcRenderer(windowTransport({ self: window, target: window.parent, targetOrigin: location.origin }));
void runRenderer(ipcRenderer, 'the iframe');
