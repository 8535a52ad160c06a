// tab.html's script: a renderer on the BroadcastChannel 'rxipc-example' (in the page's second
// iframe, or in any other tab of this origin that opens /tab.html).
import { IpcRenderer } from '../../src/index.js'; // published as 'rxipc'
import { broadcastChannelTransport } from '../../src/transports/broadcastChannel/index.js'; // 'rxipc/transports/broadcastChannel'
import { runRenderer } from './renderer.js';

const ipcRenderer = new IpcRenderer(broadcastChannelTransport('rxipc-example', { self: window }));
// Channels complete when the connection ends: the page was closed, or no page answered at all.
ipcRenderer.channel('welcome').subscribe({ complete: () => document.body.append('disconnected from the page') });
void runRenderer(ipcRenderer, window === window.top ? 'a tab' : 'the BroadcastChannel iframe').then(() => {
  document.body.append(`done: see the page that opened the example`);
});
