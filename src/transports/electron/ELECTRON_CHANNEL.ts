/**
 * The one Electron IPC channel rxipc reserves for its frames, on `ipcRenderer`, `ipcMain` and
 * `webContents`. The application must not use it for anything else.
 *
 * ## Example
 * ```ts
 * import { contextBridge, ipcRenderer } from 'electron';
 * import { ELECTRON_CHANNEL } from 'rxipc/transports/electron';
 *
 * // A preload that also lets the page send on Electron's IPC keeps rxipc's channel out of reach:
 * contextBridge.exposeInMainWorld('legacyIpc', {
 *   send: (channel: string, ...args: unknown[]) => {
 *     if (channel !== ELECTRON_CHANNEL) ipcRenderer.send(channel, ...args);
 *   },
 * });
 * ```
 */
export const ELECTRON_CHANNEL = 'rxipc:frame';
