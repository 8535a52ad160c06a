import { bindOwn } from '../channel/ChannelEmitter.js';
import type { AnyChannels, ChannelMap, InvokeChannel, SendChannel, SyncChannel } from '../channel/ChannelMap.js';
import { invalidArgType } from '../core/nodeErrors.js';
import { IpcClosedError } from '../errors/IpcClosedError.js';
import { pickCodecOptions, type CodecOptions } from '../protocol/codec.js';
import type { SubjectLike } from '../contract/SubjectLike.js';
import { IpcScope } from './IpcScope.js';
import type { RemoteScope } from './RemoteScope.js';
import { WebContents, type WebContentsOwner } from './WebContents.js';

/** Options of `new IpcMain(options)`. */
export interface IpcMainOptions<M extends ChannelMap = AnyChannels> extends CodecOptions {
  /**
   * Whether the rejections of `invoke` carry the main-side stack (`err.remoteStack`). Off by
   * default: a renderer may be compromised, and stacks show file paths.
   * @default false
   */
  exposeStack?: boolean;
  /**
   * The channels renderers may use (send, sendSync, invoke, invoke$), as a list or a predicate.
   * Messages on other channels are refused: never delivered, reported on `errors$` as
   * `IpcRefusedError`; an `invoke` on them rejects with it. A `WebContents` can narrow this further
   * with `connect(transport, { allowedChannels })`. With a channel map, a listed name must be one
   * of its `send`, `sync` or `invoke` channels (a typo does not compile).
   * @default every channel
   */
  allowedChannels?: ChannelAllowList<M>;
  /**
   * Validates the sender of every message, in the spirit of Electron's security checklist: return
   * `false` (or throw) to refuse it. Called after the allow-lists, with the sender's
   * `WebContents` (whose `url` is what `connect` was given), the channel and the kind of message.
   * @default every sender is accepted
   */
  validateSender?: (message: SenderCheck) => boolean;
}

/**
 * A channel allow-list: the allowed names, or a predicate. With a channel map `M`, the names must
 * be channels a renderer can use (`RendererChannel<M>`).
 *
 * ## Example
 * ```ts
 * import { IpcMain, type ChannelMap } from 'rxipc';
 *
 * interface AppChannels extends ChannelMap {
 *   send: { log: [text: string] };
 *   invoke: { 'user:get': { args: [id: string]; result: { name: string } } };
 * }
 * const ipcMain = new IpcMain<AppChannels>({ allowedChannels: ['log', 'user:get'] });
 * // new IpcMain<AppChannels>({ allowedChannels: ['lgo'] }); // does not compile
 * ipcMain.connect(transport, { allowedChannels: (channel) => channel.startsWith('user:') });
 * ```
 */
export type ChannelAllowList<M extends ChannelMap = AnyChannels> = Iterable<RendererChannel<M>> | ((channel: string) => boolean);

/**
 * The channels a renderer of channel map `M` can use towards main: its `send`, `sync` and
 * `invoke` channels (`string` for untyped use).
 *
 * ## Example
 * ```ts
 * import type { ChannelMap, RendererChannel } from 'rxipc';
 *
 * interface AppChannels extends ChannelMap { send: { log: [string] }; invoke: { sum: { args: [number, number]; result: number } } }
 * const everything: RendererChannel<AppChannels>[] = ['log', 'sum'];
 * ```
 */
export type RendererChannel<M extends ChannelMap = AnyChannels> = SendChannel<M> | SyncChannel<M> | InvokeChannel<M>;

/** What `validateSender` is asked about. */
export interface SenderCheck {
  /** The renderer that sent the message. */
  sender: WebContents<any>;
  /** The channel it used. */
  channel: string;
  /** What it sent. */
  kind: 'send' | 'sync' | 'invoke' | 'invoke-stream';
}

/** Options of `ipcMain.connect(transport, options)`. */
export interface ConnectOptions<M extends ChannelMap = AnyChannels> {
  /**
   * The channels this renderer may use, on top of `IpcMain`'s own list (both must allow).
   * @default every channel `IpcMain` allows
   */
  allowedChannels?: ChannelAllowList<M>;
  /**
   * Where this renderer comes from (a page URL, a worker script, a socket's remote address), for
   * `validateSender` and logs: `webContents.url`.
   * @default ''
   */
  url?: string;
}

/**
 * The main side of rxipc: Electron's `ipcMain` (`on`, `once`, `removeListener`,
 * `removeAllListeners`, `handle`, `handleOnce`, `removeHandler`) for any number of renderers on
 * any transports, plus hot channel Observables (`channel`). Each `connect(transport)` returns the
 * renderer's `WebContents`.
 *
 * ## Example
 * ```ts
 * import { createMemoryTransportPair, IpcMain, IpcRenderer } from 'rxipc';
 *
 * const ipcMain = new IpcMain();
 * ipcMain.on('log', (event, line) => console.log(`#${event.sender.id}:`, line));
 * ipcMain.on('config', (event) => { event.returnValue = { theme: 'dark' }; });
 * ipcMain.handle('read', async (_event, key: string) => localStore.get(key));
 *
 * const [mainEnd, rendererEnd] = createMemoryTransportPair();
 * ipcMain.connect(mainEnd);
 * const ipcRenderer = new IpcRenderer(rendererEnd);
 * ipcRenderer.sendSync('config'); // { theme: 'dark' }
 * ```
 *
 * @see IpcRenderer, WebContents
 */
export class IpcMain<M extends ChannelMap = AnyChannels> extends IpcScope<M> {
  private readonly contents = new Set<WebContents<M>>();
  private readonly owner: WebContentsOwner<M>;

  /**
   * @param options `exposeStack` and codec limits.
   */
  constructor(options: IpcMainOptions<M> = {}) {
    super();
    const codec = pickCodecOptions(options);
    this.owner = {
      scope: this,
      exposeStack: options.exposeStack ?? false,
      codec,
      allows: toPredicate(options.allowedChannels),
      validateSender: options.validateSender,
      detach: (contents) => void this.contents.delete(contents),
    };
    const self = this as unknown as Record<string, unknown>;
    for (const key of ['connect', 'close', 'getAllWebContents'] as const) bindOwn(self, key);
  }

  /**
   * Serves a renderer on the other end of `transport`.
   *
   * @param transport The main end of a transport.
   * @param options This renderer's own channel allow-list and its `url`.
   * @returns The renderer's `WebContents`.
   * @throws IpcClosedError when this `IpcMain` is closed.
   */
  connect(transport: SubjectLike<string>, options: ConnectOptions<M> = {}): WebContents<M> {
    if (this.isClosed) throw new IpcClosedError('Cannot connect a renderer: the IpcMain is closed');
    const contents = new WebContents(this.owner, transport, { allows: toPredicate(options.allowedChannels), url: options.url ?? '' });
    if (!contents.isDestroyed()) {
      this.contents.add(contents);
      this.remote?.connected?.(contents);
    }
    return contents;
  }

  /**
   * @internal Plugs in handlers that live on other nodes (see `RemoteScope`); `undefined` unplugs.
   *
   * @param remote The cluster layer's view of the other nodes.
   */
  attachRemote(remote: RemoteScope | undefined): void {
    this.remote = remote;
  }

  /** The connected renderers that are not destroyed, in connection order. */
  getAllWebContents(): WebContents<M>[] {
    return [...this.contents];
  }

  /**
   * Disconnects every renderer and completes this side's channel Observables and `errors$`.
   * Listeners and handlers stay registered. Idempotent.
   */
  close(): void {
    for (const contents of [...this.contents]) contents.close();
    this.shutdownScope();
  }
}

/** Turns an allow-list into a predicate; `undefined` allows everything. */
function toPredicate(list: Iterable<string> | ((channel: string) => boolean) | undefined): ((channel: string) => boolean) | undefined {
  if (list === undefined) return undefined;
  if (typeof list === 'function') return list;
  if (typeof (list as Iterable<string>)[Symbol.iterator] !== 'function') {
    throw invalidArgType('allowedChannels', ['Iterable', 'Function'], list);
  }
  const allowed = new Set(list);
  return (channel) => allowed.has(channel);
}
