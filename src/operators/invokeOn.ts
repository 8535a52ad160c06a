import { concatMap, type Observable, type OperatorFunction } from 'rxjs';

/** Anything with `invoke$(channel, ...args)`: an `IpcRenderer`. */
export interface InvokeTarget {
  invoke$<R = any>(channel: string, ...args: unknown[]): Observable<R>;
}

/**
 * Maps each value to the answer of main's handler for `channel` (the value is the single
 * argument). Every value is kept and answers come out in the order of their values: one call at a
 * time, each a cold `invoke$` (a handler that streams gives all its values). Built on `invoke$`
 * and RxJS schedulers, not on Promises, so marble tests drive it; unsubscribing cancels the call
 * in flight on the main side.
 *
 * ## Example
 * ```ts
 * import { from } from 'rxjs';
 * import { invokeOn } from 'rxipc/operators';
 *
 * ipcMain.handle('square', (_event, n: number) => n * n);
 * from([1, 2, 3]).pipe(invokeOn<number, number>(ipcRenderer, 'square')).subscribe(console.log); // 1 4 9
 * ```
 *
 * @param target The renderer that invokes.
 * @param channel The channel.
 * @returns An operator from values to answers.
 */
export function invokeOn<T, R = unknown>(target: InvokeTarget, channel: string): OperatorFunction<T, R> {
  return concatMap((value: T) => target.invoke$<R>(channel, value));
}
