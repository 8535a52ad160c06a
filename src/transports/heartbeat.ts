import { asyncScheduler, type SchedulerLike } from 'rxjs';
import type { Endpoint } from '../endpoint/createEndpointTransport.js';
import { Heartbeat } from '../endpoint/Heartbeat.js';
import { resolveHeartbeatOptions } from './resolveHeartbeatOptions.js';

/** The opt-in heartbeat of the messagePort, worker and webSocket transports. */
export interface HeartbeatTransportOptions {
  /**
   * Milliseconds between liveness pings once connected; `0` (the default) sends none. Turn it on
   * where the platform cannot tell that the other side went away: in a browser, a port closed
   * under the transport or a worker terminated without rxipc fires no event; a WebSocket whose
   * peer vanished without closing (a sleeping laptop, a dropped network) stays open until TCP
   * gives up, which can take many minutes. The other side
   * answers pings whatever its own setting. A side that does not answer for `heartbeatMisses`
   * intervals counts as gone, and that includes a side that is busy, or blocked in `sendSync`,
   * for that long: choose the interval above your longest synchronous work.
   * @default 0
   */
  heartbeatInterval?: number;
  /**
   * How many intervals in a row without a word from the other side mean it is gone: the
   * transport completes between `heartbeatMisses × heartbeatInterval` and one interval more after
   * its last message, with an `IpcTimeoutError` as the cause.
   * @default 3
   */
  heartbeatMisses?: number;
}

/** What a peer sends to check that this side still listens, and the answer. */
const PING = 'rxipc:ping';
const PONG = 'rxipc:pong';

/**
 * Wraps an endpoint so that it answers the peer's pings, and, when `heartbeatInterval` is above
 * 0, pings the peer once it has heard from it and reports it lost after `heartbeatMisses` silent
 * intervals. Pings and pongs are the strings `rxipc:ping` / `rxipc:pong` and never reach the
 * connection. Internal to the messagePort, worker and webSocket transports.
 *
 * @param endpoint The platform object's endpoint (it must carry strings as they are).
 * @param options The heartbeat settings and the scheduler of its ticks.
 * @returns The wrapped endpoint.
 * @throws RangeError (`ERR_OUT_OF_RANGE`) for bad settings.
 */
export function withHeartbeat(endpoint: Endpoint, options: HeartbeatTransportOptions & { scheduler?: SchedulerLike }): Endpoint {
  const { heartbeatInterval, heartbeatMisses } = resolveHeartbeatOptions(options, 0);
  const scheduler = options.scheduler ?? asyncScheduler;
  const post = (text: string): void => {
    try {
      endpoint.post(text);
    } catch {
      // An endpoint that cannot carry a ping is as good as gone: the heartbeat will say so.
    }
  };
  return {
    ...endpoint,
    listen(onMessage, onLost) {
      let finished = false;
      const heartbeat = new Heartbeat({
        scheduler,
        interval: heartbeatInterval,
        misses: heartbeatMisses,
        ping: () => post(PING),
        lost: (cause) => {
          if (finished) return;
          finished = true;
          onLost(cause);
        },
      });
      const stop = endpoint.listen(
        (message) => {
          heartbeat.heard();
          if (message === PING) {
            post(PONG);
          } else if (message !== PONG) {
            heartbeat.start(); // from the peer's first message on (idempotent)
            onMessage(message);
          }
        },
        (cause) => {
          heartbeat.stop();
          if (finished) return;
          finished = true;
          onLost(cause);
        },
      );
      return () => {
        finished = true;
        heartbeat.stop();
        stop();
      };
    },
  };
}
