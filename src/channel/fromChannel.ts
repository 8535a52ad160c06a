import { Observable } from 'rxjs';
import type { EventEmitter } from '../core/EventEmitter.js';

/** One message on a channel: the event object and the arguments, as a listener would get them. */
export interface ChannelMessage<E, A extends unknown[] = unknown[]> {
  /** The event: `event.sender`, `event.reply` ... as the facade defines it. */
  event: E;
  /** The message's arguments. */
  args: A;
}

/** Something that says when a facade closes, so its channel Observables complete. */
export interface CloseNotifier {
  /** Whether the facade is already closed. */
  readonly isClosed: boolean;
  /** Registers a callback for the close; returns the function that unregisters it. */
  onClose(callback: () => void): () => void;
}

let live = 0;

/**
 * How many `channel()` subscriptions are live in this realm, across all facades: a leak check
 * for tests (it should be back to its earlier value once a component or test tears down).
 *
 * ## Example
 * ```ts
 * import { createIpc, liveChannelSubscriptions } from 'rxipc';
 *
 * const { ipcRenderer } = createIpc();
 * const sub = ipcRenderer.channel('tick').subscribe();
 * liveChannelSubscriptions(); // 1
 * sub.unsubscribe();
 * liveChannelSubscriptions(); // 0
 * ```
 *
 * @returns The count.
 */
export function liveChannelSubscriptions(): number {
  return live;
}

/**
 * A channel of an emitter as a hot Observable of `{ event, args }`: each subscriber adds one
 * listener `(event, ...args)` to the emitter and removes it on unsubscribe. Nothing is replayed and
 * subscribing sends nothing. The facades' `channel(name)` methods are built on it.
 *
 * ## Example
 * ```ts
 * import { createIpc } from 'rxipc';
 *
 * const { ipcMain, ipcRenderer } = createIpc();
 * const sub = ipcMain.channel('log').subscribe(({ event, args }) => console.log(event.sender.id, args));
 * ipcMain.listenerCount('log'); // 1
 * sub.unsubscribe();
 * ipcMain.listenerCount('log'); // 0
 * ```
 *
 * @param emitter The facade (an `EventEmitter`).
 * @param name The channel.
 * @param closer Completes the Observable when the facade closes.
 * @returns A hot Observable of the channel's messages.
 */
export function fromChannel<E>(emitter: EventEmitter, name: string, closer: CloseNotifier): Observable<ChannelMessage<E>> {
  return new Observable<ChannelMessage<E>>((subscriber) => {
    if (closer.isClosed) {
      subscriber.complete();
      return undefined;
    }
    const listener = (event: E, ...args: unknown[]): void => subscriber.next({ event, args });
    emitter.on(name, listener);
    live++;
    const stop = closer.onClose(() => subscriber.complete());
    return () => {
      live--; // RxJS runs a teardown once.
      stop();
      emitter.removeListener(name, listener);
    };
  });
}
