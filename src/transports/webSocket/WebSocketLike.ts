/**
 * The parts of a WebSocket that rxipc uses: the browser's `WebSocket` and the `ws` package's
 * `WebSocket` (client or server side) both fit. rxipc never imports `ws`: pass the socket in.
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /**
   * Bytes queued by `send` and not yet handed to the network: what `highWaterMark` watches.
   * A socket without it cannot tell, and frames are then never refused once connected.
   */
  readonly bufferedAmount?: number;
  /** Sends one text message. */
  send(data: string): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
  /** Adds a listener for `'open'`, `'message'`, `'close'` or `'error'`. */
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void;
  /** Removes a listener. */
  removeEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void;
}
