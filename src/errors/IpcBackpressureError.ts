import { IpcError, type IpcErrorOptions } from './IpcError.js';

/**
 * Raised synchronously by a send when its transport refuses the frame because too much is already
 * queued for the peer (its `highWaterMark`): the peer does not read as fast as this side sends.
 * The frame is not sent and nothing is kept for later: `send` throws it, `invoke` rejects with it,
 * `invoke$` errors with it, and no call is left pending. Wait for the transport to drain
 * (`transport.drained()`), then send again.
 *
 * ## Example
 * ```ts
 * import { firstValueFrom } from 'rxjs';
 * import { IpcBackpressureError, IpcRenderer } from 'rxipc';
 * import { webSocketTransport } from 'rxipc/transports/webSocket';
 *
 * const transport = webSocketTransport(new WebSocket('ws://127.0.0.1:8080'), { highWaterMark: 4 * 1024 * 1024 });
 * const ipcRenderer = new IpcRenderer(transport);
 *
 * async function upload(chunks: string[]): Promise<void> {
 *   for (const chunk of chunks) {
 *     try {
 *       ipcRenderer.send('chunk', chunk);
 *     } catch (err) {
 *       if (!(err instanceof IpcBackpressureError)) throw err;
 *       await firstValueFrom(transport.drained()); // the socket has room again
 *       ipcRenderer.send('chunk', chunk);
 *     }
 *   }
 * }
 * ```
 *
 * @see IpcError, EndpointTransportOptions.highWaterMark
 */
export class IpcBackpressureError extends IpcError {
  override name = 'IpcBackpressureError';

  /**
   * @param message What went wrong.
   * @param options `cause`, as for `Error`, and the `channel` involved.
   */
  constructor(message: string, options?: IpcErrorOptions) {
    super(message, 'ERR_IPC_BACKPRESSURE', options);
  }
}
