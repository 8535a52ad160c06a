import type { Observable } from 'rxjs';

/**
 * One request/answer channel of a {@link ChannelMap} (`invoke` or `sync`): the arguments the
 * caller passes and the result it gets back. Omit `args` for a call without arguments and
 * `result` for one that answers nothing (`void`).
 */
export interface ChannelCall {
  /** The arguments, as a (preferably labelled) tuple: `[a: number, b: number]`. */
  args?: unknown[];
  /** What the call resolves with (`invoke`) or returns (`sendSync`). */
  result?: unknown;
}

/**
 * The channels of an application, declared once and given to `createIpc<M>()`,
 * `new IpcRenderer<M>(...)`, `new IpcMain<M>()` or `ipcRendererFromBridge<M>(...)`, so that channel
 * names, arguments and results are checked at compile time on both sides.
 *
 * Each section is keyed by channel name. Declare the sections you use as required members (a
 * section left out has no channels: using it does not compile). Use type literals (`{ ... }`) or
 * `type` aliases for the sections, not interfaces, so they fit the index signature.
 *
 * - `send`: renderer → main, `ipcRenderer.send` ↔ `ipcMain.on` (arguments tuple).
 * - `sync`: renderer → main, `ipcRenderer.sendSync` ↔ `ipcMain.on` + `event.returnValue` (`{ args, result }`).
 * - `invoke`: renderer → main, `ipcRenderer.invoke` / `invoke$` ↔ `ipcMain.handle` (`{ args, result }`).
 * - `events`: main → renderer, `webContents.send` / `event.reply` / `host.send` ↔ `ipcRenderer.on` (arguments tuple).
 * - `host`: guest → host, `ipcRenderer.sendToHost` ↔ `host.channel` (arguments tuple).
 *
 * ## Example
 * ```ts
 * import { createIpc, type ChannelMap } from 'rxipc';
 *
 * interface AppChannels extends ChannelMap {
 *   send: { log: [level: 'info' | 'warn', text: string] };
 *   sync: { 'config:get': { args: [key: string]; result: string } };
 *   invoke: { sum: { args: [a: number, b: number]; result: number } };
 *   events: { tick: [n: number] };
 * }
 *
 * const { ipcMain, ipcRenderer } = createIpc<AppChannels>();
 * ipcMain.handle('sum', (_event, a, b) => a + b);       // a, b: number; must return a number
 * const total = await ipcRenderer.invoke('sum', 1, 2);  // number
 * ipcRenderer.send('log', 'info', `total ${total}`);
 * ```
 *
 * @see AnyChannels, the default: every channel, any arguments.
 */
export interface ChannelMap {
  /** renderer → main messages: channel → arguments. */
  send?: { [channel: string]: unknown[] };
  /** renderer → main synchronous calls: channel → `{ args, result }`. */
  sync?: { [channel: string]: ChannelCall };
  /** renderer → main calls (`invoke`, `invoke$`): channel → `{ args, result }`. */
  invoke?: { [channel: string]: ChannelCall };
  /** main → renderer messages: channel → arguments. */
  events?: { [channel: string]: unknown[] };
  /** guest → host messages (`sendToHost`): channel → arguments. */
  host?: { [channel: string]: unknown[] };
}

/**
 * The channel map used when none is given: every channel name, any arguments, `any` results and
 * `any`-typed listeners, exactly as rxipc is typed without channel maps.
 *
 * ## Example
 * ```ts
 * import { createIpc, type AnyChannels, type IpcRenderer } from 'rxipc';
 *
 * const untyped: IpcRenderer<AnyChannels> = createIpc().ipcRenderer; // same as IpcRenderer
 * ```
 */
export interface AnyChannels extends ChannelMap {
  send: { [channel: string]: any[] };
  sync: { [channel: string]: any };
  invoke: { [channel: string]: any };
  events: { [channel: string]: any[] };
  host: { [channel: string]: any[] };
}

/** One section of a channel map; a section that is not declared (or optional) has no channels. */
export type ChannelSection<M, S extends keyof ChannelMap> = M extends { [P in S]: infer T } ? T : {};

/** Whether a section (or listener map) accepts every string: untyped. */
export type IsLooseMap<T> = string extends keyof T ? true : false;

type IsAny<T> = 0 extends 1 & T ? true : false;
type TupleAt<T, K> = K extends keyof T ? (T[K] extends unknown[] ? T[K] : never) : never;

/** The arguments of a {@link ChannelCall} entry (`[]` when it declares none, `any[]` when untyped). */
export type CallArgs<C> = IsAny<C> extends true ? any[] : C extends { args: infer A extends unknown[] } ? A : [];
/** The result of a {@link ChannelCall} entry (`void` when it declares none, `any` when untyped). */
export type CallResult<C> = IsAny<C> extends true ? any : C extends { result: infer R } ? R : void;

type CallArgsAt<T, K> = K extends keyof T ? CallArgs<T[K]> : never;
type CallResultAt<T, K> = K extends keyof T ? CallResult<T[K]> : never;

/** The channels `ipcRenderer.send` accepts (and `ipcMain.on` hears). */
export type SendChannel<M> = keyof ChannelSection<M, 'send'> & string;
/** The arguments of a `send` channel. */
export type SendArgs<M, K> = TupleAt<ChannelSection<M, 'send'>, K>;

/** The channels `ipcRenderer.sendSync` accepts (and `ipcMain.on` answers with `event.returnValue`). */
export type SyncChannel<M> = keyof ChannelSection<M, 'sync'> & string;
/** The arguments of a `sync` channel. */
export type SyncArgs<M, K> = CallArgsAt<ChannelSection<M, 'sync'>, K>;
/** What `sendSync` on a channel returns: the type of `event.returnValue` there. */
export type SyncResult<M, K> = CallResultAt<ChannelSection<M, 'sync'>, K>;

/** The channels `ipcRenderer.invoke` / `invoke$` accept (and `ipcMain.handle` serves). */
export type InvokeChannel<M> = keyof ChannelSection<M, 'invoke'> & string;
/** The arguments of an `invoke` channel. */
export type InvokeArgs<M, K> = CallArgsAt<ChannelSection<M, 'invoke'>, K>;
/** What `invoke` on a channel resolves with (and `invoke$` emits). */
export type InvokeResult<M, K> = CallResultAt<ChannelSection<M, 'invoke'>, K>;

/** The channels main sends to a renderer (`webContents.send`, `event.reply`) and `ipcRenderer.on` hears. */
export type EventChannel<M> = keyof ChannelSection<M, 'events'> & string;
/** The arguments of an `events` channel. */
export type EventArgs<M, K> = TupleAt<ChannelSection<M, 'events'>, K>;

/** The channels `ipcRenderer.sendToHost` accepts (and `host.channel` offers). */
export type HostChannel<M> = keyof ChannelSection<M, 'host'> & string;
/** The arguments of a `host` channel. */
export type HostArgs<M, K> = TupleAt<ChannelSection<M, 'host'>, K>;

/** What an `ipcMain.handle` handler may return for a result `R`: the value, a Promise of it, or an Observable of it (streamed by `invoke$`). */
export type HandlerResult<R> = R | PromiseLike<R> | Observable<R>;

/**
 * Type only: what a facade's `send` and `invoke$` accept, declared on each facade as the optional
 * `'~channels'` member (never present at runtime) so that operators such as `sendTo` and
 * `invokeOn` can check channel names and values against the facade they are given.
 */
export interface ChannelTypes<S, I> {
  /** The section `send(channel, ...args)` checks against (channel → arguments). */
  send: S;
  /** The section `invoke$(channel, ...args)` checks against (channel → `{ args, result }`). */
  invoke: I;
}

/** The single argument of a channel whose arguments are `[value]`, for the operators (which send each value as the one argument). */
export type SingleArg<A> = A extends [infer V]
  ? V
  : A extends [(infer V)?]
    ? V | undefined
    : number extends (A extends unknown[] ? A['length'] : 0)
      ? A extends (infer V)[]
        ? V
        : never
      : never;
