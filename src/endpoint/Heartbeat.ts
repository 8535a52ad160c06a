import type { SchedulerAction, SchedulerLike, Subscription } from 'rxjs';
import { IpcTimeoutError } from '../errors/IpcTimeoutError.js';

/** What a `Heartbeat` needs. */
export interface HeartbeatOptions {
  /** The scheduler of the ticks. */
  scheduler: SchedulerLike;
  /** Milliseconds between ticks; `0` or `Infinity` disables the heartbeat. */
  interval: number;
  /** How many ticks in a row without hearing the peer mean it is gone. */
  misses: number;
  /** Sends one ping; the peer answers it at once from its message handler. */
  ping(): void;
  /** Called on each tick before anything else: returns a cause when the peer is known to be gone. */
  check?(): Error | undefined;
  /** Called once when the peer is gone. */
  lost(cause: Error): void;
}

/**
 * Peer liveness for transports whose platform object cannot tell that the other side went away
 * (a removed iframe, a crashed tab). On every tick it pings; the peer answers from its message
 * handler (message events are not throttled in background tabs, timers are), and anything heard
 * from the peer counts. After `misses` ticks in a row without a word, the peer is lost: the delay
 * is between `misses × interval` and `(misses + 1) × interval` after the peer's last message.
 * Shared by the window and broadcastChannel transports (internal).
 */
export class Heartbeat {
  private heardSinceTick = true;
  private missed = 0;
  private action: Subscription | undefined;
  private stopped = false;

  constructor(private readonly options: HeartbeatOptions) {}

  /** Starts ticking (idempotent; does nothing when disabled or stopped). */
  start(): void {
    const { interval, scheduler } = this.options;
    if (this.action !== undefined || this.stopped || !(interval > 0) || interval === Infinity) return;
    this.heardSinceTick = true;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const heartbeat = this;
    this.action = scheduler.schedule(function (this: SchedulerAction<void>) {
      if (heartbeat.tick()) this.schedule(undefined, interval);
    }, interval);
  }

  /** Something arrived from the peer. */
  heard(): void {
    this.heardSinceTick = true;
  }

  /**
   * Handles one frame heard from the peer: counts it as a sign of life and answers the liveness
   * control frames (`ping` → `pong`; `gone` → the peer is lost at once, with `goneCause()`).
   *
   * @param ctl The frame's control word, if any.
   * @param pong Sends a `pong` back.
   * @param goneCause Makes the cause reported when the peer says it is gone.
   * @returns `true` when the frame was a control frame, `false` when it carries a body to deliver.
   */
  receive(ctl: 'ping' | 'pong' | 'gone' | undefined, pong: () => void, goneCause: () => Error): boolean {
    this.heardSinceTick = true;
    switch (ctl) {
      case 'ping':
        pong();
        return true;
      case 'pong':
        return true;
      case 'gone':
        this.options.lost(goneCause());
        return true;
      default:
        return false;
    }
  }

  /** Stops for good. */
  stop(): void {
    this.stopped = true;
    this.action?.unsubscribe();
    this.action = undefined;
  }

  /** One tick; returns whether to go on. */
  private tick(): boolean {
    if (this.stopped) return false;
    const { check, misses, interval, ping, lost } = this.options;
    const gone = check?.();
    if (gone !== undefined) {
      this.stop();
      lost(gone);
      return false;
    }
    this.missed = this.heardSinceTick ? 0 : this.missed + 1;
    this.heardSinceTick = false;
    if (this.missed >= misses) {
      this.stop();
      lost(new IpcTimeoutError(`The peer did not answer ${misses} heartbeats ${interval} ms apart: it is gone`));
      return false;
    }
    ping();
    return true;
  }
}
