import { Observable, Subject } from 'rxjs';
import { EventEmitter } from '../core/EventEmitter.js';
import { invalidArgType } from '../core/nodeErrors.js';
import { IpcError } from '../errors/IpcError.js';
import { IpcListenerError } from '../errors/IpcListenerError.js';
import { CloseSignal } from './CloseSignal.js';
import { deliver } from './deliver.js';
import { fromChannel, type ChannelMessage } from './fromChannel.js';
import type { Listener } from '../core/EventEmitter.js';
import type { ListenerFor, ListenerName, LooseListeners, MessageFor, MetaEventName, MetaListener, OtherEventName } from './ListenerMap.js';
import { errorText } from '../errors/errorText.js';

/**
 * The base of the rxipc facades (`IpcRenderer`, `IpcMain`, `webContents.ipc`, `IpcHost`): a Node
 * compatible `EventEmitter` whose channels are also hot Observables, with an `errors$` stream
 * where problems that must not be thrown into user code are reported.
 *
 * ## Example
 * ```ts
 * import { createIpc } from 'rxipc';
 *
 * const { ipcMain } = createIpc();
 * ipcMain.channel('log').subscribe(({ args }) => console.log(...args));
 * ipcMain.errors$.subscribe((err) => console.warn(err.code, err.message));
 * ```
 */
export class ChannelEmitter<E, L = LooseListeners, C = L> extends EventEmitter {
  private readonly errorSubject = new Subject<IpcError>();
  /** @internal Closed with the facade: completes its channel Observables. */
  protected readonly closeSignal = new CloseSignal();

  /**
   * Problems reported instead of thrown: listeners or handlers that threw while a message was
   * delivered (`IpcListenerError`), frames dropped as malformed or hostile (`IpcBadFrameError`).
   * Hot; completes when the facade closes. With no subscriber, reports go to `console.error`.
   */
  readonly errors$: Observable<IpcError> = this.errorSubject.asObservable();

  constructor() {
    super();
    this.closeSignal.onClose(() => this.errorSubject.complete());
    const self = this as unknown as Record<string, unknown>;
    for (const key of ['channel'] as const) bindOwn(self, key);
  }

  /** Whether this facade has been closed (by `close()` or because its peer went away). */
  get isClosed(): boolean {
    return this.closeSignal.isClosed;
  }

  /**
   * The messages of one channel as a hot Observable of `{ event, args }`. Each subscriber adds one
   * listener (so `listenerCount(name)` counts it) and removes it on unsubscribe; nothing is replayed
   * and subscribing sends nothing. Completes when the facade closes.
   *
   * @param name The channel.
   * @returns The channel's messages.
   */
  channel<K extends ListenerName<C>>(name: K): Observable<MessageFor<E, C, K>>;
  channel(name: string): Observable<ChannelMessage<any, any>> {
    if (typeof name !== 'string') throw invalidArgType('channel', 'string', name);
    return fromChannel<E>(this, name, this.closeSignal);
  }

  /** @internal Reports a problem on `errors$` (or the console when nobody listens). */
  reportError(error: IpcError): void {
    if (this.errorSubject.observed) this.errorSubject.next(error);
    else console.error(`[rxipc] ${error.name}: ${error.message}`, error.cause ?? '');
  }

  /** @internal Delivers an incoming message to `target`'s listeners, reporting any that throw. */
  deliverTo(target: EventEmitter, name: string, args: readonly unknown[]): number {
    return deliver(target, name, args, this.listenerThrew);
  }

  /** Reports what a listener threw during a delivery (one function per facade, not one per message). */
  private readonly listenerThrew = (cause: unknown, name: string): void => {
    this.reportError(new IpcListenerError(`A listener for '${name}' threw: ${errorText(cause)}`, { cause, channel: name }));
  };
}

/**
 * The listener methods, typed from the listener map `L` (`C`, the same by default, types
 * `channel()`): with a typed map, channel names and
 * listener parameters are checked, and only Node's meta events (`'newListener'`,
 * `'removeListener'`) and symbols are accepted besides the channels; untyped (the default), every
 * name and `(...args: any[])` listeners, as a plain `EventEmitter`. Types only.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration repeats the class's type parameters.
export interface ChannelEmitter<E, L, C> {
  on<K extends ListenerName<L>>(channel: K, listener: ListenerFor<L, K>): this;
  on(eventName: MetaEventName, listener: MetaListener): this;
  on(eventName: OtherEventName<L>, listener: Listener): this;
  addListener<K extends ListenerName<L>>(channel: K, listener: ListenerFor<L, K>): this;
  addListener(eventName: MetaEventName, listener: MetaListener): this;
  addListener(eventName: OtherEventName<L>, listener: Listener): this;
  prependListener<K extends ListenerName<L>>(channel: K, listener: ListenerFor<L, K>): this;
  prependListener(eventName: MetaEventName, listener: MetaListener): this;
  prependListener(eventName: OtherEventName<L>, listener: Listener): this;
  once<K extends ListenerName<L>>(channel: K, listener: ListenerFor<L, K>): this;
  once(eventName: MetaEventName, listener: MetaListener): this;
  once(eventName: OtherEventName<L>, listener: Listener): this;
  prependOnceListener<K extends ListenerName<L>>(channel: K, listener: ListenerFor<L, K>): this;
  prependOnceListener(eventName: MetaEventName, listener: MetaListener): this;
  prependOnceListener(eventName: OtherEventName<L>, listener: Listener): this;
  off<K extends ListenerName<L>>(channel: K, listener: ListenerFor<L, K>): this;
  off(eventName: MetaEventName, listener: MetaListener): this;
  off(eventName: OtherEventName<L>, listener: Listener): this;
  removeListener<K extends ListenerName<L>>(channel: K, listener: ListenerFor<L, K>): this;
  removeListener(eventName: MetaEventName, listener: MetaListener): this;
  removeListener(eventName: OtherEventName<L>, listener: Listener): this;
  removeAllListeners(eventName?: ListenerName<L> | MetaEventName | OtherEventName<L>): this;
}

/** Makes `obj[key]` an own, non-enumerable, bound copy of its method, so it survives detaching. */
export function bindOwn(obj: Record<string, unknown>, key: string): void {
  const method = obj[key];
  if (typeof method === 'function') {
    Object.defineProperty(obj, key, { value: method.bind(obj), writable: true, configurable: true, enumerable: false });
  }
}
