import { Observable, type MonoTypeOperatorFunction } from 'rxjs';
import type { IsLooseMap, SingleArg } from '../channel/ChannelMap.js';

/** Anything with Electron's `send(channel, ...args)`: an `IpcRenderer`, a `WebContents`, an `IpcHost`. */
export interface SendTarget {
  send(channel: string, ...args: unknown[]): void;
}

/**
 * A facade whose `send` is typed by a channel map: its `'~channels'` member (type only) says which
 * channels `send` accepts, so `sendTo` checks the channel name and the value type.
 */
export interface TypedSendTarget<S> {
  /** Type only: the section `send` checks against (channel → arguments). */
  readonly '~channels'?: { readonly send: S };
  send(channel: any, ...args: any[]): void;
}

/** `unknown` for a target without a channel map (or an untyped one); `never` for a typed one, whose channels the first overload checks. */
type UntypedTarget<Target> = Target extends { readonly '~channels'?: { readonly send: infer S } }
  ? unknown extends S
    ? unknown
    : IsLooseMap<S> extends true
      ? unknown
      : never
  : unknown;

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
 * With a typed facade (see `ChannelMap`), the channel must be one `target.send` accepts, and its
 * arguments must be a single value of the stream's type.
 *
 * @param target Where to send.
 * @param channel The channel.
 * @returns An operator that mirrors its source.
 */
export function sendTo<S, K extends keyof S & string, T extends SingleArg<S[K]> = SingleArg<S[K]>>(
  target: TypedSendTarget<S>,
  channel: K,
): MonoTypeOperatorFunction<T>;
export function sendTo<T, Target extends SendTarget = SendTarget>(
  target: Target & UntypedTarget<Target>,
  channel: string,
): MonoTypeOperatorFunction<T>;
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
