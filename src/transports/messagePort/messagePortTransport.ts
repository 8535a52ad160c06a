import { createEndpointTransport, type Endpoint, type EndpointTransportOptions } from '../../endpoint/createEndpointTransport.js';
import { portEndpoint } from '../../endpoint/portEndpoint.js';
import type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
import { withHeartbeat, type HeartbeatTransportOptions } from '../heartbeat.js';

/**
 * What `messagePortTransport` needs from a port: a DOM `MessagePort` (pages, workers, iframes)
 * and a Node `worker_threads` `MessagePort` both fit.
 */
export interface MessagePortLike {
  postMessage(message: any, transfer?: any): void;
  addEventListener(type: string, listener: (event: any) => void): void;
  removeEventListener(type: string, listener: (event: any) => void): void;
  start?(): void;
  close(): void;
}

/** Options of `messagePortTransport`: those of `createEndpointTransport`, and an opt-in heartbeat. */
export interface MessagePortTransportOptions extends EndpointTransportOptions, HeartbeatTransportOptions {}

/**
 * An rxipc transport over one end of a `MessageChannel`: a DOM `MessagePort` or a Node
 * `worker_threads` `MessagePort`. The other end gets its own `messagePortTransport`, in this
 * thread, a worker or a frame. Frames sent before the other end listens wait for it; the
 * transport owns the port and closes it when done. The other side going away is detected
 * when it closes through rxipc (always), and from the port's `'close'` event where the platform
 * fires one (Node always; Chromium not at the time of writing), or, with `heartbeatInterval`, when
 * it stops answering pings (which works everywhere). `sync: true` gives a blocking
 * `sendSync` where this thread may block and the other end is on another thread.
 *
 * ## Example
 * ```ts
 * import { IpcMain, IpcRenderer } from 'rxipc';
 * import { messagePortTransport } from 'rxipc/transports/messagePort';
 *
 * const { port1, port2 } = new MessageChannel();
 * const webContents = new IpcMain().connect(messagePortTransport(port1));
 * worker.postMessage({ ipc: port2 }, [port2]);
 *
 * // in the worker, on receiving `ipc`:
 * const ipcRenderer = new IpcRenderer(messagePortTransport(event.data.ipc, { sync: true }));
 * ```
 *
 * @param port One end of a `MessageChannel`; the transport starts, uses and closes it.
 * @param options Handshake timing, the scheduler, `sync` (off by default: turn it on only on the
 * side that calls `sendSync`, in a thread that may block; in Node pass `receiveMessageOnPort`),
 * the opt-in heartbeat (`heartbeatInterval`, `heartbeatMisses`).
 * @returns The transport.
 * @see createEndpointTransport
 */
export function messagePortTransport(port: MessagePortLike, options: MessagePortTransportOptions = {}): EndpointTransport {
  const { heartbeatInterval, heartbeatMisses, ...rest } = options;
  const { post, listen, textFrames } = portEndpoint(port);
  const endpoint: Endpoint = {
    textFrames,
    post,
    listen: (onMessage, onLost) => {
      const stop = listen(onMessage, onLost);
      port.start?.();
      return stop;
    },
    close: () => port.close(),
  };
  const beating = withHeartbeat(endpoint, { heartbeatInterval, heartbeatMisses, scheduler: rest.scheduler });
  return createEndpointTransport(beating, rest);
}
