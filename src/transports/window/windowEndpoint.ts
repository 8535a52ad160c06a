import type { SchedulerLike } from 'rxjs';
import { IpcClosedError } from '../../errors/IpcClosedError.js';
import type { Endpoint } from '../../endpoint/createEndpointTransport.js';
import { Heartbeat } from '../../endpoint/Heartbeat.js';
import { newInstanceId } from '../../endpoint/newInstanceId.js';
import { isMarked, WINDOW_FRAME_MARK, type WindowFrame } from './WindowFrame.js';
import type { TargetWindowLike, WindowLike } from './WindowLike.js';
import type { WindowRejection } from './WindowRejection.js';
import { attachToWindow, type RoutedEndpoint } from './WindowRouter.js';

/** The checked settings of one window endpoint (see `WindowTransportOptions`). */
export interface WindowEndpointSettings {
  self: WindowLike;
  target: TargetWindowLike;
  targetOrigin: string;
  /** The allowed origins, or `'any'`. */
  allowedOrigins: ReadonlySet<string> | 'any';
  name: string;
  onReject: ((rejection: WindowRejection) => void) | undefined;
  heartbeatInterval: number;
  heartbeatMisses: number;
  notifyOnPageHide: boolean;
  scheduler: SchedulerLike;
}

/**
 * An `Endpoint` over `postMessage` between two windows: it wraps each message in a
 * `WindowFrame`, accepts only frames from its target window and allowed origins for its
 * connection (see `WindowRouter`), reports the rest, and detects the peer going away (`'gone'` on
 * pagehide, the target window closed, missed heartbeats). Internal to `windowTransport`.
 */
export function windowEndpoint(settings: WindowEndpointSettings): Endpoint {
  const { self, target, targetOrigin, allowedOrigins, name, onReject, scheduler } = settings;
  const id = newInstanceId();
  let peer: string | undefined;
  let finished = false;
  let detach: (() => void) | undefined;
  let handlers: { onMessage(message: unknown): void; onLost(cause?: unknown): void } | undefined;

  const send = (frame: WindowFrame): void => {
    if (target.closed === true) return; // The heartbeat's check reports it.
    target.postMessage(frame, targetOrigin);
  };
  const control = (ctl: 'ping' | 'pong' | 'gone'): void => {
    send({ rxipc: WINDOW_FRAME_MARK, name, from: id, ...(peer === undefined ? {} : { to: peer }), ctl });
  };
  const finish = (): void => {
    finished = true;
    heartbeat.stop();
    const stop = detach;
    detach = undefined;
    stop?.();
  };
  const lose = (cause: Error): void => {
    if (finished) return;
    finish();
    handlers?.onLost(cause);
  };
  const heartbeat = new Heartbeat({
    scheduler,
    interval: settings.heartbeatInterval,
    misses: settings.heartbeatMisses,
    ping: () => control('ping'),
    check: () => (target.closed === true ? new IpcClosedError('The target window was closed or its frame removed') : undefined),
    lost: lose,
  });

  const routed: RoutedEndpoint = {
    target,
    name,
    id,
    get peer() {
      return peer;
    },
    allows: (origin) => allowedOrigins === 'any' || allowedOrigins.has(origin),
    receive(frame) {
      if (finished) return;
      if (peer === undefined) {
        peer = frame.from;
        heartbeat.start();
      }
      if (
        heartbeat.receive(
          frame.ctl,
          () => control('pong'),
          () => new IpcClosedError('The peer window went away (pagehide)'),
        )
      )
        return;
      handlers?.onMessage(frame.body);
    },
    reject(rejection) {
      if (finished) return;
      if (onReject === undefined) {
        if (rejection.reason === 'origin' || isMarked(rejection.data))
          console.warn(`[rxipc] window transport '${name}': ${rejection.message}`);
        return;
      }
      try {
        onReject(rejection);
      } catch (error) {
        console.error(`[rxipc] window transport '${name}': onReject threw`, error);
      }
    },
    pageHide() {
      if (finished || !settings.notifyOnPageHide) return;
      if (peer !== undefined) control('gone');
      lose(new IpcClosedError('This window is going away (pagehide)'));
    },
  };

  return {
    post(message) {
      if (finished) return;
      // Thrown here, it ends the transport at once (createEndpointTransport treats it as loss).
      if (target.closed === true) throw new IpcClosedError('The target window was closed or its frame removed');
      send({ rxipc: WINDOW_FRAME_MARK, name, from: id, ...(peer === undefined ? {} : { to: peer }), body: message });
    },
    listen(onMessage, onLost) {
      handlers = { onMessage, onLost };
      if (!finished && detach === undefined) detach = attachToWindow(self, routed);
      return () => {
        handlers = undefined;
        finish();
      };
    },
    close() {
      finish();
    },
  };
}
