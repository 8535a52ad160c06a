import { filter, map, type Observable } from 'rxjs';
import { bindOwn, ChannelEmitter } from '../channel/ChannelEmitter.js';
import type {
  AnyChannels,
  ChannelMap,
  ChannelSection,
  ChannelTypes,
  EventArgs,
  EventChannel,
  HostArgs,
  HostChannel,
  IsLooseMap,
} from '../channel/ChannelMap.js';
import { fromChannel, type ChannelMessage } from '../channel/fromChannel.js';
import type { ListenerName, LooseListeners, MessageFor } from '../channel/ListenerMap.js';
import { invalidArgType } from '../core/nodeErrors.js';
import { IpcBadFrameError } from '../errors/IpcBadFrameError.js';
import { IpcClosedError } from '../errors/IpcClosedError.js';
import type { CodecOptions } from '../protocol/codec.js';
import { PROTOCOL_VERSION, type Envelope } from '../protocol/Envelope.js';
import { Link } from '../protocol/Link.js';
import type { SubjectLike } from '../contract/SubjectLike.js';

/** What `'ipc-message'` listeners of an `IpcHost` receive, as a `<webview>`'s `ipc-message` event. */
export interface IpcHostMessageEvent<M extends ChannelMap = AnyChannels> {
  /** The channel the guest used in `sendToHost`. */
  channel: string;
  /** The arguments. */
  args: unknown[];
  /** The host that received it. */
  sender: IpcHost<M>;
}

/**
 * What a guest's `ipcRenderer.sendToHost` reaches, like the page that embeds a `<webview>`: it
 * emits `'ipc-message'` with `{ channel, args }`, offers each channel as an Observable, and can
 * `send` back to the guest, whose `ipcRenderer.on` receives it.
 *
 * ## Example
 * ```ts
 * import { createIpc } from 'rxipc';
 *
 * const { host, ipcRenderer } = createIpc();
 * host.on('ipc-message', ({ channel, args }) => console.log(channel, args)); // 'ready' [42]
 * host.channel('ready').subscribe(({ args }) => host.send('welcome', ...args));
 * ipcRenderer.sendToHost('ready', 42);
 * ```
 */
export class IpcHost<M extends ChannelMap = AnyChannels> extends ChannelEmitter<
  IpcHostMessageEvent<M>,
  LooseListeners,
  HostListenerMap<M>
> {
  private readonly link: Link;

  /**
   * @param transport The host's end of the transport whose other end is the guest renderer's `host` option.
   * @param options Codec limits.
   */
  constructor(transport: SubjectLike<string>, options: CodecOptions = {}) {
    super();
    this.link = new Link(
      transport,
      { frame: (frame) => this.receive(frame), report: (e) => this.reportError(e), lost: () => this.closeSignal.close() },
      options,
    );
    const self = this as unknown as Record<string, unknown>;
    for (const key of ['send', 'close', 'on', 'once', 'off', 'addListener', 'removeListener', 'removeAllListeners'] as const) {
      bindOwn(self, key);
    }
  }

  /**
   * The guest's `sendToHost` messages on one channel, as a hot Observable of `{ event, args }`.
   * Each subscriber adds one `'ipc-message'` listener, removed on unsubscribe.
   *
   * @param name The channel.
   * @returns The channel's messages; completes when the host closes.
   */
  override channel<K extends ListenerName<HostListenerMap<M>>>(
    name: K,
  ): Observable<MessageFor<IpcHostMessageEvent<M>, HostListenerMap<M>, K>>;
  override channel(name: string): Observable<ChannelMessage<any, any>> {
    if (typeof name !== 'string') throw invalidArgType('channel', 'string', name);
    return fromChannel<IpcHostMessageEvent<M>>(this, 'ipc-message', this.closeSignal).pipe(
      filter(({ event }) => event.channel === name),
      map(({ event }) => ({ event, args: event.args })),
    );
  }

  /**
   * Sends a message to the guest, where `ipcRenderer.on(channel, ...)` receives it.
   *
   * @param channel The channel.
   * @param args The arguments, serialised as JSON now.
   * @throws IpcSerializationError, IpcClosedError.
   */
  send<K extends EventChannel<M>>(channel: K, ...args: EventArgs<M, K>): void;
  send(channel: string, ...args: unknown[]): void {
    if (typeof channel !== 'string') throw invalidArgType('channel', 'string', channel);
    if (this.link.closed) throw new IpcClosedError(`Cannot send on '${channel}': the IpcHost is closed`, { channel });
    this.link.post(this.link.encode({ v: PROTOCOL_VERSION, kind: 'message', channel, args }));
  }

  /** Closes the host side; the guest's `sendToHost` then reaches nobody. Idempotent. */
  close(): void {
    this.link.close();
    this.closeSignal.close();
  }

  private receive(frame: Envelope): void {
    if (frame.kind !== 'host') {
      this.reportError(new IpcBadFrameError(`An IpcHost does not accept '${frame.kind}' frames`));
      return;
    }
    if (this.listenerCount('ipc-message') === 0) return;
    const event: IpcHostMessageEvent<M> = { channel: frame.channel, args: frame.args, sender: this };
    this.deliverTo(this, 'ipc-message', [event]);
  }
}

/**
 * Types only: the channel map's view of `send` (to the guest's `ipcRenderer.on`: `events`), read
 * by the `sendTo` operator. Never present at runtime.
 */
export interface IpcHost<M extends ChannelMap = AnyChannels> {
  /** Type only (never present at runtime): the channels `send` accepts. */
  readonly '~channels'?: ChannelTypes<ChannelSection<M, 'events'>, {}>;
}

/** The channels `host.channel(name)` offers: `M`'s `host` section, `[event, ...args]`; untyped when it is. */
type HostListenerMap<M extends ChannelMap> =
  IsLooseMap<ChannelSection<M, 'host'>> extends true
    ? LooseListeners
    : { [K in HostChannel<M>]: [event: IpcHostMessageEvent<M>, ...HostArgs<M, K>] };
