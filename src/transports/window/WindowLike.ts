/**
 * The window a `windowTransport` listens on (your own `window`, or a popup's or a same-origin
 * frame's window): where the peer's `postMessage` calls arrive as `'message'` events. `origin`
 * is the default of `allowedOrigins`; `'pagehide'` lets the transport tell the peer it is going.
 */
export interface WindowLike {
  /** This window's origin, e.g. `'https://app.example'`. */
  readonly origin?: string;
  /** Adds a `'message'` or `'pagehide'` listener. */
  addEventListener(type: 'message' | 'pagehide', listener: (event: any) => void): void;
  /** Removes it. */
  removeEventListener(type: 'message' | 'pagehide', listener: (event: any) => void): void;
}

/**
 * The window a `windowTransport` posts to: an iframe's `contentWindow`, `window.parent`,
 * `window.opener`, or a popup returned by `window.open`. A cross-origin `WindowProxy` fits.
 */
export interface TargetWindowLike {
  /** `true` once the window is closed or its frame was removed. */
  readonly closed?: boolean;
  /** Posts one message, delivered only if the window's document has `targetOrigin`'s origin. */
  postMessage(message: unknown, targetOrigin: string): void;
}
