import {
  createEndpointTransport,
  type Endpoint,
  type EndpointSyncOptions,
  type EndpointTransportOptions,
} from '../../endpoint/createEndpointTransport.js';
import type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
import { withHeartbeat, type HeartbeatTransportOptions } from '../heartbeat.js';

/** A browser `Worker` as `workerTransport` needs it. */
export interface WebWorkerLike {
  postMessage(message: any, transfer: any): void;
  addEventListener(type: string, listener: (event: any) => void): void;
  removeEventListener(type: string, listener: (event: any) => void): void;
  terminate(): void;
}

/** A Node `worker_threads` `Worker` as `workerTransport` needs it. */
export interface NodeWorkerLike {
  postMessage(value: any, transferList?: any): void;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  terminate(): unknown;
}

/** Options of `workerTransport` and `parentPortTransport`. */
export interface WorkerTransportOptions extends Omit<EndpointTransportOptions, 'sync'>, HeartbeatTransportOptions {
  /**
   * A blocking `nextSync` on this side (what `ipcRenderer.sendSync` needs) when this thread may
   * block; the other side is always another thread. In Node, pass `{ receiveMessageOnPort }`
   * from `node:worker_threads` to drain replies from a port instead of a shared ring.
   * @default true
   */
  sync?: boolean | EndpointSyncOptions;
}

/** Options of `workerTransport`. */
export interface WorkerSideOptions extends WorkerTransportOptions {
  /**
   * Whether closing the transport (`webContents.close()`, `ipcRenderer.close()`, or the worker
   * side closing) terminates the worker, once it has handled what was sent before.
   * @default true
   */
  terminate?: boolean;
}

function isNodeWorker(worker: WebWorkerLike | NodeWorkerLike): worker is NodeWorkerLike {
  return typeof (worker as Partial<NodeWorkerLike>).on === 'function';
}

/**
 * An rxipc transport from the thread that started a worker to that worker: a page's Web
 * `Worker`, or a Node `worker_threads` `Worker`. Inside the worker, use `parentPortTransport`.
 * Either side may be the main side. The worker going away is detected: Node's `'exit'` and
 * `'error'` events; in browsers its `'error'` event (an uncaught error or a script that failed to
 * load). A browser cannot observe `worker.terminate()` or `self.close()`: terminate through the
 * transport (closing it terminates the worker), or turn on the heartbeat (`heartbeatInterval`),
 * which also notices a hung worker. Where this thread may block (Node's main thread;
 * never a page's main thread) it offers the blocking `sendSync`.
 *
 * ## Example
 * ```ts
 * import { IpcMain } from 'rxipc';
 * import { workerTransport } from 'rxipc/transports/worker';
 *
 * const ipcMain = new IpcMain();
 * ipcMain.on('config', (event) => { event.returnValue = { theme: 'dark' }; });
 * const worker = new Worker(new URL('./renderer.worker.js', import.meta.url), { type: 'module' });
 * const webContents = ipcMain.connect(workerTransport(worker));
 * webContents.once('destroyed', () => console.log('worker gone'));
 * ```
 *
 * @param worker The worker object (the transport listens to it and, on close, terminates it).
 * @param options `terminate`, `sync`, handshake timing, the scheduler.
 * @returns The transport.
 * @see parentPortTransport
 */
export function workerTransport(worker: WebWorkerLike | NodeWorkerLike, options: WorkerSideOptions = {}): EndpointTransport {
  const { terminate = true, sync = true, heartbeatInterval, heartbeatMisses, ...rest } = options;
  const endpoint: Endpoint = {
    textFrames: true, // frames as strings: cheaper to clone (see portEndpoint)
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    listen: isNodeWorker(worker)
      ? (onMessage, onLost) => {
          const error = (cause: unknown): void => onLost(cause);
          const exit = (code: number): void =>
            onLost(code === 0 ? undefined : Object.assign(new Error(`The worker exited with code ${code}`), { exitCode: code }));
          worker.on('message', onMessage);
          worker.on('error', error);
          worker.on('exit', exit);
          return () => {
            worker.off('message', onMessage);
            worker.off('error', error);
            worker.off('exit', exit);
          };
        }
      : (onMessage, onLost) => {
          const message = (event: { data: unknown }): void => onMessage(event.data);
          const error = (event: { error?: unknown; message?: string }): void =>
            onLost(event.error ?? new Error(event.message ?? 'The worker failed'));
          worker.addEventListener('message', message);
          worker.addEventListener('error', error);
          return () => {
            worker.removeEventListener('message', message);
            worker.removeEventListener('error', error);
          };
        },
  };
  if (terminate) endpoint.close = () => void worker.terminate();
  const beating = withHeartbeat(endpoint, { heartbeatInterval, heartbeatMisses, scheduler: rest.scheduler });
  return createEndpointTransport(beating, { ...rest, sync });
}
