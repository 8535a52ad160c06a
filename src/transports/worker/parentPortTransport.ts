import { createEndpointTransport } from '../../endpoint/createEndpointTransport.js';
import { portEndpoint } from '../../endpoint/portEndpoint.js';
import type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
import type { WorkerTransportOptions } from './workerTransport.js';
import { withHeartbeat } from '../heartbeat.js';

/**
 * What `parentPortTransport` needs: Node's `parentPort` (from `node:worker_threads`) or a Web
 * Worker's global scope (`self`).
 */
export interface ParentPortLike {
  postMessage(message: any, transfer?: any): void;
  addEventListener(type: string, listener: (event: any) => void): void;
  removeEventListener(type: string, listener: (event: any) => void): void;
}

/**
 * An rxipc transport from inside a worker to the thread that started it: pass Node's
 * `parentPort` or a Web Worker's `self`. The other side uses `workerTransport(worker)`. Either
 * side may be the main side; a renderer here gets a `sendSync` that really blocks (the worker
 * may block: `Atomics.wait`; in browsers the page must be cross-origin isolated). Closing the
 * transport stops listening; it does not end the worker (the parent's transport terminates it).
 *
 * ## Example
 * ```ts
 * // renderer.worker.ts (Node: pass { receiveMessageOnPort } for the fastest sendSync)
 * import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
 * import { IpcRenderer } from 'rxipc';
 * import { parentPortTransport } from 'rxipc/transports/worker';
 *
 * const ipcRenderer = new IpcRenderer(parentPortTransport(parentPort!, { sync: { receiveMessageOnPort } }));
 * const config = ipcRenderer.sendSync('config'); // blocks this worker until main answers
 * ```
 *
 * @param port Node's `parentPort`, or `self` in a Web Worker.
 * @param options `sync` (on by default), handshake timing, the scheduler.
 * @returns The transport.
 * @see workerTransport
 */
export function parentPortTransport(port: ParentPortLike, options: WorkerTransportOptions = {}): EndpointTransport {
  const { sync = true, heartbeatInterval, heartbeatMisses, ...rest } = options;
  // Node's parentPort fires 'close' when its channel closes; a worker's `self` never does.
  const beating = withHeartbeat(portEndpoint(port), { heartbeatInterval, heartbeatMisses, scheduler: rest.scheduler });
  return createEndpointTransport(beating, { ...rest, sync });
}
