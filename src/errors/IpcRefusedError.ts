import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Raised when the main side refuses a message: its channel is not in the `IpcMain`'s or the
 * `WebContents`' allow-list, or the `validateSender` hook said no. The message is never delivered;
 * the refusal is reported on `ipcMain.errors$`, an `invoke` on it rejects with this `name` and
 * `code` (`'ERR_IPC_REFUSED'`), and a `sendSync` on it throws.
 *
 * ## Example
 * ```ts
 * import { createIpc, IpcRefusedError } from 'rxipc';
 *
 * const { ipcMain, ipcRenderer } = createIpc({ allowedChannels: ['app:ping'] });
 * ipcMain.errors$.subscribe((err) => {
 *   if (err instanceof IpcRefusedError) console.warn('refused', err.channel);
 * });
 * ipcRenderer.invoke('fs:delete', '/').catch((err) => console.log(err.code)); // 'ERR_IPC_REFUSED'
 * ```
 *
 * @see IpcMainOptions.allowedChannels, IpcMainOptions.validateSender
 */
export class IpcRefusedError extends IpcError {
  override name = 'IpcRefusedError';

  /**
   * @param message Why the message was refused.
   * @param options `cause` and the `channel`.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_REFUSED', options);
  }
}
