import type { Observable } from 'rxjs';
import type { SubjectLike } from '../contract/SubjectLike.js';

/**
 * The transport `createEndpointTransport` returns (and with it every platform transport built on
 * it): a `SubjectLike<string>` that also tells how much it has queued for the peer, and when it
 * has room again after refusing a frame with `IpcBackpressureError` (see the `highWaterMark`
 * option).
 *
 * ## Example
 * ```ts
 * import { firstValueFrom } from 'rxjs';
 * import { IpcBackpressureError, IpcRenderer } from 'rxipc';
 * import { webSocketTransport } from 'rxipc/transports/webSocket';
 *
 * const transport = webSocketTransport(new WebSocket('ws://127.0.0.1:8080'));
 * const ipcRenderer = new IpcRenderer(transport);
 * try {
 *   ipcRenderer.send('sample', reading);
 * } catch (err) {
 *   if (!(err instanceof IpcBackpressureError)) throw err;
 *   console.log(`${transport.bufferedAmount()} queued; waiting`);
 *   await firstValueFrom(transport.drained());
 *   ipcRenderer.send('sample', reading);
 * }
 * ```
 */
export interface EndpointTransport extends SubjectLike<string> {
  /**
   * How much is queued for the peer and not yet sent: the frames this transport holds itself
   * (before the handshake, and those of the current tick when frames are coalesced), in
   * characters, plus what the platform reports it has queued (`WebSocket.bufferedAmount`, the
   * unfinished writes of a Node IPC channel), where it can tell.
   *
   * @returns The amount; `next` refuses frames while it is at or above the high-water mark.
   */
  bufferedAmount(): number;
  /**
   * Waits for room: emits once and completes as soon as `bufferedAmount()` is at or below half
   * the high-water mark (at once when it already is). It checks on the transport's scheduler
   * every 10 ms, and errors with `IpcClosedError` if the transport ends first.
   *
   * @returns A cold Observable; each subscription waits on its own.
   */
  drained(): Observable<void>;
}
