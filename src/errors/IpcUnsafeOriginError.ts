import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Thrown when a transport is asked to post to, or accept messages from, any origin (`'*'`, or the
 * opaque origin `'null'` that every sandboxed frame shares) without `allowAnyOrigin: true`. Such a
 * transport would hand your frames to, or take frames from, whatever page ends up in the window.
 *
 * ## Example
 * ```ts
 * import { IpcUnsafeOriginError, windowTransport } from 'rxipc/transports/window';
 *
 * try {
 *   windowTransport({ self: window, target: frame.contentWindow!, targetOrigin: '*' });
 * } catch (err) {
 *   if (err instanceof IpcUnsafeOriginError) console.log(err.code); // 'ERR_IPC_UNSAFE_ORIGIN'
 * }
 * ```
 *
 * @see IpcError
 */
export class IpcUnsafeOriginError extends IpcError {
  override name = 'IpcUnsafeOriginError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_UNSAFE_ORIGIN', options);
  }
}
