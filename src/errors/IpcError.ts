/** Options accepted by every `IpcError` constructor. */
export interface IpcErrorOptions {
  /** The error that caused this one. */
  cause?: unknown;
  /** The IPC channel involved. */
  channel?: string;
}

/**
 * The base class of every error rxipc raises. Each failure has its own subclass with a literal
 * `name` (minifiers cannot mangle it) and a stable string `code`, so callers can branch on either.
 *
 * ## Example
 * ```ts
 * import { createIpc, IpcError } from 'rxipc';
 *
 * const { ipcRenderer } = createIpc();
 * ipcRenderer.close();
 * try {
 *   ipcRenderer.send('ping');
 * } catch (err) {
 *   if (err instanceof IpcError) console.log(err.code); // 'ERR_IPC_CLOSED'
 * }
 * ```
 *
 * @see IpcClosedError, IpcSerializationError, IpcRemoteError
 */
export class IpcError extends Error {
  override name = 'IpcError';
  /** A stable, machine-readable code such as `'ERR_IPC_CLOSED'`. */
  code: string;
  /** The IPC channel involved, when there is one. */
  channel?: string;

  /**
   * @param message Human-readable text.
   * @param code The stable code; subclasses pass their own.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, code = 'ERR_IPC', options?: IpcErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options?.channel !== undefined) this.channel = options.channel;
  }
}
