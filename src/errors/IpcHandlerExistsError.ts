import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Thrown by `ipcMain.handle` / `handleOnce` when the channel already has a handler, with Electron's text `Attempted to register a second handler for '<channel>'`.
 *
 * ## Example
 * ```ts
 * import { createIpc, IpcHandlerExistsError } from 'rxipc';
 *
 * const { ipcMain } = createIpc();
 * ipcMain.handle('sum', (_e, a, b) => a + b);
 * try { ipcMain.handle('sum', () => 0); } catch (err) {
 *   console.log(err instanceof IpcHandlerExistsError); // true
 * }
 * ```
 *
 * @see IpcError
 */
export class IpcHandlerExistsError extends IpcError {
  override name = 'IpcHandlerExistsError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_HANDLER_EXISTS', options);
  }
}
