import type { SchedulerLike } from 'rxjs';
import type { EndpointTransport } from './EndpointTransport.js';
import { EndpointConnection } from './EndpointConnection.js';

/**
 * A postMessage-style platform object, reduced to what rxipc needs. Each transport adapts its
 * platform object (a `MessagePort`, a `Worker`, a `WebSocket`, a child process...) to this shape
 * with a tiny function, and `createEndpointTransport` does the rest.
 */
export interface Endpoint {
  /**
   * Sends one message to the peer (`postMessage`, `ws.send`, `process.send`...). Messages are
   * plain objects with strings, numbers, arrays of strings (several frames coalesced into one
   * message, see `coalesce`) and, where sync is on, a `SharedArrayBuffer`. `transfer` is only
   * passed by the sync lane of port-based endpoints (see `EndpointSyncOptions`).
   */
  post(message: unknown, transfer?: unknown[]): void;
  /**
   * Starts listening. `onMessage` receives each message as posted by the peer's `post`;
   * `onLost` reports that the peer went away (`cause` when there is one: an error, an exit code).
   * @returns A function that stops listening.
   */
  listen(onMessage: (message: unknown) => void, onLost: (cause?: unknown) => void): () => void;
  /** Releases the resource once the transport is done (`port.close()`, `worker.terminate()`...). */
  close?(): void;
  /**
   * How much the platform has queued for the peer and not yet sent (`WebSocket.bufferedAmount`,
   * a Node IPC channel's unfinished writes). Leave it out where the platform cannot tell (a
   * `postMessage` queue cannot be observed): then only the frames the transport holds itself
   * count against `highWaterMark`.
   */
  bufferedAmount?(): number;
  /**
   * Whether frames and batches are posted in their text form (`'rxipc:frame:<seq>:<data>'`, one
   * string) instead of `{ rxipc: 'frame', seq, data }` objects: a structured clone of one string
   * costs about half as much. Every endpoint accepts both forms, whatever it posts.
   * @default false
   */
  readonly textFrames?: boolean;
}

/** Options of the blocking `nextSync` (what `ipcRenderer.sendSync` needs). */
export interface EndpointSyncOptions {
  /**
   * Node's `receiveMessageOnPort` from `node:worker_threads`. When given, frames the peer sends
   * while this side blocks come through a dedicated `MessagePort` drained synchronously; without
   * it they are copied into a shared ring buffer. Passed in so browser bundles never import Node.
   */
  receiveMessageOnPort?(port: any): { message: unknown } | undefined;
  /**
   * The `MessageChannel` constructor used for that dedicated port.
   * @default globalThis.MessageChannel
   */
  MessageChannel?: new () => { port1: any; port2: any };
  /**
   * Bytes of the shared ring (rounded up to a power of two). A frame larger than this cannot
   * reach a blocked side: if it is the reply, the wait ends in `IpcTimeoutError`.
   * @default 1048576 (1 MiB)
   */
  bufferSize?: number;
}

/** Options of `createEndpointTransport`. */
export interface EndpointTransportOptions {
  /**
   * Milliseconds to wait for the peer's handshake; then subscribers error with `IpcTimeoutError`.
   * @default 10000
   */
  handshakeTimeout?: number;
  /**
   * Milliseconds between two hellos while the peer has not answered (it may start listening late).
   * @default 100
   */
  handshakeRetry?: number;
  /**
   * Milliseconds `complete()` waits for the peer to acknowledge the goodbye before releasing the
   * endpoint (`close()`): what was sent before `complete()` is handled by the peer first.
   * @default 1000
   */
  closeTimeout?: number;
  /**
   * The scheduler of hello retries, timeouts and deferred delivery.
   * @default asyncScheduler
   */
  scheduler?: SchedulerLike;
  /**
   * Gives the transport a blocking `nextSync` (so `ipcRenderer.sendSync` works) when this thread
   * may block (`Atomics.wait`: Node, Web Workers of a cross-origin-isolated page; never a page's
   * main thread). Only turn it on where the peer runs on another thread: a blocked thread cannot
   * answer itself. The answering side needs no option.
   * @default false
   */
  sync?: boolean | EndpointSyncOptions;
  /**
   * Frames sent in the same tick travel as one message: the first frame of a tick is posted at
   * once, the ones that follow it in the same tick are posted together, as one message, when the
   * tick ends (a run of this scheduler), or as soon as they hold 64 Ki characters. Order and
   * sequence numbers are kept; the receiving side unpacks. A tick also ends when a message from
   * the peer arrives (a new task), so a request or an answer sent on its own costs no scheduling;
   * a lone frame sent later without any message in between waits for the end of its tick.
   * `true` ends a tick on `asapScheduler` (a microtask); pass another scheduler (a
   * `TestScheduler`) to drive it, or `false` to post every frame as a message of its own (an
   * endpoint that must see each frame as it is sent, such as the Electron adapters).
   * @default true
   */
  coalesce?: boolean | SchedulerLike;
  /**
   * How much may be queued for the peer before `next` refuses frames: while the endpoint's
   * `bufferedAmount()` plus the frames this transport holds (characters) is at or above it, `next`
   * throws `IpcBackpressureError` and sends nothing (so `send` throws, `invoke` rejects), until
   * the peer has read enough (`drained()`). Before the handshake it bounds the frames kept for the
   * peer, on every endpoint. The memory held for the peer stays below the mark plus one frame.
   * `Infinity` turns it off.
   * @default 16777216 (16 MiB)
   */
  highWaterMark?: number;
  /**
   * Called with each incoming message that is not a valid rxipc transport message; it is dropped.
   * @default undefined (dropped silently)
   */
  onIgnored?(message: unknown): void;
}

/**
 * Turns a postMessage-style `Endpoint` into an rxipc transport (`SubjectLike<string>`): a
 * handshake (both sides say hello, re-sent until the peer answers), frames sent before the peer
 * is ready kept and sent in order once it is, an `IpcTimeoutError` when it never answers, a
 * goodbye on `complete()`, and the peer's goodbye or loss completing (or erroring) subscribers.
 * Every frame carries a sequence number; incoming frames are delivered in order. Frames sent in
 * one tick travel as one message (`coalesce`). When the peer does not read as fast as this side
 * sends, `next` refuses frames with `IpcBackpressureError` past `highWaterMark`, on endpoints that
 * can tell (`bufferedAmount`). With `sync`, it also implements the blocking `nextSync` over shared
 * memory. The transport-level messages are objects `{ rxipc: 'hello' | 'ack' | 'frame' | 'frames'
 * | 'bye', ... }`, frames and batches as one string each (`'rxipc:frame:<seq>:<data>'`) when the
 * endpoint says `textFrames`; both forms are accepted from the peer; anything else is ignored,
 * never thrown.
 *
 * ## Example
 * ```ts
 * import { IpcRenderer } from 'rxipc';
 * import { createEndpointTransport, type Endpoint } from 'rxipc/transports/endpoint';
 *
 * // Any postMessage-style object, here a BroadcastChannel-like `bus`:
 * const endpoint: Endpoint = {
 *   post: (message) => bus.postMessage(message),
 *   listen: (onMessage) => {
 *     const listener = (event: MessageEvent) => onMessage(event.data);
 *     bus.addEventListener('message', listener);
 *     return () => bus.removeEventListener('message', listener);
 *   },
 *   close: () => bus.close(),
 * };
 * const ipcRenderer = new IpcRenderer(createEndpointTransport(endpoint));
 * ```
 *
 * @param endpoint The adapted platform object; the transport owns it from now on.
 * @param options Handshake and close timing, the scheduler, coalescing, the high-water mark,
 * blocking `nextSync`.
 * @returns The transport; it has `nextSync` only when `sync` is on and this thread can block.
 * @throws RangeError (`ERR_OUT_OF_RANGE`) when `highWaterMark` is not a positive number.
 */
export function createEndpointTransport(endpoint: Endpoint, options: EndpointTransportOptions = {}): EndpointTransport {
  return new EndpointConnection(endpoint, options).transport();
}
