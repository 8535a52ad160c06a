/**
 * The one Electron IPC channel rxipc reserves for its frames, on `ipcRenderer`, `ipcMain` and
 * `webContents`. The application must not use it for anything else.
 *
 * ## Example
 * ```ts
 * import { ELECTRON_CHANNEL } from 'rxipc/transports/electron';
 *
 * // In a preload script that exposes only what the page may use:
 * const allowed = (channel: string) => channel !== ELECTRON_CHANNEL;
 * ```
 */
export const ELECTRON_CHANNEL = 'rxipc:frame';
