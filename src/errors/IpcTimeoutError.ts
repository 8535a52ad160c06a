import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Raised when an answer does not come in time: a `sendSync` across a real boundary, or a transport handshake.
 *
 * ## Example
 * ```ts
 * import { IpcTimeoutError } from 'rxipc';
 *
 * try { ipcRenderer.sendSync('slow'); } catch (err) {
 *   if (err instanceof IpcTimeoutError) console.log('main did not answer in time');
 * }
 * ```
 *
 * @see IpcError
 */
export class IpcTimeoutError extends IpcError {
  override name = 'IpcTimeoutError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_TIMEOUT', options);
  }
}
