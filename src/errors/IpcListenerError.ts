import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Reported when a user listener or handler throws while a facade delivers an incoming message. The original error is its `cause`; delivery to the other listeners goes on.
 *
 * ## Example
 * ```ts
 * import { createIpc, IpcListenerError } from 'rxipc';
 *
 * const { ipcMain } = createIpc();
 * ipcMain.errors$.subscribe((err) => {
 *   if (err instanceof IpcListenerError) console.error(err.channel, err.cause);
 * });
 * ```
 *
 * @see IpcError
 */
export class IpcListenerError extends IpcError {
  override name = 'IpcListenerError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_LISTENER', options);
  }
}
