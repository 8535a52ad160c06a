// Preload script (isolated world): the rxipc renderer over Electron's ipcRenderer, exposed to the
// page as a narrow, allow-listed bridge that survives contextBridge.
import { contextBridge, ipcRenderer as electronIpcRenderer } from 'electron';
import { exposeIpcBridge } from '../../src/bridge/index.js'; // published as 'rxipc/bridge'
import { IpcRenderer } from '../../src/index.js'; // published as 'rxipc'
import { electronRendererTransport } from '../../src/transports/electron/index.js'; // published as 'rxipc/transports/electron'
import type { AppChannels } from './channels.js';

const ipcRenderer = new IpcRenderer<AppChannels>(electronRendererTransport(electronIpcRenderer));

contextBridge.exposeInMainWorld(
  'ipc',
  exposeIpcBridge(ipcRenderer, {
    send: ['log'],
    sendSync: ['config:get'],
    invoke: ['sum', 'progress'], // invoke and invoke$
    on: ['status'],
  }),
);
