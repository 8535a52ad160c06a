import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Raised synchronously by `send`/`sendSync`/`sendToHost` (and as the rejection of `invoke`) when the arguments cannot be encoded as JSON (a cycle, a `BigInt`). Nothing is sent.
 *
 * ## Example
 * ```ts
 * import { createIpc, IpcSerializationError } from 'rxipc';
 *
 * const { ipcRenderer } = createIpc();
 * const a: any = {}; a.self = a;
 * try { ipcRenderer.send('save', a); } catch (err) {
 *   console.log(err instanceof IpcSerializationError); // true, and nothing was sent
 * }
 * ```
 *
 * @see IpcError
 */
export class IpcSerializationError extends IpcError {
  override name = 'IpcSerializationError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_SERIALIZATION', options);
  }
}
