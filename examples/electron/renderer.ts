// The page's script (main world, no Node, no Electron): a full rxipc renderer rebuilt on the
// preload's bridge, `window.ipc`.
import { ipcRendererFromBridge, type IpcBridge } from '../../src/bridge/index.js'; // published as 'rxipc/bridge'
import type { AppChannels } from './channels.js';

const bridge = (window as unknown as { ipc: IpcBridge<AppChannels> }).ipc;
const ipcRenderer = ipcRendererFromBridge(bridge);
const show = (id: string, text: string): void => {
  document.getElementById(id)!.textContent = text;
};

ipcRenderer.on('status', (_event, text) => show('status', text));
ipcRenderer.send('log', 'page loaded');
show('theme', ipcRenderer.sendSync('config:get', 'theme')); // Electron's own blocking sendSync underneath

document.getElementById('sum')!.addEventListener('click', () => {
  ipcRenderer.invoke('sum', 19, 23).then(
    (total) => show('total', String(total)),
    (error: Error) => show('total', error.message),
  );
});

let progress: { unsubscribe(): void } | undefined;
document.getElementById('progress')!.addEventListener('click', () => {
  if (progress !== undefined) {
    progress.unsubscribe(); // the handler's event.signal aborts in the main process
    progress = undefined;
    return;
  }
  progress = ipcRenderer.invoke$('progress', 300).subscribe({
    next: (percent) => show('percent', `${percent}%`),
    complete: () => (progress = undefined),
  });
});
