import { outOfRange } from '../core/nodeErrors.js';

/** The checked heartbeat settings of a transport. */
export interface HeartbeatSettings {
  heartbeatInterval: number;
  heartbeatMisses: number;
}

/**
 * Checks the `heartbeatInterval` and `heartbeatMisses` options that the window, broadcastChannel
 * and port transports share, and fills in their defaults (`defaultInterval` ms, 3 misses). It lives
 * here, not beside `Heartbeat` in src/endpoint/, because its Node-style errors come from core.
 * Internal.
 *
 * @param options The transport's options.
 * @param defaultInterval The interval when none is given (0: no heartbeat).
 * @returns The settings.
 * @throws RangeError (`ERR_OUT_OF_RANGE`) for a negative or non-numeric interval, or misses that
 * are not an integer >= 1.
 */
export function resolveHeartbeatOptions(
  options: { heartbeatInterval?: number; heartbeatMisses?: number },
  defaultInterval = 1000,
): HeartbeatSettings {
  const heartbeatInterval = options.heartbeatInterval ?? defaultInterval;
  if (typeof heartbeatInterval !== 'number' || !(heartbeatInterval >= 0)) {
    throw outOfRange('options.heartbeatInterval', '>= 0', heartbeatInterval);
  }
  const heartbeatMisses = options.heartbeatMisses ?? 3;
  if (!Number.isInteger(heartbeatMisses) || heartbeatMisses < 1) {
    throw outOfRange('options.heartbeatMisses', 'an integer >= 1', heartbeatMisses);
  }
  return { heartbeatInterval, heartbeatMisses };
}
