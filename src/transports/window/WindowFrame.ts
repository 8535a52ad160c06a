/** The marker and version every window transport message carries. */
export const WINDOW_FRAME_MARK = 'window/1';

/**
 * What the window transports post: `body` carries one message of the endpoint transport (its
 * handshake or a frame); `ctl` carries the window transport's own liveness (`'ping'`, `'pong'`)
 * and the courtesy notice that a window is going away (`'gone'`). `name` is the connection's name,
 * `from` the random id of the sending transport instance, `to` the id of the receiving one once
 * known: together they keep several connections on one window apart.
 */
export interface WindowFrame {
  rxipc: typeof WINDOW_FRAME_MARK;
  name: string;
  from: string;
  to?: string;
  ctl?: 'ping' | 'pong' | 'gone';
  body?: unknown;
}

const CONTROLS: ReadonlySet<unknown> = new Set(['ping', 'pong', 'gone']);
const MAX_ID_LENGTH = 256;

/** Whether a message carries the window transport's marker (well-formed or not). */
export function isMarked(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Object.hasOwn(data, 'rxipc') && (data as { rxipc: unknown }).rxipc === WINDOW_FRAME_MARK;
}

/**
 * Reads a received message as a `WindowFrame`, looking only at own properties of the expected
 * types, and returns a fresh object (never the received one), or `undefined` when it is not one.
 */
export function parseWindowFrame(data: unknown): WindowFrame | undefined {
  if (!isMarked(data) || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const own = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
  const name = own('name');
  const from = own('from');
  const to = own('to');
  const ctl = own('ctl');
  const hasBody = Object.hasOwn(record, 'body');
  if (typeof name !== 'string' || name.length > MAX_ID_LENGTH) return undefined;
  if (typeof from !== 'string' || from.length === 0 || from.length > MAX_ID_LENGTH) return undefined;
  if (to !== undefined && (typeof to !== 'string' || to.length > MAX_ID_LENGTH)) return undefined;
  if (ctl !== undefined && (!CONTROLS.has(ctl) || hasBody)) return undefined;
  if (ctl === undefined && !hasBody) return undefined;
  const frame: WindowFrame = { rxipc: WINDOW_FRAME_MARK, name, from };
  if (to !== undefined) frame.to = to;
  if (ctl !== undefined) frame.ctl = ctl as WindowFrame['ctl'];
  else frame.body = record['body'];
  return frame;
}
