import type { AnyChannels, ChannelMap, EventArgs, EventChannel } from '../channel/ChannelMap.js';
import type { WebContents } from './WebContents.js';

/**
 * The first argument of a main-side listener, as Electron's `IpcMainEvent`. With a channel map
 * `M`, `reply` is checked against `M`'s `events` and `returnValue` is the `sync` channel's result
 * type `R` (`never` on a `send`-only channel, which nobody waits on).
 */
export interface IpcMainEvent<M extends ChannelMap = AnyChannels, R = any> {
  /** Always `'frame'`. */
  type: 'frame';
  /** The renderer's `WebContents`. */
  sender: WebContents<M>;
  /** The renderer's process id: its `WebContents` id here. */
  processId: number;
  /** The frame id: always 0, rxipc has no frames. */
  frameId: number;
  /** Transferred ports: always empty, rxipc moves JSON. */
  ports: unknown[];
  /** For `sendSync` only: the first value assigned is the renderer's answer. */
  returnValue: R;
  /** Sends a message back to the renderer that sent this one, as `sender.send`. */
  reply<K extends EventChannel<M>>(channel: K, ...args: EventArgs<M, K>): void;
}

/** The first argument of an `invoke` handler, as Electron's `IpcMainInvokeEvent`, plus a cancellation signal. */
export interface IpcMainInvokeEvent<M extends ChannelMap = AnyChannels> {
  /** Always `'frame'`. */
  type: 'frame';
  /** The renderer's `WebContents`. */
  sender: WebContents<M>;
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
