import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Raised when a page uses a channel that the preload bridge does not allow for that kind of call
 * (`send`, `sendSync`, `sendToHost`, `invoke` / `invoke$`, `on`): see `exposeIpcBridge`. Nothing
 * is sent and no listener is registered.
 *
 * ## Example
 * ```ts
 * import { ipcRendererFromBridge, IpcBridgeRefusedError } from 'rxipc/bridge';
 *
 * const ipcRenderer = ipcRendererFromBridge(window.ipc);
 * try {
 *   ipcRenderer.send('fs:delete', '/');
 * } catch (err) {
 *   console.log(err instanceof IpcBridgeRefusedError, err.code); // true 'ERR_IPC_BRIDGE_REFUSED'
 * }
 * ```
 *
 * @see IpcError
 */
export class IpcBridgeRefusedError extends IpcError {
  override name = 'IpcBridgeRefusedError';

  /**
   * @param message What was refused.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_BRIDGE_REFUSED', options);
  }
}
