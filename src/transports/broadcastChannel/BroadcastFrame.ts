/** The marker and version every broadcastChannel transport message carries. */
export const BROADCAST_FRAME_MARK = 'broadcast/1';

/**
 * What the broadcastChannel transports post. A renderer announces itself on the channel name with
 * `from` (its random id) and a `body` (the endpoint transport's hello); everything else travels
 * on a pipe channel of its own (`<name>#<renderer id>`) with `from` and `to` set, so that a
 * frame only reaches, and is only accepted by, the one renderer or main it is for. `ctl` carries
 * the liveness pings and the `'gone'` notice of a window going away.
 */
export interface BroadcastFrame {
  rxipc: typeof BROADCAST_FRAME_MARK;
  from: string;
  to?: string;
  ctl?: 'ping' | 'pong' | 'gone';
  body?: unknown;
}

const CONTROLS: ReadonlySet<unknown> = new Set(['ping', 'pong', 'gone']);
const MAX_ID_LENGTH = 256;

/** The name of the pipe channel between a main and one renderer. */
export function pipeName(channelName: string, rendererId: string): string {
  return `${channelName}#${rendererId}`;
}

/**
 * Reads a received message as a `BroadcastFrame`, looking only at own properties of the expected
 * types, and returns a fresh object, or `undefined` when it is not one.
 */
export function parseBroadcastFrame(data: unknown): BroadcastFrame | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const own = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
  if (own('rxipc') !== BROADCAST_FRAME_MARK) return undefined;
  const from = own('from');
  const to = own('to');
  const ctl = own('ctl');
  const hasBody = Object.hasOwn(record, 'body');
  if (typeof from !== 'string' || from.length === 0 || from.length > MAX_ID_LENGTH) return undefined;
  if (to !== undefined && (typeof to !== 'string' || to.length > MAX_ID_LENGTH)) return undefined;
  if (ctl !== undefined && (!CONTROLS.has(ctl) || hasBody)) return undefined;
  if (ctl === undefined && !hasBody) return undefined;
  const frame: BroadcastFrame = { rxipc: BROADCAST_FRAME_MARK, from };
  if (to !== undefined) frame.to = to;
  if (ctl !== undefined) frame.ctl = ctl as BroadcastFrame['ctl'];
  else frame.body = record['body'];
  return frame;
}
