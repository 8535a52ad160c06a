import { parsePeerFrame, type PeerFrame } from '../../endpoint/PeerFrame.js';

/** The marker and version every broadcastChannel transport message carries. */
export const BROADCAST_FRAME_MARK = 'broadcast/1';

/**
 * What the broadcastChannel transports post. A renderer announces itself on the channel name with
 * `from` (its random id) and a `body` (the endpoint transport's hello); everything else travels
 * on a pipe channel of its own (`<name>#<renderer id>`) with `from` and `to` set, so that a
 * frame only reaches, and is only accepted by, the one renderer or main it is for. `ctl` carries
 * the liveness pings and the `'gone'` notice of a window going away.
 */
export type BroadcastFrame = PeerFrame<typeof BROADCAST_FRAME_MARK>;

/** The name of the pipe channel between a main and one renderer. */
export function pipeName(channelName: string, rendererId: string): string {
  return `${channelName}#${rendererId}`;
}

/**
 * Reads a received message as a `BroadcastFrame`, looking only at own properties of the expected
 * types, and returns a fresh object, or `undefined` when it is not one.
 */
export function parseBroadcastFrame(data: unknown): BroadcastFrame | undefined {
  return parsePeerFrame(data, BROADCAST_FRAME_MARK);
}
