import { Observable, type Subscriber } from 'rxjs';
import { bindOwn, ChannelEmitter } from '../channel/ChannelEmitter.js';
import type {
  AnyChannels,
  ChannelMap,
  ChannelSection,
  ChannelTypes,
  HostArgs,
  HostChannel,
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
import type { ChannelMessage } from '../channel/fromChannel.js';
import type { ListenerName, MessageFor, RendererListenerMap } from '../channel/ListenerMap.js';
import { invalidArgType } from '../core/nodeErrors.js';
import { IpcBridgeRefusedError } from '../errors/IpcBridgeRefusedError.js';
import { IpcClosedError } from '../errors/IpcClosedError.js';
import { IpcError } from '../errors/IpcError.js';
import { IpcSerializationError } from '../errors/IpcSerializationError.js';
import { fromBridgeError } from './bridgeError.js';
import type { IpcBridge, IpcBridgeResult, IpcBridgeStatus, IpcBridgeStreamEvent } from './IpcBridge.js';
import { closedWhilePending, errorText } from '../errors/errorText.js';

/** The first argument of a bridged renderer's listeners, shaped like Electron's `IpcRendererEvent`. */
export interface BridgedIpcRendererEvent<M extends ChannelMap = AnyChannels> {
  /** The page-side renderer that received the message (never anything from the preload). */
  sender: BridgedIpcRenderer<M>;
  /** Transferred ports: always empty. */
  ports: unknown[];
}

type Kind = 'send' | 'sendSync' | 'sendToHost' | 'invoke' | 'on';

interface PendingCall {
  channel: string;
  reject(error: unknown): void;
}

interface LiveStream {
  channel: string;
  subscriber: Subscriber<unknown>;
  cancel?: () => void;
}

/** The listener methods: each one is wrapped so the page's registry drives the bridge subscriptions. */
const LISTENER_METHODS = [
  'on',
  'addListener',
  'prependListener',
  'once',
  'prependOnceListener',
  'off',
  'removeListener',
  'removeAllListeners',
] as const;
const ADDERS: ReadonlySet<string> = new Set(['on', 'addListener', 'prependListener', 'once', 'prependOnceListener']);
const BOUND = ['send', 'sendSync', 'sendToHost', 'invoke', 'invoke$', 'close'] as const;

/**
 * A full rxipc renderer rebuilt on the page side of a preload bridge (`ipcRendererFromBridge`):
 * Electron's EventEmitter API (`on`, `once`, `removeListener`, `removeAllListeners` ... that work,
 * because this side keeps its own listener registry and holds one bridge subscription per channel
 * while it has listeners), hot `channel()` Observables, `send`, `sendSync`, `sendToHost`,
 * `invoke`, `invoke$`, `errors$`, `close()`; usable with `sendTo` and `invokeOn`. Channels outside
 * the preload's allow-list are refused with `IpcBridgeRefusedError`, and errors keep their rxipc
 * class, `name` and `code` across the bridge.
 *
 * ## Example
 * ```ts
 * import { ipcRendererFromBridge, type IpcBridge } from 'rxipc/bridge';
 *
 * const ipcRenderer = ipcRendererFromBridge((window as unknown as { ipc: IpcBridge }).ipc);
 * const onTick = (_event: unknown, n: number) => console.log('tick', n);
 * ipcRenderer.on('tick', onTick);
 * ipcRenderer.removeListener('tick', onTick); // really removed: the preload listener goes too
 * ```
 *
 * @see ipcRendererFromBridge, exposeIpcBridge
 */
export class BridgedIpcRenderer<M extends ChannelMap = AnyChannels> extends ChannelEmitter<
  BridgedIpcRendererEvent<M>,
  RendererListenerMap<M, BridgedIpcRendererEvent<M>>
> {
  private readonly bridge: IpcBridge;
  private readonly allowed: Record<Kind, ReadonlySet<string>>;
  private readonly subscriptions = new Map<string, () => void>();
  private readonly calls = new Set<PendingCall>();
  private readonly streams = new Set<LiveStream>();
  private stopWatching: (() => void) | undefined;

  /**
   * @param bridge The API the preload exposed with `exposeIpcBridge` (as it arrived through `contextBridge`).
   * @throws TypeError `ERR_INVALID_ARG_TYPE` when it is not such an API.
   */
  constructor(bridge: IpcBridge<M>) {
    super();
    const api = bridge as unknown as IpcBridge;
    if (!isBridge(api)) throw invalidArgType('bridge', 'an rxipc bridge (exposeIpcBridge)', bridge);
    this.bridge = api;
    this.allowed = {
      send: new Set(api.channels.send),
      sendSync: new Set(api.channels.sendSync),
      sendToHost: new Set(api.channels.sendToHost),
      invoke: new Set(api.channels.invoke),
      on: new Set(api.channels.on),
    };
    const self = this as unknown as Record<string, unknown>;
    for (const key of BOUND) bindOwn(self, key);
    for (const key of LISTENER_METHODS) this.wrapListenerMethod(key);
    const stop = api.watch((status: IpcBridgeStatus) => this.onStatus(status));
    if (this.isClosed) stop();
    else this.stopWatching = stop;
  }

  /**
   * The messages of an allowed channel as a hot Observable of `{ event, args }`: each subscriber
   * adds one page listener (the bridge subscription is shared), removed on unsubscribe.
   *
   * @param name A channel the bridge allows `on` for.
   * @returns The channel's messages; completes when this side closes.
   * @throws IpcBridgeRefusedError when the channel is not allowed.
   */
  override channel<K extends ListenerName<RendererListenerMap<M, BridgedIpcRendererEvent<M>>>>(
    name: K,
  ): Observable<MessageFor<BridgedIpcRendererEvent<M>, RendererListenerMap<M, BridgedIpcRendererEvent<M>>, K>>;
  override channel(name: string): Observable<ChannelMessage<any, any>> {
    if (isChannel(name) && !this.allowed.on.has(name)) {
      throw new IpcBridgeRefusedError(`The preload bridge does not allow on('${name}')`, { channel: name });
    }
    return super.channel(name as ListenerName<RendererListenerMap<M, BridgedIpcRendererEvent<M>>>);
  }

  /**
   * Sends a message to the main side through the preload (`ipcRenderer.send`).
   *
   * @param channel An allowed `send` channel.
   * @param args The arguments.
   * @throws IpcBridgeRefusedError when the channel is not allowed; IpcSerializationError, IpcClosedError.
   */
  send<K extends SendChannel<M>>(channel: K, ...args: SendArgs<M, K>): void;
  send(channel: string, ...args: unknown[]): void {
    this.check('send', channel);
    unwrap(this.cross(channel, () => this.bridge.send(channel, ...args)));
  }

  /**
   * `ipcRenderer.sendSync` through the preload: main's `event.returnValue`.
   *
   * @param channel An allowed `sendSync` channel.
   * @param args The arguments.
   * @returns main's `event.returnValue`.
   * @throws IpcBridgeRefusedError, and what the preload's `sendSync` throws (same class and code).
   */
  sendSync<K extends SyncChannel<M>>(channel: K, ...args: SyncArgs<M, K>): SyncResult<M, K>;
  sendSync(channel: string, ...args: unknown[]): any {
    this.check('sendSync', channel);
    return unwrap(this.cross(channel, () => this.bridge.sendSync(channel, ...args)));
  }

  /**
   * `ipcRenderer.sendToHost` through the preload.
   *
   * @param channel An allowed `sendToHost` channel.
   * @param args The arguments.
   * @throws IpcBridgeRefusedError, IpcSerializationError, IpcClosedError.
   */
  sendToHost<K extends HostChannel<M>>(channel: K, ...args: HostArgs<M, K>): void;
  sendToHost(channel: string, ...args: unknown[]): void {
    this.check('sendToHost', channel);
    unwrap(this.cross(channel, () => this.bridge.sendToHost(channel, ...args)));
  }

  /**
   * `ipcRenderer.invoke` through the preload.
   *
   * @param channel An allowed `invoke` channel.
   * @param args The arguments.
   * @returns The handler's answer. Rejects with `IpcBridgeRefusedError`, `IpcRemoteError` (with the
   *   remote `name`, `code` and fields), `IpcClosedError` ..., each as on the preload side.
   */
  invoke<K extends InvokeChannel<M>>(channel: K, ...args: InvokeArgs<M, K>): Promise<InvokeResult<M, K>>;
  invoke(channel: string, ...args: unknown[]): Promise<any> {
    let answer: Promise<IpcBridgeResult<unknown>>;
    try {
      this.check('invoke', channel);
      answer = this.cross(channel, () => this.bridge.invoke(channel, ...args));
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const call: PendingCall = { channel, reject };
      this.calls.add(call);
      answer.then(
        (result) => {
          if (!this.calls.delete(call)) return;
          if (result.ok) resolve(result.value);
          else reject(fromBridgeError(result.error));
        },
        (error: unknown) => {
          if (this.calls.delete(call)) reject(error);
        },
      );
    });
  }

  /**
   * `ipcRenderer.invoke$` through the preload: a cold Observable; each subscription starts one
   * call, and unsubscribing cancels it on the main side.
   *
   * @param channel An allowed `invoke` channel.
   * @param args The arguments.
   * @returns The handler's answer as a stream.
   */
  invoke$<T = any>(channel: UntypedChannel<ChannelSection<M, 'invoke'>>, ...args: unknown[]): Observable<T>;
  invoke$<K extends InvokeChannel<M>>(channel: K, ...args: InvokeArgs<M, K>): Observable<InvokeResult<M, K>>;
  invoke$<T = any>(channel: string, ...args: unknown[]): Observable<T> {
    return new Observable<T>((subscriber) => {
      try {
        this.check('invoke', channel);
      } catch (error) {
        subscriber.error(error);
        return undefined;
      }
      const stream: LiveStream = { channel, subscriber: subscriber as Subscriber<unknown> };
      this.streams.add(stream);
      const sink = (event: IpcBridgeStreamEvent): void => {
        if (!this.streams.has(stream)) return;
        if (event.kind === 'next') {
          subscriber.next(event.value as T);
          return;
        }
        this.streams.delete(stream);
        if (event.kind === 'error') subscriber.error(fromBridgeError(event.error));
        else subscriber.complete();
      };
      let cancel: () => void;
      try {
        cancel = this.cross(channel, () => this.bridge.invokeStream(channel, args, sink));
      } catch (error) {
        this.streams.delete(stream);
        subscriber.error(error);
        return undefined;
      }
      stream.cancel = cancel;
      return () => {
        this.streams.delete(stream);
        cancel();
      };
    });
  }

  /**
   * Closes the page side: every bridge subscription is released (the preload's listeners go),
   * channel Observables and `errors$` complete, pending `invoke`s reject and live `invoke$` streams
   * error with `IpcClosedError` (and are cancelled on the main side), later sends throw it. The
   * preload's renderer stays open. Idempotent.
   */
  close(): void {
    this.shutdown(new IpcClosedError('The bridged IpcRenderer was closed'));
  }

  /** How many `invoke` calls and `invoke$` streams are waiting for an answer. */
  get pendingCount(): number {
    return this.calls.size + this.streams.size;
  }

  /** How many channels this page holds a bridge subscription for (one per channel with listeners). */
  get bridgeSubscriptionCount(): number {
    return this.subscriptions.size;
  }

  private check(kind: Kind, channel: unknown): asserts channel is string {
    if (typeof channel !== 'string') throw invalidArgType('channel', 'string', channel);
    if (this.isClosed) throw new IpcClosedError(`Cannot ${kind}('${channel}'): the bridged IpcRenderer is closed`, { channel });
    if (!this.allowed[kind].has(channel)) {
      throw new IpcBridgeRefusedError(`The preload bridge does not allow ${kind}('${channel}')`, { channel });
    }
  }

  /** Calls the bridge; an exception there means the arguments could not be copied across it. */
  private cross<T>(channel: string, call: () => T): T {
    try {
      return call();
    } catch (cause) {
      throw new IpcSerializationError(
        `Cannot send on '${channel}': the arguments could not cross the context bridge (${errorText(cause)})`,
        { channel, cause },
      );
    }
  }

  /** Makes a listener method check allowed channels first and update the bridge subscriptions after. */
  private wrapListenerMethod(key: (typeof LISTENER_METHODS)[number]): void {
    const original = (this as unknown as Record<string, (...args: unknown[]) => unknown>)[key]!;
    const adds = ADDERS.has(key);
    const wrapped = (...args: unknown[]): this => {
      const name = args[0];
      if (adds && isChannel(name) && !this.allowed.on.has(name)) {
        throw new IpcBridgeRefusedError(`The preload bridge does not allow on('${name}')`, { channel: name });
      }
      original.apply(this, args);
      if (key === 'removeAllListeners' && args.length === 0) this.syncAll();
      else if (isChannel(name)) this.sync(name);
      return this;
    };
    Object.defineProperty(this, key, { value: wrapped, writable: true, configurable: true, enumerable: false });
  }

  /** Holds one bridge subscription for `name` exactly while it has listeners (and this side is open). */
  private sync(name: string): void {
    const active = this.subscriptions.get(name);
    const wanted = !this.isClosed && this.listenerCount(name) > 0;
    if (wanted && active === undefined) {
      const dispose = this.bridge.on(name, (...args: unknown[]) => {
        this.deliverTo(this, name, [{ sender: this, ports: [] } satisfies BridgedIpcRendererEvent<M>, ...args]);
      });
      this.subscriptions.set(name, dispose);
    } else if (!wanted && active !== undefined) {
      this.subscriptions.delete(name);
      active();
    }
  }

  private syncAll(): void {
    for (const name of [...this.subscriptions.keys()]) this.sync(name);
  }

  private onStatus(status: IpcBridgeStatus): void {
    if (status.kind === 'closed') {
      this.shutdown(new IpcClosedError("The preload's IpcRenderer was closed"));
      return;
    }
    const error = fromBridgeError(status.error);
    this.reportError(error instanceof IpcError ? error : new IpcError(error.message, 'ERR_IPC', { cause: error }));
  }

  private shutdown(error: IpcClosedError): void {
    if (this.isClosed) return;
    const stop = this.stopWatching;
    this.stopWatching = undefined;
    stop?.();
    const subscriptions = [...this.subscriptions.values()];
    this.subscriptions.clear();
    const calls = [...this.calls];
    const streams = [...this.streams];
    this.calls.clear();
    this.streams.clear();
    this.closeSignal.close();
    for (const dispose of subscriptions) dispose();
    for (const call of calls) call.reject(closedWhilePending(error, call.channel));
    for (const stream of streams) {
      stream.cancel?.();
      stream.subscriber.error(closedWhilePending(error, stream.channel));
    }
  }
}

/**
 * Types only: the channel map's view of `send` and `invoke$`, read by the `sendTo` and `invokeOn`
 * operators. Never present at runtime.
 */
export interface BridgedIpcRenderer<M extends ChannelMap = AnyChannels> {
  /** Type only (never present at runtime): the channels `send` and `invoke$` accept. */
  readonly '~channels'?: ChannelTypes<ChannelSection<M, 'send'>, ChannelSection<M, 'invoke'>>;
}

/** `string` for an untyped section (any channel, explicit result type), `never` for a typed one. */
type UntypedChannel<S> = IsLooseMap<S> extends true ? string : never;

function isChannel(name: unknown): name is string {
  return typeof name === 'string' && name !== 'newListener' && name !== 'removeListener';
}

function unwrap<T>(result: IpcBridgeResult<T>): T {
  if (result.ok) return result.value;
  throw fromBridgeError(result.error);
}

function isBridge(value: unknown): value is IpcBridge {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  if (api['version'] !== 1) return false;
  for (const key of ['send', 'sendSync', 'sendToHost', 'invoke', 'invokeStream', 'on', 'watch']) {
    if (typeof api[key] !== 'function') return false;
  }
  const channels = api['channels'] as Record<string, unknown> | undefined;
  if (typeof channels !== 'object' || channels === null) return false;
  return ['send', 'sendSync', 'sendToHost', 'invoke', 'on'].every(
    (kind) => Array.isArray(channels[kind]) && (channels[kind] as unknown[]).every((name) => typeof name === 'string'),
  );
}
