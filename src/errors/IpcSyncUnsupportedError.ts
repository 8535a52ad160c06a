import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Thrown by `sendSync` where the transport can neither block nor reach an in-process main side (for example a page's main thread over a WebSocket). Use `invoke` there instead.
 *
 * ## Example
 * ```ts
 * import { IpcSyncUnsupportedError } from 'rxipc';
 *
 * try { ipcRenderer.sendSync('config'); } catch (err) {
 *   if (err instanceof IpcSyncUnsupportedError) return ipcRenderer.invoke('config');
 * }
 * ```
 *
 * @see IpcError
 */
export class IpcSyncUnsupportedError extends IpcError {
  override name = 'IpcSyncUnsupportedError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_SYNC_UNSUPPORTED', options);
  }
}
