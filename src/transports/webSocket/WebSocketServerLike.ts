import type { WebSocketLike } from './WebSocketLike.js';

/**
 * The parts of a WebSocket server that `acceptWebSockets` uses: the `ws` package's
 * `WebSocketServer` fits. rxipc never imports `ws`: pass the server in.
 */
export interface WebSocketServerLike {
  /** Adds a `'connection'` listener, called with each accepted socket and its HTTP request. */
  on(event: 'connection', listener: (socket: WebSocketLike, request: unknown) => void): unknown;
  /** Removes it. */
  off(event: 'connection', listener: (socket: WebSocketLike, request: unknown) => void): unknown;
}
