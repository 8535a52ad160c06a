import type { WebContents } from './WebContents.js';

/** The first argument of a main-side listener, as Electron's `IpcMainEvent`. */
export interface IpcMainEvent {
  /** Always `'frame'`. */
  type: 'frame';
  /** The renderer's `WebContents`. */
  sender: WebContents;
  /** The renderer's process id: its `WebContents` id here. */
  processId: number;
  /** The frame id: always 0, rxipc has no frames. */
  frameId: number;
  /** Transferred ports: always empty, rxipc moves JSON. */
  ports: unknown[];
  /** For `sendSync` only: the first value assigned is the renderer's answer. */
  returnValue: any;
  /** Sends a message back to the renderer that sent this one, as `sender.send`. */
  reply(channel: string, ...args: unknown[]): void;
}

/** The first argument of an `invoke` handler, as Electron's `IpcMainInvokeEvent`, plus a cancellation signal. */
export interface IpcMainInvokeEvent {
  /** Always `'frame'`. */
  type: 'frame';
  /** The renderer's `WebContents`. */
  sender: WebContents;
  /** The renderer's process id: its `WebContents` id here. */
  processId: number;
  /** The frame id: always 0. */
  frameId: number;
  /**
   * Aborted (with an `IpcCancelledError` reason) when the renderer unsubscribes from `invoke$`,
   * closes, or is lost while the call is running.
   */
  signal: AbortSignal;
}
