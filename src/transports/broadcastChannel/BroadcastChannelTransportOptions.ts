import type { SchedulerLike } from 'rxjs';
import type { BroadcastChannelConstructor, PageHideTarget } from './BroadcastChannelLike.js';

/** Options of `broadcastChannelTransport` (a renderer) and `broadcastChannelMain`. */
export interface BroadcastChannelTransportOptions {
  /**
   * The `BroadcastChannel` constructor.
   * @default globalThis.BroadcastChannel
   */
  BroadcastChannel?: BroadcastChannelConstructor;
  /**
   * Your window, to tell the other side at once when it goes away (`'pagehide'`: the tab closed or
   * navigated) instead of leaving it to the heartbeat. Leave it out in a worker.
   * @default undefined
   */
  self?: PageHideTarget;
  /**
   * Milliseconds between heartbeats on each connection; `0` turns the heartbeat off (a crashed
   * tab is then never noticed).
   * @default 1000
   */
  heartbeatInterval?: number;
  /**
   * How many heartbeats in a row may go unanswered before the other side counts as gone: the
   * transport completes between `heartbeatMisses × heartbeatInterval` and one interval more after
   * its last message.
   * @default 3
   */
  heartbeatMisses?: number;
  /**
   * Milliseconds to wait for the other side to answer the handshake before the transport errors
   * with `IpcTimeoutError` (for a renderer: no main listens on the channel name).
   * @default the default of createEndpointTransport
   */
  handshakeTimeout?: number;
  /**
   * How many characters of frames each connection may hold for the other side (those sent before
   * the handshake, and the current tick's batch) before `send` throws `IpcBackpressureError`.
   * `BroadcastChannel` cannot report its own queue, so this bounds only what rxipc holds.
   * @default the default of createEndpointTransport (16 MiB)
   */
  highWaterMark?: number;
  /**
   * The scheduler of the heartbeat and the handshake timeout.
   * @default asyncScheduler
   */
  scheduler?: SchedulerLike;
}
