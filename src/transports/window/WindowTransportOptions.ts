import type { SchedulerLike } from 'rxjs';
import type { TargetWindowLike, WindowLike } from './WindowLike.js';
import type { WindowRejection } from './WindowRejection.js';

/** Options of `windowTransport`. */
export interface WindowTransportOptions {
  /** Your own window: where the peer's messages arrive as `'message'` events. */
  self: WindowLike;
  /**
   * The peer's window: `iframe.contentWindow`, `window.parent`, `window.opener`, or what
   * `window.open` returned.
   */
  target: TargetWindowLike;
  /**
   * The origin the peer's document must have for a message to be delivered to it
   * (`postMessage`'s second argument), e.g. `'https://app.example'`. `'*'` is refused with
   * `IpcUnsafeOriginError` unless `allowAnyOrigin` is `true`.
   */
  targetOrigin: string;
  /**
   * The origins whose messages are accepted, each exactly as `event.origin` spells it
   * (`'https://app.example'`, no path, no trailing slash). `'*'` and `'null'` (the opaque origin
   * every sandboxed frame and `data:` URL shares) need `allowAnyOrigin`.
   * @default [self.origin] (your own origin)
   */
  allowedOrigins?: readonly string[];
  /**
   * Allows `targetOrigin: '*'` and `'*'` / `'null'` in `allowedOrigins`. Messages still have to
   * come from the `target` window. Only for a peer whose origin you cannot know (a sandboxed
   * frame): anything loaded into that window can then read your frames and send you some.
   * @default false
   */
  allowAnyOrigin?: boolean;
  /**
   * The connection's name: both ends must use the same one. Several connections between the
   * same two windows (say, a renderer's transport and its `host` transport) need different names.
   * @default 'rxipc'
   */
  name?: string;
  /**
   * Called for every `'message'` event of `self` that was dropped (see `WindowRejection`): from
   * another window, from an origin not allowed, not a window frame, or for another connection.
   * Without it, dropped messages that look like rxipc frames, and every message from the target
   * window with an origin not allowed, are logged with `console.warn`; other pages' messages are
   * dropped silently.
   * @default undefined
   */
  onReject?: (rejection: WindowRejection) => void;
  /**
   * Milliseconds between heartbeats once connected; `0` turns the heartbeat off (a peer that
   * vanishes without a word is then never noticed).
   * @default 1000
   */
  heartbeatInterval?: number;
  /**
   * How many heartbeats in a row may go unanswered before the peer counts as gone: the transport
   * completes between `heartbeatMisses × heartbeatInterval` and one interval more after the peer's
   * last message.
   * @default 3
   */
  heartbeatMisses?: number;
  /**
   * Whether this side tells the peer at once when its window goes away (`'pagehide'`: the frame
   * removed or navigated, the tab closed) and completes itself, instead of leaving the peer to
   * notice at the heartbeat.
   * @default true
   */
  notifyOnPageHide?: boolean;
  /**
   * Milliseconds to wait for the peer to answer the handshake before the transport errors with
   * `IpcTimeoutError`.
   * @default the default of createEndpointTransport
   */
  handshakeTimeout?: number;
  /**
   * How many characters of frames this transport may hold for the peer (those sent before the
   * handshake, and the current tick's batch) before `send` throws `IpcBackpressureError`.
   * `postMessage` itself cannot report a queue, so this bounds only what rxipc holds: a frame
   * that never loads cannot make the page's outbox grow without end.
   * @default the default of createEndpointTransport (16 MiB)
   */
  highWaterMark?: number;
  /**
   * The scheduler of the heartbeat and the handshake timeout.
   * @default asyncScheduler
   */
  scheduler?: SchedulerLike;
}
