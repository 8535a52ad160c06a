import type {
  AnyChannels,
  ChannelMap,
  EventArgs,
  EventChannel,
  HostArgs,
  HostChannel,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  SendArgs,
  SendChannel,
  SyncArgs,
  SyncChannel,
  SyncResult,
} from '../channel/ChannelMap.js';

/**
 * An error as it crosses the bridge: plain data, because Electron's `contextBridge` turns a thrown
 * or rejected `Error` into a bare `Error(message)` (no `name`, no `code`, no fields).
 * `ipcRendererFromBridge` revives it as the same rxipc class (`kind`) with its `name`, `code`,
 * `channel` and fields.
 */
export interface IpcBridgeError {
  /** The rxipc class to revive (`'IpcClosedError'`, `'IpcRemoteError'`, ...), or `'Error'`, `'TypeError'`, `'RangeError'`. */
  kind: string;
  /** The error's `name`. */
  name: string;
  /** The error's `message`. */
  message: string;
  /** The error's `code`, when it had a string or number one. */
  code?: string | number;
  /** Own enumerable fields (`channel`, `path`, ...), JSON-safe. */
  fields?: Record<string, unknown>;
  /** The cause, when it was an `Error`: name, message, code and fields. */
  cause?: IpcBridgeError;
}

/** What a bridge call returns: `{ ok: true, value }`, or `{ ok: false, error }` instead of throwing (see {@link IpcBridgeError}). */
export type IpcBridgeResult<T> = { ok: true; value: T } | { ok: false; error: IpcBridgeError };

/** One notification of a streamed call (`invokeStream`), given to the page's sink function. */
export type IpcBridgeStreamEvent<T = unknown> =
  { kind: 'next'; value: T } | { kind: 'error'; error: IpcBridgeError } | { kind: 'complete' };

/** What the preload reports to `watch`: a problem its renderer reported on `errors$`, or that it closed. */
export type IpcBridgeStatus = { kind: 'error'; error: IpcBridgeError } | { kind: 'closed' };

/** The channels a bridge allows, per kind of call, as copied (frozen) data the page can read. */
export interface IpcBridgeChannels {
  /** Channels for `send`. */
  readonly send: readonly string[];
  /** Channels for `sendSync`. */
  readonly sendSync: readonly string[];
  /** Channels for `sendToHost`. */
  readonly sendToHost: readonly string[];
  /** Channels for `invoke` and `invoke$` (`invokeStream`). */
  readonly invoke: readonly string[];
  /** Channels the page may listen to with `on`. */
  readonly on: readonly string[];
}

/**
 * The narrow API a preload script exposes to the page with
 * `contextBridge.exposeInMainWorld(key, exposeIpcBridge(...))`: plain functions and frozen data
 * only, so it survives Electron's context isolation. Every function checks its channel against the
 * allow-list, never throws across the bridge (failures are returned as data, so rxipc errors keep
 * their class, `name` and `code`), and never hands out `event.sender` or the renderer itself.
 * Listeners cross as functions that the page never gets back: `on` returns the disposer instead, so
 * removal works although `contextBridge` re-wraps every function (electron/electron#33328).
 *
 * Pages normally give it to `ipcRendererFromBridge`, which rebuilds a full renderer on top of it.
 * `M` (type only) is the channel map: `window.ipc` declared as `IpcBridge<AppChannels>` gives a
 * typed renderer.
 *
 * ## Example
 * ```ts
 * import { ipcRendererFromBridge, type IpcBridge } from 'rxipc/bridge';
 *
 * const bridge = (window as unknown as { ipc: IpcBridge }).ipc;
 * const off = bridge.on('tick', (n) => console.log('tick', n)); // raw use: arguments only
 * off();
 * const ipcRenderer = ipcRendererFromBridge(bridge);             // or the full renderer
 * ```
 */
export interface IpcBridge<M extends ChannelMap = AnyChannels> {
  /** The bridge's wire version. */
  readonly version: 1;
  /** The allowed channels, per kind of call. */
  readonly channels: IpcBridgeChannels;
  /** `ipcRenderer.send` on an allowed channel. */
  send<K extends SendChannel<M>>(channel: K, ...args: SendArgs<M, K>): IpcBridgeResult<undefined>;
  /** `ipcRenderer.sendSync` on an allowed channel: main's `event.returnValue`. */
  sendSync<K extends SyncChannel<M>>(channel: K, ...args: SyncArgs<M, K>): IpcBridgeResult<SyncResult<M, K>>;
  /** `ipcRenderer.sendToHost` on an allowed channel. */
  sendToHost<K extends HostChannel<M>>(channel: K, ...args: HostArgs<M, K>): IpcBridgeResult<undefined>;
  /** `ipcRenderer.invoke` on an allowed channel; the Promise always resolves, with the result or the failure. */
  invoke<K extends InvokeChannel<M>>(channel: K, ...args: InvokeArgs<M, K>): Promise<IpcBridgeResult<InvokeResult<M, K>>>;
  /**
   * `ipcRenderer.invoke$` on an allowed channel, as plain functions: `sink` gets every
   * notification; the returned function cancels (the main side's handler is unsubscribed and its
   * `event.signal` aborted). A renderer without `invoke$` (Electron's own) answers once.
   */
  invokeStream<K extends InvokeChannel<M>>(
    channel: K,
    args: InvokeArgs<M, K>,
    sink: (event: IpcBridgeStreamEvent<InvokeResult<M, K>>) => void,
  ): () => void;
  /**
   * Listens to an allowed channel: `listener(...args)` (no event object). Returns the function
   * that removes it (idempotent). Throws when the channel is not allowed.
   */
  on<K extends EventChannel<M>>(channel: K, listener: (...args: EventArgs<M, K>) => void): () => void;
  /** Reports what the preload's renderer reports on `errors$`, and its closing. Returns the function that stops it. */
  watch(callback: (status: IpcBridgeStatus) => void): () => void;
  /** Type only (never present at runtime): the channel map, read by `ipcRendererFromBridge`. */
  readonly '~channels'?: M;
}
