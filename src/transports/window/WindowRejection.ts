/**
 * Why a `'message'` event was dropped by the window transports:
 * - `'source'`: it came from a window no transport on this window talks to;
 * - `'origin'`: it came from the right window but from an origin not in `allowedOrigins`;
 * - `'shape'`: right window and origin, but not an rxipc window frame (garbage, wrong types);
 * - `'connection'`: a well-formed rxipc frame from the right window and origin, but for another
 *   connection name, or from or to another transport instance (a reloaded frame, a stale peer).
 */
export type WindowRejectionReason = 'source' | 'origin' | 'shape' | 'connection';

/**
 * A `'message'` event the window transport dropped, as `onReject` receives it. Nothing of it
 * reached the facade.
 */
export interface WindowRejection {
  /** Why it was dropped. */
  reason: WindowRejectionReason;
  /** The `event.origin` of the message (`'null'` for a sandboxed frame or a `data:` URL). */
  origin: string;
  /** The window that posted it (`event.source`), when there is one. */
  source: unknown;
  /** The message as received (a structured clone: never a live object of the sender). */
  data: unknown;
  /** A sentence that says what was wrong. */
  message: string;
}
