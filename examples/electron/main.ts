// Electron main process: an rxipc IpcMain served over Electron's own ipcMain / webContents.
// Not run in this repository (Electron cannot be downloaded here): see README.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain as electronIpcMain } from 'electron';
import { interval, map, take } from 'rxjs';
import { IpcMain } from '../../src/index.js'; // published as 'rxipc'
import { electronMainTransports } from '../../src/transports/electron/index.js'; // published as 'rxipc/transports/electron'
import type { AppChannels } from './channels.js';

const here = path.dirname(fileURLToPath(import.meta.url)); // the bundle's folder, dist/

const ipcMain = new IpcMain<AppChannels>();
ipcMain.on('log', (event, text) => console.log(`[renderer #${event.sender.id}]`, text));
ipcMain.on('config:get', (event, key) => {
  event.returnValue = key === 'theme' ? 'dark' : ''; // set synchronously: the renderer is blocked
});
ipcMain.handle('sum', (_event, a, b) => a + b);
ipcMain.handle('progress', (event, every) => {
  event.signal.addEventListener('abort', () => console.log('[main] progress cancelled by the page'));
  return interval(every).pipe(
    take(11),
    map((i) => i * 10),
  );
});

// Before any window loads: one rxipc WebContents per page (a reload connects a new one).
electronMainTransports(electronIpcMain, (transport) => {
  const webContents = ipcMain.connect(transport);
  webContents.send('status', `connected to the main process as rxipc webContents #${webContents.id}`);
  webContents.once('destroyed', () => console.log(`[main] rxipc webContents #${webContents.id} destroyed`));
});

void app.whenReady().then(() => {
  const window = new BrowserWindow({
    width: 640,
    height: 420,
    // The preload imports rxipc, so it is bundled (dist/preload.cjs); contextIsolation keeps
    // the page away from Electron: it only sees the allow-listed bridge.
    webPreferences: { preload: path.join(here, 'preload.cjs'), contextIsolation: true, sandbox: true },
  });
  void window.loadFile(path.join(here, '..', 'index.html'));
});
app.on('window-all-closed', () => {
  ipcMain.close();
  app.quit();
});
