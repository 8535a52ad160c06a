/** The protocol version written into every frame as `v`. */
export const PROTOCOL_VERSION = 1;

/** An error as it travels on the wire: plain JSON, never an `Error` object. */
export interface WireError {
  /** The error's `name` (`'TypeError'`, ...). */
  name: string;
  /** The error's `message`. */
  message: string;
  /** What `String(error)` printed on the sending side: Electron puts this in its message. */
  text: string;
  /** The error's `code`, when it had a string or number one. */
  code?: string | number;
  /** Own enumerable fields other than name, message, stack, code and cause. */
  fields?: Record<string, unknown>;
  /** The error's `cause`, itself as a wire error when it was an `Error`. */
  cause?: WireError;
  /** The stack, only when the sending side exposes it. */
  stack?: string;
}

interface Base<K extends string> {
  v: typeof PROTOCOL_VERSION;
  kind: K;
}
interface WithChannel {
  channel: string;
  args: unknown[];
}
interface WithId {
  id: number;
}

/** renderer → main: `ipcRenderer.send`. */
export interface SendFrame extends Base<'send'>, WithChannel {}
/** renderer → main: `ipcRenderer.sendSync`; answered by a `reply` with the same id. */
export interface SyncFrame extends Base<'sync'>, WithChannel, WithId {}
/** renderer → main: `ipcRenderer.invoke`; answered by one `reply` or `error`. */
export interface InvokeFrame extends Base<'invoke'>, WithChannel, WithId {}
/** renderer → main: `ipcRenderer.invoke$`; answered by `next`* then `complete` or `error`. */
export interface InvokeStreamFrame extends Base<'invoke-stream'>, WithChannel, WithId {}
/** renderer → main: stop the stream or call with this id. */
export interface CancelFrame extends Base<'cancel'>, WithId {}
/** main → renderer: the answer to a `sync` or `invoke`. A missing `value` is `undefined`. */
export interface ReplyFrame extends Base<'reply'>, WithId {
  value?: unknown;
}
/** main → renderer: one value of an `invoke-stream`. */
export interface NextFrame extends Base<'next'>, WithId {
  value?: unknown;
}
/** main → renderer: an `invoke-stream` ended. */
export interface CompleteFrame extends Base<'complete'>, WithId {}
/** main → renderer: an `invoke` or `invoke-stream` failed. */
export interface ErrorFrame extends Base<'error'>, WithId {
  error: WireError;
}
/** main or host → renderer: `webContents.send`, `event.reply`, `host.send`. */
export interface MessageFrame extends Base<'message'>, WithChannel {}
/** renderer → host: `ipcRenderer.sendToHost`. */
export interface HostFrame extends Base<'host'>, WithChannel {}
/** either way: this side is closing; nothing follows. */
export interface CloseFrame extends Base<'close'> {
  reason?: string;
}

/**
 * Every frame rxipc puts on a transport, discriminated by a readable string `kind`.
 *
 * ## Example
 * ```ts
 * import { encodeFrame, PROTOCOL_VERSION } from 'rxipc';
 *
 * const text = encodeFrame({ v: PROTOCOL_VERSION, kind: 'send', channel: 'ping', args: [1] });
 * // '{"v":1,"kind":"send","channel":"ping","args":[1]}'
 * ```
 */
export type Envelope =
  | SendFrame
  | SyncFrame
  | InvokeFrame
  | InvokeStreamFrame
  | CancelFrame
  | ReplyFrame
  | NextFrame
  | CompleteFrame
  | ErrorFrame
  | MessageFrame
  | HostFrame
  | CloseFrame;

/** The `kind` of an `Envelope`. */
export type EnvelopeKind = Envelope['kind'];
