import { parseWindowFrame, type WindowFrame } from './WindowFrame.js';
import type { TargetWindowLike, WindowLike } from './WindowLike.js';
import type { WindowRejection, WindowRejectionReason } from './WindowRejection.js';

/** What the router needs from one window transport endpoint. */
export interface RoutedEndpoint {
  /** The window this endpoint talks to: only its messages can reach it. */
  readonly target: TargetWindowLike;
  /** The connection name. */
  readonly name: string;
  /** This endpoint's random instance id. */
  readonly id: string;
  /** The peer's instance id, once the first frame from it was accepted. */
  readonly peer: string | undefined;
  /** Whether messages from `origin` may reach this endpoint. */
  allows(origin: string): boolean;
  /** A frame for this endpoint, from its target window and an allowed origin. */
  receive(frame: WindowFrame): void;
  /** A message this endpoint's window received and nobody accepted. */
  reject(rejection: WindowRejection): void;
  /** This endpoint's own window is going away. */
  pageHide(): void;
}

/**
 * One `'message'` listener per window for every window transport on it. Each message goes to the
 * one endpoint whose target window posted it (`event.source`), whose allowed origins include
 * `event.origin`, and whose connection name and instance ids match; a message nobody accepts is
 * reported to the endpoints it could have been meant for, and to all of them when it came from a
 * window none of them talks to. Internal to the window transport.
 */
class WindowRouter {
  readonly endpoints = new Set<RoutedEndpoint>();

  constructor(private readonly self: WindowLike) {
    self.addEventListener('message', this.onMessage);
    self.addEventListener('pagehide', this.onPageHide);
  }

  detach(): void {
    this.self.removeEventListener('message', this.onMessage);
    this.self.removeEventListener('pagehide', this.onPageHide);
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const { source, origin, data } = event;
    const all = [...this.endpoints];
    if (source === null && this.goneWithoutSource(event, all)) return;
    const bySource = all.filter((endpoint) => endpoint.target === source);
    if (bySource.length === 0) {
      report(all, 'source', event, 'it came from a window that no window transport here talks to');
      return;
    }
    const byOrigin = bySource.filter((endpoint) => endpoint.allows(origin));
    if (byOrigin.length === 0) {
      report(bySource, 'origin', event, `its origin '${origin}' is not allowed`);
      return;
    }
    const frame = parseWindowFrame(data);
    if (frame === undefined) {
      report(byOrigin, 'shape', event, 'it is not a window transport frame');
      return;
    }
    const candidates = byOrigin.filter(
      (endpoint) =>
        endpoint.name === frame.name &&
        (frame.to === undefined || frame.to === endpoint.id) &&
        (endpoint.peer === undefined || endpoint.peer === frame.from),
    );
    // A connection already bound to this peer wins over one still waiting for its peer.
    const match = candidates.find((endpoint) => endpoint.peer === frame.from) ?? candidates[0];
    if (match === undefined) {
      report(byOrigin, 'connection', event, `it belongs to another connection (name '${frame.name}', from '${frame.from}')`);
      return;
    }
    match.receive(frame);
  };

  /**
   * A window posting during its own `'pagehide'` (its frame navigating or being removed) is no
   * longer the active window of its `WindowProxy`: Chromium delivers its messages with
   * `event.source === null`. Only the goodbye is accepted that way, and only when it names both
   * instance ids of a bound connection and comes from an allowed origin.
   */
  private goneWithoutSource(event: MessageEvent, all: readonly RoutedEndpoint[]): boolean {
    const frame = parseWindowFrame(event.data);
    if (frame === undefined || frame.ctl !== 'gone') return false;
    const match = all.find(
      (endpoint) =>
        endpoint.allows(event.origin) && endpoint.name === frame.name && endpoint.id === frame.to && endpoint.peer === frame.from,
    );
    match?.receive(frame);
    return match !== undefined;
  }

  private readonly onPageHide = (): void => {
    for (const endpoint of [...this.endpoints]) endpoint.pageHide();
  };
}

const routers = new WeakMap<WindowLike, WindowRouter>();

/**
 * Routes the `'message'` events of `self` to `endpoint` from now on.
 *
 * @returns A function that stops it (the listener goes when the last endpoint of `self` does).
 */
export function attachToWindow(self: WindowLike, endpoint: RoutedEndpoint): () => void {
  let router = routers.get(self);
  if (router === undefined) {
    router = new WindowRouter(self);
    routers.set(self, router);
  }
  router.endpoints.add(endpoint);
  const attached = router;
  return () => {
    if (!attached.endpoints.delete(endpoint) || attached.endpoints.size > 0) return;
    attached.detach();
    if (routers.get(self) === attached) routers.delete(self);
  };
}

function report(endpoints: readonly RoutedEndpoint[], reason: WindowRejectionReason, event: MessageEvent, why: string): void {
  const rejection: WindowRejection = {
    reason,
    origin: event.origin,
    source: event.source,
    data: event.data,
    message: `A message from '${event.origin}' was dropped: ${why}`,
  };
  for (const endpoint of endpoints) endpoint.reject(rejection);
}
