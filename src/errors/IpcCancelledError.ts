import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * The reason `event.signal` is aborted on the main side when the renderer unsubscribes from an `invoke$` stream (or closes while a call is in flight).
 *
 * ## Example
 * ```ts
 * ipcMain.handle('download', async (event, url) => {
 *   const res = await fetch(url, { signal: event.signal });
 *   return res.text();
 * });
 * // event.signal.reason instanceof IpcCancelledError after the renderer unsubscribes
 * ```
 *
 * @see IpcError
 */
export class IpcCancelledError extends IpcError {
  override name = 'IpcCancelledError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_CANCELLED', options);
  }
}
