import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Thrown by `sendSync` when no main-side listener assigned `event.returnValue`: at once when main is in-process (where waiting could never help).
 *
 * ## Example
 * ```ts
 * import { createIpc, IpcNoReturnValueError } from 'rxipc';
 *
 * const { ipcRenderer } = createIpc();
 * try { ipcRenderer.sendSync('nobody-answers'); } catch (err) {
 *   console.log(err instanceof IpcNoReturnValueError); // true
 * }
 * ```
 *
 * @see IpcError
 */
export class IpcNoReturnValueError extends IpcError {
  override name = 'IpcNoReturnValueError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_NO_RETURN_VALUE', options);
  }
}
