import { asapScheduler, type Unsubscribable } from 'rxjs';
import { createEndpointTransport, type Endpoint } from '../../endpoint/createEndpointTransport.js';
import { fromText, toText } from './webSocketText.js';
import { withHeartbeat } from '../heartbeat.js';
import type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
import type { WebSocketLike } from './WebSocketLike.js';
import type { WebSocketTransportOptions } from './WebSocketTransportOptions.js';

const CONNECTING = 0;
const OPEN = 1;
/** The close code rxipc uses when it closes the socket itself. */
const NORMAL_CLOSURE = 1000;

/**
 * Creates a transport over one WebSocket: a browser `WebSocket`, a `ws` client, or a socket a
 * `ws` server accepted (see `acceptWebSockets` for the server side). Frames sent while the
 * socket is still connecting wait in the transport until the handshake, once it is open; the
 * socket closing (either side, or the
 * network) completes the transport, so pending calls reject with `IpcClosedError` and the
 * main side's `WebContents` is destroyed. Completing the transport closes the socket after the
 * frames already sent. `sendSync` is not possible over a WebSocket: it throws
 * `IpcSyncUnsupportedError` (use `invoke`). A peer that does not read as fast as this side
 * sends makes the socket's `bufferedAmount` grow: past `highWaterMark` (16 MiB by default) sends
 * throw `IpcBackpressureError` until it drains (`transport.drained()`).
 *
 * ## Example
 * ```ts
 * import { IpcRenderer } from 'rxipc';
 * import { webSocketTransport } from 'rxipc/transports/webSocket';
 *
 * const ipcRenderer = new IpcRenderer(webSocketTransport(new WebSocket('ws://127.0.0.1:8080')));
 * ipcRenderer.on('tick', (_event, n) => console.log('tick', n));
 * console.log(await ipcRenderer.invoke('sum', 1, 2)); // 3
 * ```
 *
 * @param socket The socket; create the transport before the socket receives anything (at once
 *   after `new WebSocket(...)`, or in the server's `'connection'` listener).
 * @param options The handshake and close timing, their scheduler, `highWaterMark`, `onIgnored`.
 * @returns A transport whose frames are the socket's text messages.
 * @see acceptWebSockets
 */
export function webSocketTransport(socket: WebSocketLike, options?: WebSocketTransportOptions): EndpointTransport {
  const { heartbeatInterval, heartbeatMisses, ...rest } = options ?? {};
  const endpoint = withHeartbeat(webSocketEndpoint(socket, rest), { heartbeatInterval, heartbeatMisses, scheduler: rest.scheduler });
  return createEndpointTransport(endpoint, rest);
}

function webSocketEndpoint(socket: WebSocketLike, options?: WebSocketTransportOptions): Endpoint {
  const scheduler = options?.scheduler ?? asapScheduler;
  let detach: (() => void) | undefined;
  const endpoint: Endpoint = {
    post(message) {
      // Transport messages in their text form; the heartbeat's pings are text already.
      const frame = typeof message === 'string' ? message : toText(message);
      // Only the handshake's hellos are posted before the socket opens: they are dropped, and the
      // handshake completes with the peer's hello once it is open (or a retry). A closing or closed
      // socket drops frames too: its 'close' event reports the loss.
      if (frame !== undefined && socket.readyState === OPEN) socket.send(frame);
    },
    listen(onMessage, onLost) {
      let failure: unknown;
      let pendingLoss: Unsubscribable | undefined;
      const onSocketMessage = (event: { data: unknown }): void => onMessage(fromText(event.data));
      const onError = (event: unknown): void => {
        failure = (event as { error?: unknown }).error ?? event;
      };
      const onClose = (event: { code?: number; reason?: string }): void => {
        const reason = event.reason ? `: ${event.reason}` : '';
        onLost(
          new Error(
            `The WebSocket closed (code ${event.code ?? 'unknown'}${reason})`,
            failure === undefined ? undefined : { cause: failure },
          ),
        );
      };
      socket.addEventListener('message', onSocketMessage);
      socket.addEventListener('error', onError);
      socket.addEventListener('close', onClose);
      if (socket.readyState > OPEN) {
        pendingLoss = scheduler.schedule(() => onLost(new Error('The WebSocket was already closing or closed')));
      }
      detach = () => {
        detach = undefined;
        pendingLoss?.unsubscribe();
        socket.removeEventListener('message', onSocketMessage);
        socket.removeEventListener('error', onError);
        socket.removeEventListener('close', onClose);
      };
      return () => detach?.();
    },
    close() {
      detach?.();
      if (socket.readyState === OPEN) {
        socket.close(NORMAL_CLOSURE);
      } else if (socket.readyState === CONNECTING) {
        // Closing a socket that is still connecting fails it with an error event; close it
        // properly once it is open instead.
        const closeOnOpen = (): void => {
          socket.removeEventListener('open', closeOnOpen);
          socket.removeEventListener('error', ignore);
          socket.close(NORMAL_CLOSURE);
        };
        const ignore = (): void => socket.removeEventListener('open', closeOnOpen);
        socket.addEventListener('open', closeOnOpen);
        socket.addEventListener('error', ignore);
      }
    },
  };
  if (typeof socket.bufferedAmount === 'number') endpoint.bufferedAmount = () => socket.bufferedAmount ?? 0;
  return endpoint;
}
