import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Reported (never thrown into user code) when a transport delivers a frame that is not valid rxipc protocol: garbage, truncated, wrong shape, or hostile. The frame is dropped and the receiver keeps working.
 *
 * ## Example
 * ```ts
 * import { createIpc, IpcBadFrameError } from 'rxipc';
 *
 * const { ipcMain } = createIpc();
 * ipcMain.errors$.subscribe((err) => {
 *   if (err instanceof IpcBadFrameError) console.warn('dropped a bad frame:', err.message);
 * });
 * ```
 *
 * @see IpcError
 */
export class IpcBadFrameError extends IpcError {
  override name = 'IpcBadFrameError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_BAD_FRAME', options);
  }
}
