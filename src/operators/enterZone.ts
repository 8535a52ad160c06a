import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

/**
 * Anything that can run a function in its own context and return the result: Angular's `NgZone`,
 * a zone.js `Zone`, or a plain object in a test.
 */
export interface ZoneLike {
  run<R>(fn: () => R): R;
}

/**
 * Re-emits every notification of its source (each `next`, the `error`, the `complete`) inside
 * `zone.run`, so whatever the subscriber does with it runs in that zone. Messages from a transport
 * arrive in whatever context the transport's callback has (with Electron, outside Angular's zone);
 * this brings them back. Needs no Angular import: any `{ run(fn) }` works.
 *
 * ## Example
 * ```ts
 * import { inject, NgZone } from '@angular/core';
 * import { map } from 'rxjs';
 * import { enterZone } from 'rxipc/operators';
 *
 * const status$ = ipcRenderer.channel('status').pipe(
 *   map(({ args: [status] }) => status as string),
 *   enterZone(inject(NgZone)),
 * );
 * ```
 *
 * @param zone Where to deliver: `run(fn)` must call `fn` once and return its result.
 * @returns An operator that mirrors its source, delivering inside `zone.run`.
 * @see IpcService in 'rxipc/angular', which applies it to every channel.
 */
export function enterZone<T>(zone: ZoneLike): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) =>
      source.subscribe({
        next: (value) => zone.run(() => subscriber.next(value)),
        error: (error: unknown) => zone.run(() => subscriber.error(error)),
        complete: () => zone.run(() => subscriber.complete()),
      }),
    );
}
