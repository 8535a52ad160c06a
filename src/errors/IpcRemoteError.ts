import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * The rejection of `invoke` (and the error of `invoke$`) when the main-side handler failed.
 * Its `message` is Electron's (`Error invoking remote method '<channel>': <remote error as text>`),
 * and on top of that it carries the remote error's `name`, `code` and own enumerable fields
 * directly, its `cause` revived as an `Error`, and its stack in `remoteStack` only when the main
 * side opted in with `exposeStack`.
 *
 * ## Example
 * ```ts
 * import { createIpc, IpcRemoteError } from 'rxipc';
 *
 * const { ipcMain, ipcRenderer } = createIpc();
 * ipcMain.handle('open', () => {
 *   throw Object.assign(new Error('no such file'), { code: 'ENOENT', path: '/x' });
 * });
 * ipcRenderer.invoke('open').catch((err) => {
 *   console.log(err instanceof IpcRemoteError); // true
 *   console.log(err.code, err.path);            // 'ENOENT' '/x'
 * });
 * ```
 *
 * @see IpcMainOptions.exposeStack
 */
export class IpcRemoteError extends IpcError {
  override name = 'IpcRemoteError';
  /** The main-side stack, present only when the main side was created with `exposeStack: true`. */
  remoteStack?: string;
  /** Any further own enumerable fields of the remote error (`path`, `errno`, ...). */
  [field: string]: unknown;

  /**
   * @param message The full message, Electron's text.
   * @param code The remote error's `code`, or `'ERR_IPC_REMOTE'` when it had none.
   * @param options `cause` and `channel`.
   */
  constructor(message: string, code = 'ERR_IPC_REMOTE', options?: IpcErrorOptions) {
    super(message, code, options);
  }
}
