import type { Observer, Unsubscribable } from 'rxjs';

/**
 * What every rxipc transport is: an observer you push frames into (`next` sends one frame to the
 * peer, `complete` closes the connection) and an observable of the frames the peer sent
 * (`subscribe`; it completes when the peer closes or is lost, and errors when the link fails).
 * A transport moves strings and knows nothing of channels, JSON or IPC semantics. RxJS's
 * `Subject` and `WebSocketSubject` fit this shape.
 *
 * ## Example
 * ```ts
 * import { Subject } from 'rxjs';
 * import { IpcMain, type SubjectLike } from 'rxipc';
 *
 * // A transport over any duplex `port` with postMessage + onmessage:
 * function portTransport(port: MessagePort): SubjectLike<string> {
 *   const incoming = new Subject<string>();
 *   port.onmessage = (e) => incoming.next(e.data);
 *   return {
 *     next: (frame) => port.postMessage(frame),
 *     complete: () => { port.close(); incoming.complete(); },
 *     subscribe: (observer) => incoming.subscribe(observer),
 *   };
 * }
 * ```
 */
export interface SubjectLike<T> {
  /** Sends one frame to the peer. Frames arrive in the order they were sent. */
  next(value: T): void;
  /** Closes the connection: frames already sent still arrive, then the peer's observers complete. */
  complete(): void;
  /** Observes the frames the peer sends. */
  subscribe(observer: Partial<Observer<T>>): Unsubscribable;
}

/**
 * A transport that can answer a request synchronously: either because the peer is in the same
 * realm (the memory pair), or because this side can block on it (a worker with `Atomics.wait`).
 * `sendSync` needs it.
 *
 * ## Example
 * ```ts
 * import { createMemoryTransportPair, isSyncTransport } from 'rxipc';
 *
 * const [mainEnd, rendererEnd] = createMemoryTransportPair();
 * isSyncTransport(rendererEnd); // true
 * ```
 */
export interface SyncTransport<T> extends SubjectLike<T> {
  /**
   * Sends `value` after everything sent before it, then returns the first frame from the peer for
   * which `isReply` is true. Frames that arrive meanwhile and are not the reply stay queued for the
   * ordinary `subscribe` delivery, in order.
   *
   * @param value The request frame.
   * @param isReply Recognises the answer.
   * @param timeout Milliseconds to wait where this side really blocks.
   * @returns The reply, or `undefined` when the peer is in-process and did not answer during the call.
   * @throws IpcTimeoutError when a blocking wait runs out.
   */
  nextSync(value: T, isReply: (incoming: T) => boolean, timeout: number): T | undefined;
}

/**
 * Tells whether a transport supports the synchronous path `sendSync` needs.
 *
 * @param transport Any transport.
 * @returns `true` when it has `nextSync`.
 */
export function isSyncTransport<T>(transport: SubjectLike<T>): transport is SyncTransport<T> {
  return typeof (transport as Partial<SyncTransport<T>>).nextSync === 'function';
}

/**
 * What a transport's observers receive when it can carry ports: `next(frame, ports)`, where
 * `ports` are the transferable objects (`MessagePort`s, Electron's `MessagePortMain`s) that
 * travelled out of band beside that frame, and `undefined` (or empty) for a frame that carried none.
 */
export interface PortObserver<T> extends Partial<Observer<T>> {
  /** One frame from the peer, with the ports that came beside it. */
  next?: (value: T, ports?: readonly unknown[]) => void;
}

/**
 * A transport that can move `MessagePort`s (or other transferable objects its platform moves)
 * beside a frame: `ipcRenderer.postMessage(channel, message, [port])`,
 * `webContents.postMessage(...)` and `event.ports` need it. The frame stays JSON text; the ports
 * travel out of band (`postMessage`'s transfer list) and reach the peer's observers as the
 * second argument of `next`, with that frame. A transport that cannot transfer (a WebSocket, a
 * Node IPC channel, a `BroadcastChannel`) does not implement it, and the facades throw a named
 * error at the call, before anything is sent.
 *
 * ## Example
 * ```ts
 * import { createMemoryTransportPair, isPortTransport } from 'rxipc';
 *
 * const [mainEnd] = createMemoryTransportPair();
 * if (isPortTransport(mainEnd)) mainEnd.nextWithPorts(frameText, [port]);
 * ```
 */
export interface PortTransport<T> extends SubjectLike<T> {
  /**
   * Sends one frame with `ports` transferred beside it, in order with the frames sent by `next`.
   * The ports belong to the peer from now on.
   *
   * @param value The frame.
   * @param ports The objects to transfer (none: use `next`).
   */
  nextWithPorts(value: T, ports: readonly unknown[]): void;
  /** Observes the frames the peer sends, each with the ports that came beside it. */
  subscribe(observer: PortObserver<T>): Unsubscribable;
}

/**
 * Tells whether a transport can carry ports beside its frames.
 *
 * @param transport Any transport.
 * @returns `true` when it has `nextWithPorts`.
 */
export function isPortTransport<T>(transport: SubjectLike<T>): transport is PortTransport<T> {
  return typeof (transport as Partial<PortTransport<T>>).nextWithPorts === 'function';
}
