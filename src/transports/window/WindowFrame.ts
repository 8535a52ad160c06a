import { hasMark, MAX_ID_LENGTH, ownProperty, parsePeerFrame, type PeerFrame } from '../../endpoint/PeerFrame.js';

/** The marker and version every window transport message carries. */
export const WINDOW_FRAME_MARK = 'window/1';

/**
 * What the window transports post: `body` carries one message of the endpoint transport (its
 * handshake or a frame); `ctl` carries the window transport's own liveness (`'ping'`, `'pong'`)
 * and the courtesy notice that a window is going away (`'gone'`). `name` is the connection's name,
 * `from` the random id of the sending transport instance, `to` the id of the receiving one once
 * known: together they keep several connections on one window apart.
 */
export interface WindowFrame extends PeerFrame<typeof WINDOW_FRAME_MARK> {
  name: string;
}

/** Whether a message carries the window transport's marker (well-formed or not). */
export function isMarked(data: unknown): boolean {
  return hasMark(data, WINDOW_FRAME_MARK);
}

/**
 * Reads a received message as a `WindowFrame`, looking only at own properties of the expected
 * types, and returns a fresh object (never the received one), or `undefined` when it is not one.
 */
export function parseWindowFrame(data: unknown): WindowFrame | undefined {
  const frame = parsePeerFrame(data, WINDOW_FRAME_MARK);
  if (frame === undefined) return undefined;
  const name = ownProperty(data as object, 'name');
  if (typeof name !== 'string' || name.length > MAX_ID_LENGTH) return undefined;
  return { ...frame, name };
}
