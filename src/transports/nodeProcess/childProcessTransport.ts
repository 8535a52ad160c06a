import { asapScheduler } from 'rxjs';
import { createEndpointTransport } from '../../endpoint/createEndpointTransport.js';
import type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
import { nodeIpcEndpoint, NOT_LOST } from './nodeIpcEndpoint.js';
import type { NodeProcessTransportOptions } from './NodeProcessTransportOptions.js';

/** The parts of Node's `ChildProcess` that `childProcessTransport` uses. */
export interface ChildProcessLike {
  /** Whether the IPC channel is still open. */
  readonly connected: boolean;
  /** The child's process id; `undefined` when it could not be started. */
  readonly pid?: number | undefined;
  /** Sends one message to the child over the IPC channel. */
  send(message: unknown, callback: (error: Error | null) => void): boolean;
  /** Adds an event listener (`'message'`, `'exit'`, `'disconnect'`, `'error'`). */
  on(event: string, listener: (...args: any[]) => void): unknown;
  /** Removes an event listener. */
  off(event: string, listener: (...args: any[]) => void): unknown;
}

/**
 * Creates the parent's end of a transport to a child process started with
 * `child_process.fork` (or `spawn` with an `'ipc'` stdio entry), over Node's IPC channel. The
 * child uses `processTransport(process)`. Frames sent before the child is ready wait for it;
 * the child exiting, disconnecting or failing to start (`'exit'`, `'disconnect'`, `'error'`)
 * completes the transport, so a connected `WebContents` is destroyed and pending calls reject
 * with `IpcClosedError`. Closing the transport leaves the child and its IPC channel alone. The
 * application may keep sending its own messages on the same channel: rxipc only reads its own
 * (objects tagged `rxipc`). A child that stops reading makes the channel's unfinished writes
 * grow: past `highWaterMark` (16 MiB of frames by default) sends throw `IpcBackpressureError`
 * until it catches up (`transport.drained()`).
 *
 * ## Example
 * ```ts
 * import { fork } from 'node:child_process';
 * import { IpcMain } from 'rxipc';
 * import { childProcessTransport } from 'rxipc/transports/nodeProcess';
 *
 * const ipcMain = new IpcMain();
 * ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
 *
 * const child = fork('./renderer.js');
 * const webContents = ipcMain.connect(childProcessTransport(child));
 * webContents.once('destroyed', () => console.log('child gone'));
 * ```
 *
 * @param child The forked `ChildProcess`.
 * @param options The handshake and close timing, their scheduler, `highWaterMark`.
 * @returns The parent's end of the transport.
 * @see processTransport
 */
export function childProcessTransport(child: ChildProcessLike, options?: NodeProcessTransportOptions): EndpointTransport {
  const endpoint = nodeIpcEndpoint(
    child,
    {
      exit: (code: number | null, signal: string | null) =>
        new Error(`The child process exited (${signal === null ? `code ${code}` : `signal ${signal}`})`),
      disconnect: () => new Error('The child process disconnected its IPC channel'),
      // Also emitted when a kill fails; only a child that never started (no pid) is lost.
      error: (error: unknown) => (child.pid === undefined ? error : NOT_LOST),
    },
    options?.scheduler ?? asapScheduler,
  );
  return createEndpointTransport(endpoint, options);
}
