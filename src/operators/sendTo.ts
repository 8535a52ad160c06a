import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

/** Anything with Electron's `send(channel, ...args)`: an `IpcRenderer`, a `WebContents`, an `IpcHost`. */
export interface SendTarget {
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Sends each value on `channel` (the value is the single argument) and passes it on unchanged.
 * A value that cannot be sent (not JSON-encodable, target closed) errors the stream with that
 * error. The target is an `IpcRenderer` (to main) or a `WebContents` (to that renderer).
 *
 * ## Example
 * ```ts
 * import { fromEvent, map } from 'rxjs';
 * import { sendTo } from 'rxipc/operators';
 *
 * fromEvent(window, 'resize')
 *   .pipe(map(() => ({ width: innerWidth, height: innerHeight })), sendTo(ipcRenderer, 'window:resized'))
 *   .subscribe();
 * ```
 *
 * @param target Where to send.
 * @param channel The channel.
 * @returns An operator that mirrors its source.
 */
export function sendTo<T>(target: SendTarget, channel: string): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) =>
      source.subscribe({
        next: (value) => {
          try {
            target.send(channel, value);
          } catch (error) {
            subscriber.error(error);
            return;
          }
          subscriber.next(value);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      }),
    );
}
