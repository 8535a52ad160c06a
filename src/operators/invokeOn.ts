import { concatMap, type Observable, type OperatorFunction } from 'rxjs';
import type { CallArgs, CallResult, IsLooseMap, SingleArg } from '../channel/ChannelMap.js';

/** Anything with `invoke$(channel, ...args)`: an `IpcRenderer`. */
export interface InvokeTarget {
  invoke$<R = any>(channel: string, ...args: unknown[]): Observable<R>;
}

/**
 * A facade whose `invoke$` is typed by a channel map: its `'~channels'` member (type only) says
 * which channels `invoke$` accepts, so `invokeOn` checks the channel and infers value and answer types.
 */
export interface TypedInvokeTarget<I> {
  /** Type only: the section `invoke$` checks against (channel → `{ args, result }`). */
  readonly '~channels'?: { readonly invoke: I };
  invoke$(channel: any, ...args: any[]): Observable<any>;
}

/** `unknown` for a target without a channel map (or an untyped one); `never` for a typed one, whose channels the first overload checks. */
type UntypedTarget<Target> = Target extends { readonly '~channels'?: { readonly invoke: infer I } }
  ? unknown extends I
    ? unknown
    : IsLooseMap<I> extends true
      ? unknown
      : never
  : unknown;

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
 * With a typed renderer (see `ChannelMap`), the channel must be an `invoke` channel whose
 * arguments are a single value; the value and answer types are inferred from the map.
 *
 * @param target The renderer that invokes.
 * @param channel The channel.
 * @returns An operator from values to answers.
 */
export function invokeOn<I, K extends keyof I & string>(
  target: TypedInvokeTarget<I>,
  channel: K,
): OperatorFunction<SingleArg<CallArgs<I[K]>>, CallResult<I[K]>>;
export function invokeOn<T, R = unknown, Target extends InvokeTarget = InvokeTarget>(
  target: Target & UntypedTarget<Target>,
  channel: string,
): OperatorFunction<T, R>;
export function invokeOn<T, R = unknown>(target: InvokeTarget, channel: string): OperatorFunction<T, R> {
  return concatMap((value: T) => target.invoke$<R>(channel, value));
}
