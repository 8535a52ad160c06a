import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * The main-side error behind an `invoke` on a channel that has no `handle`r. Its text is Electron's: `No handler registered for '<channel>'`; the renderer sees it inside an `IpcRemoteError` whose `code` is `'ERR_IPC_NO_HANDLER'`.
 *
 * ## Example
 * ```ts
 * import { createIpc } from 'rxipc';
 *
 * const { ipcRenderer } = createIpc();
 * ipcRenderer.invoke('nobody').catch((err) => {
 *   console.log(err.message); // "Error invoking remote method 'nobody': Error: No handler registered for 'nobody'"
 *   console.log(err.code);    // 'ERR_IPC_NO_HANDLER'
 * });
 * ```
 *
 * @see IpcError
 */
export class IpcNoHandlerError extends IpcError {
  override name = 'IpcNoHandlerError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_NO_HANDLER', options);
  }
}
