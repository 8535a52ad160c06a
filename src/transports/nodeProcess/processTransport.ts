import { asapScheduler } from 'rxjs';
import { createEndpointTransport } from '../../endpoint/createEndpointTransport.js';
import type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
import { nodeIpcEndpoint } from './nodeIpcEndpoint.js';
import type { NodeProcessTransportOptions } from './NodeProcessTransportOptions.js';

/** The parts of a forked child's `process` that `processTransport` uses. */
export interface ProcessLike {
  /** Whether the IPC channel to the parent is still open. */
  readonly connected?: boolean;
  /** Sends one message to the parent; `undefined` when the process has no IPC channel. */
  send?(message: unknown, callback: (error: Error | null) => void): boolean;
  /** Adds an event listener (`'message'`, `'disconnect'`). */
  on(event: string, listener: (...args: any[]) => void): unknown;
  /** Removes an event listener. */
  off(event: string, listener: (...args: any[]) => void): unknown;
}

/**
 * Creates the child's end of a transport to its parent over Node's IPC channel, in a process
 * started with `child_process.fork`. Pass the child's `process` in. The parent uses
 * `childProcessTransport(child)`. The parent going away (`'disconnect'`) completes the transport.
 * While the transport is open it listens on the channel, which keeps the child alive; once it is
 * closed or lost it stops listening, so the child can exit by itself. A parent that stops reading
 * makes sends throw `IpcBackpressureError` past `highWaterMark`, as on the parent's side.
 *
 * ## Example
 * ```ts
 * // renderer.js, started by the parent with fork('./renderer.js')
 * import { IpcRenderer } from 'rxipc';
 * import { processTransport } from 'rxipc/transports/nodeProcess';
 *
 * const ipcRenderer = new IpcRenderer(processTransport(process));
 * console.log(await ipcRenderer.invoke('sum', 1, 2)); // 3
 * ipcRenderer.close(); // the child can now exit
 * ```
 *
 * @param proc The child's `process`, which must have an IPC channel (`process.send`).
 * @param options The handshake and close timing, their scheduler, `highWaterMark`.
 * @returns The child's end of the transport; lost at once when `proc` has no IPC channel.
 * @see childProcessTransport
 */
export function processTransport(proc: ProcessLike, options?: NodeProcessTransportOptions): EndpointTransport {
  const endpoint = nodeIpcEndpoint(
    proc,
    { disconnect: () => new Error('The parent process disconnected the IPC channel') },
    options?.scheduler ?? asapScheduler,
  );
  return createEndpointTransport(endpoint, options);
}
