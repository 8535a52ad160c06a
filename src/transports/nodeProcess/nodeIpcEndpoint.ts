import type { SchedulerLike } from 'rxjs';
import type { Endpoint } from '../../endpoint/createEndpointTransport.js';

/** What both ends of a Node IPC channel (a `ChildProcess`, a forked child's `process`) offer. */
export interface NodeIpcTarget {
  /** Whether the IPC channel is still open. */
  readonly connected?: boolean;
  /** Sends one message over the IPC channel; errors go to `callback`. */
  send?(message: unknown, callback: (error: Error | null) => void): boolean;
  /** Adds an event listener (`'message'`, `'disconnect'`, ...). */
  on(event: string, listener: (...args: any[]) => void): unknown;
  /** Removes an event listener. */
  off(event: string, listener: (...args: any[]) => void): unknown;
}

/** Returned by a loss event's function when that event does not mean the peer is gone. */
export const NOT_LOST: unique symbol = Symbol('not lost');

/**
 * An `Endpoint` over a Node IPC channel (internal to the nodeProcess transports). rxipc's
 * messages are objects tagged `rxipc`; the application's own messages on the same channel are
 * ignored by the transport and still reach the application's listeners. Each event of
 * `lossEvents` means that the peer is gone; its function turns the event's arguments into a cause
 * (or `NOT_LOST`).
 *
 * Node does not say how much an IPC channel has queued (`send` only returns false past an
 * internal threshold), but it calls `send`'s callback once a message is written to the channel:
 * `bufferedAmount` counts the characters of the frames handed to `send` whose write has not
 * finished, which grows when the peer stops reading.
 */
export function nodeIpcEndpoint(
  target: NodeIpcTarget,
  lossEvents: Record<string, (...args: any[]) => unknown>,
  scheduler: SchedulerLike,
): Endpoint {
  let detach: (() => void) | undefined;
  let unwritten = 0;
  return {
    post(message) {
      if (target.connected === false || target.send === undefined) return;
      const size = frameLength(message);
      unwritten += size;
      const written = (): void => {
        unwritten -= size;
      };
      try {
        // A failed send means the channel is closing: the loss events report it.
        target.send(message, written);
      } catch (error) {
        written();
        throw error;
      }
    },
    bufferedAmount: () => unwritten,
    listen(onMessage, onLost) {
      const lost: Array<[string, (...args: any[]) => void]> = Object.entries(lossEvents).map(([event, describe]) => [
        event,
        (...args: any[]) => {
          const cause = describe(...args);
          if (cause !== NOT_LOST) onLost(cause);
        },
      ]);
      target.on('message', onMessage);
      for (const [event, listener] of lost) target.on(event, listener);
      const notConnected =
        target.connected === false || target.send === undefined
          ? scheduler.schedule(() => onLost(new Error('The process has no open IPC channel')))
          : undefined;
      detach = () => {
        detach = undefined;
        notConnected?.unsubscribe();
        // Removing the listeners lets a child process exit once nothing else keeps it alive.
        target.off('message', onMessage);
        for (const [event, listener] of lost) target.off(event, listener);
      };
      return () => detach?.();
    },
  };
}

/** The characters of the frames a transport message carries (a small constant for the others). */
function frameLength(message: unknown): number {
  const data = (message as { data?: unknown } | null)?.data;
  if (typeof data === 'string') return data.length;
  if (!Array.isArray(data)) return 16;
  let length = 0;
  for (const frame of data) if (typeof frame === 'string') length += frame.length;
  return length;
}
