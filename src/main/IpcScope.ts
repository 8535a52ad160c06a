import { bindOwn, ChannelEmitter } from '../channel/ChannelEmitter.js';
import type {
  AnyChannels,
  ChannelMap,
  ChannelSection,
  HandlerResult,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  IsLooseMap,
  SendArgs,
  SendChannel,
  SyncArgs,
  SyncChannel,
  SyncResult,
} from '../channel/ChannelMap.js';
import type { LooseListeners } from '../channel/ListenerMap.js';
import { invalidArgType } from '../core/nodeErrors.js';
import { IpcHandlerExistsError } from '../errors/IpcHandlerExistsError.js';
import type { IpcMainEvent, IpcMainInvokeEvent } from './events.js';
import type { RemoteScope } from './RemoteScope.js';

/** What `handle` accepts: it may return a value, a Promise, or an Observable (streamed by `invoke$`). */
export type IpcMainHandler<M extends ChannelMap = AnyChannels> = (event: IpcMainInvokeEvent<M>, ...args: any[]) => unknown;

/** A main-side listener: `(event, ...args)`. */
export type IpcMainListener = (event: IpcMainEvent, ...args: any[]) => void;

/**
 * The `handle` / `handleOnce` handler of an `invoke` channel `K` of the channel map `M`: typed
 * arguments, and it returns the channel's result as a value, a Promise or an Observable.
 */
export type IpcMainHandlerFor<M extends ChannelMap, K extends InvokeChannel<M>> = (
  event: IpcMainInvokeEvent<M>,
  ...args: InvokeArgs<M, K>
) => HandlerResult<InvokeResult<M, K>>;

/**
 * The listener map of the main side for a channel map `M`: every `send` channel with
 * `[event, ...args]`, every `sync` channel with `[event, ...args]` where `event.returnValue` has the
 * channel's result type; untyped when either section is.
 */
export type MainListenerMap<M extends ChannelMap> =
  IsLooseMap<ChannelSection<M, 'send'>> extends true
    ? LooseListeners
    : IsLooseMap<ChannelSection<M, 'sync'>> extends true
      ? LooseListeners
      : {
          [K in SendChannel<M> | SyncChannel<M>]: K extends SyncChannel<M>
            ? [event: IpcMainEvent<M, SyncResult<M, K>>, ...SyncArgs<M, K>]
            : [event: IpcMainEvent<M, never>, ...SendArgs<M, K>];
        };

const BOUND = [
  'handle',
  'handleOnce',
  'removeHandler',
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
  'off',
  'removeListener',
  'removeAllListeners',
] as const;

/**
 * Listeners and invoke handlers for messages from renderers: the base of `IpcMain`, and the type
 * of `webContents.ipc` (scoped to one renderer and checked before `ipcMain`, as in Electron).
 *
 * ## Example
 * ```ts
 * import { createIpc } from 'rxipc';
 *
 * const { ipcMain, webContents, ipcRenderer } = createIpc();
 * ipcMain.handle('whoami', () => 'any renderer');
 * webContents.ipc.handle('whoami', (event) => `renderer #${event.sender.id}`);
 * await ipcRenderer.invoke('whoami'); // 'renderer #1': the scoped handler wins
 * ```
 */
export class IpcScope<M extends ChannelMap = AnyChannels> extends ChannelEmitter<IpcMainEvent<M>, MainListenerMap<M>> {
  private readonly handlers = new Map<string, IpcMainHandler<any>>();

  constructor() {
    super();
    const self = this as unknown as Record<string, unknown>;
    for (const key of BOUND) bindOwn(self, key);
  }

  /**
   * Registers the handler `ipcRenderer.invoke(channel, ...)` and `invoke$` call. Only one per channel.
   *
   * @param channel The channel.
   * @param handler `(event, ...args)`; returns a value, a Promise or an Observable; may throw.
   * @throws IpcHandlerExistsError `Attempted to register a second handler for '<channel>'`.
   */
  handle<K extends InvokeChannel<M>>(channel: K, handler: IpcMainHandlerFor<M, K>): void;
  handle(channel: string, handler: IpcMainHandler<any>): void {
    if (typeof channel !== 'string') throw invalidArgType('channel', 'string', channel);
    if (typeof handler !== 'function') throw invalidArgType('handler', 'function', handler);
    if (this.handlers.has(channel)) {
      throw new IpcHandlerExistsError(`Attempted to register a second handler for '${channel}'`, { channel });
    }
    this.handlers.set(channel, handler);
  }

  /**
   * Like `handle`, for one call only: the handler is removed before it runs.
   *
   * @param channel The channel.
   * @param handler As for `handle`.
   */
  handleOnce<K extends InvokeChannel<M>>(channel: K, handler: IpcMainHandlerFor<M, K>): void;
  handleOnce(channel: string, handler: IpcMainHandler<any>): void {
    if (typeof handler !== 'function') throw invalidArgType('handler', 'function', handler);
    const once: IpcMainHandler<any> = (event, ...args) => {
      if (this.handlers.get(channel) === once) this.handlers.delete(channel);
      return handler(event, ...args);
    };
    this.handle(channel as InvokeChannel<M>, once as IpcMainHandlerFor<M, InvokeChannel<M>>);
  }

  /**
   * Removes the handler of `channel`, if any.
   *
   * @param channel The channel.
   */
  removeHandler(channel: InvokeChannel<M>): void;
  removeHandler(channel: string): void {
    if (typeof channel !== 'string') throw invalidArgType('channel', 'string', channel);
    this.handlers.delete(channel);
  }

  /** @internal The handler of `channel`, if any. */
  handlerFor(channel: string): IpcMainHandler<any> | undefined {
    return this.handlers.get(channel);
  }

  /** @internal Handlers on other nodes (the cluster), asked after every local one; see `RemoteScope`. */
  remote: RemoteScope | undefined;

  /** How many channels have a handler. */
  get handlerCount(): number {
    return this.handlers.size;
  }

  /** @internal Completes this scope's channel Observables. */
  shutdownScope(): void {
    this.closeSignal.close();
  }
}
