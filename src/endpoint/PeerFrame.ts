/**
 * The frame shape the window and broadcastChannel transports both post (each with its own
 * `rxipc` mark): `from` is the random id of the sending transport instance, `to` the id of the
 * receiving one once known; `body` carries one message of the endpoint transport (its handshake
 * or a frame), `ctl` the liveness pings and the `'gone'` notice of a window going away, never
 * both. Internal.
 */
export interface PeerFrame<Mark extends string> {
  rxipc: Mark;
  from: string;
  to?: string;
  ctl?: 'ping' | 'pong' | 'gone';
  body?: unknown;
}

/** The longest id (or name) a received frame may carry. */
export const MAX_ID_LENGTH = 256;

const CONTROLS: ReadonlySet<unknown> = new Set(['ping', 'pong', 'gone']);

/** Whether a message carries `mark` as its own `rxipc` property (well-formed or not). */
export function hasMark(data: unknown, mark: string): boolean {
  return typeof data === 'object' && data !== null && Object.hasOwn(data, 'rxipc') && (data as { rxipc: unknown }).rxipc === mark;
}

/** An own property of a received object, or `undefined` (never one from its prototype chain). */
export function ownProperty(data: object, key: string): unknown {
  return Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
}

/**
 * Reads a received message as a `PeerFrame` with `mark`, looking only at own properties of the
 * expected types, and returns a fresh object (never the received one), or `undefined` when it is
 * not one.
 *
 * @param data The received message.
 * @param mark The marker and version of the transport.
 * @returns The frame, or `undefined`.
 */
export function parsePeerFrame<Mark extends string>(data: unknown, mark: Mark): PeerFrame<Mark> | undefined {
  if (!hasMark(data, mark) || Array.isArray(data)) return undefined;
  const record = data as object;
  const from = ownProperty(record, 'from');
  const to = ownProperty(record, 'to');
  const ctl = ownProperty(record, 'ctl');
  const hasBody = Object.hasOwn(record, 'body');
  if (typeof from !== 'string' || from.length === 0 || from.length > MAX_ID_LENGTH) return undefined;
  if (to !== undefined && (typeof to !== 'string' || to.length > MAX_ID_LENGTH)) return undefined;
  if (ctl !== undefined && (!CONTROLS.has(ctl) || hasBody)) return undefined;
  if (ctl === undefined && !hasBody) return undefined;
  const frame: PeerFrame<Mark> = { rxipc: mark, from };
  if (to !== undefined) frame.to = to;
  if (ctl !== undefined) frame.ctl = ctl as PeerFrame<Mark>['ctl'];
  else frame.body = (record as { body?: unknown }).body;
  return frame;
}
