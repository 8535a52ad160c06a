import { Heartbeat } from '../../endpoint/Heartbeat.js';
import type { BroadcastSettings } from './resolveBroadcastOptions.js';

/** What an `Endpoint`'s `listen` was given. */
export interface PipeHandlers {
  onMessage(message: unknown): void;
  onLost(cause?: unknown): void;
}

/** The end of one broadcastChannel connection (a renderer's or the main's side of a pipe). */
export interface PipeLifecycle {
  /** Whether the connection has ended (for good). */
  readonly finished: boolean;
  /** The handlers of the current `listen`, if any. */
  handlers: PipeHandlers | undefined;
  /** The connection's heartbeat (not started yet); losing the peer calls `lose`. */
  readonly heartbeat: Heartbeat;
  /** Ends the connection once: stops the heartbeat, then releases the connection's resources. */
  finish(): void;
  /** Ends the connection once and reports the loss to the current handlers. */
  lose(cause: Error): void;
}

/**
 * The finish / lose / heartbeat set-up that both ends of a broadcastChannel connection share, so
 * the two cannot drift apart. Internal to the broadcastChannel transports.
 *
 * @param settings The heartbeat settings and scheduler.
 * @param ping Sends a `ping` control frame to the peer.
 * @param release Releases the connection's resources (its pipe, listeners); called once, on finish.
 * @returns The connection's lifecycle.
 */
export function pipeLifecycle(settings: BroadcastSettings, ping: () => void, release: () => void): PipeLifecycle {
  let finished = false;
  const lifecycle: PipeLifecycle = {
    get finished() {
      return finished;
    },
    handlers: undefined,
    heartbeat: new Heartbeat({
      scheduler: settings.scheduler,
      interval: settings.heartbeatInterval,
      misses: settings.heartbeatMisses,
      ping,
      lost: (cause) => lifecycle.lose(cause),
    }),
    finish() {
      if (finished) return;
      finished = true;
      lifecycle.heartbeat.stop();
      release();
    },
    lose(cause) {
      if (finished) return;
      const lost = lifecycle.handlers?.onLost;
      lifecycle.finish();
      lost?.(cause);
    },
  };
  return lifecycle;
}
