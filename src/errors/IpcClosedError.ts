import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Raised when a facade or its transport is closed: by `close()`, or because the peer went away. Pending `invoke`s reject with it, live `invoke$` streams error with it, and later sends throw it.
 *
 * ## Example
 * ```ts
 * import { createIpc, IpcClosedError } from 'rxipc';
 *
 * const { ipcRenderer } = createIpc();
 * const pending = ipcRenderer.invoke('slow');
 * ipcRenderer.close();
 * pending.catch((err) => console.log(err instanceof IpcClosedError)); // true
 * ```
 *
 * @see IpcError
 */
export class IpcClosedError extends IpcError {
  override name = 'IpcClosedError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_CLOSED', options);
  }
}
