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
import type { RendererListenerMap } from '../channel/ListenerMap.js';
import { invalidArgType } from '../core/nodeErrors.js';
import { IpcBadFrameError } from '../errors/IpcBadFrameError.js';
import { IpcClosedError } from '../errors/IpcClosedError.js';
import { IpcError } from '../errors/IpcError.js';
import { IpcNoReturnValueError } from '../errors/IpcNoReturnValueError.js';
import { IpcSyncUnsupportedError } from '../errors/IpcSyncUnsupportedError.js';
import { pickCodecOptions, type CodecOptions } from '../protocol/codec.js';
import { PROTOCOL_VERSION, type Envelope } from '../protocol/Envelope.js';
import { Link } from '../protocol/Link.js';
import { fromWireError } from '../protocol/wireError.js';
import type { SubjectLike } from '../contract/SubjectLike.js';
import { closedWhilePending } from '../errors/errorText.js';

/** The first argument of every renderer-side listener, as Electron's `IpcRendererEvent`. */
export interface IpcRendererEvent<M extends ChannelMap = AnyChannels> {
  /** The `IpcRenderer` that received the message. */
  sender: IpcRenderer<M>;
  /** Transferred ports: always empty, rxipc moves JSON. */
  ports: unknown[];
}

/** A renderer-side listener: `(event, ...args)`. */
export type IpcRendererListener = (event: IpcRendererEvent, ...args: any[]) => void;

/** Options of `new IpcRenderer(transport, options)`. */
export interface IpcRendererOptions extends CodecOptions {
  /** The transport to an `IpcHost`, where `sendToHost` goes. Without it `sendToHost` reaches nobody, as in Electron. */
  host?: SubjectLike<string>;
  /**
   * How long `sendSync` waits for main where the transport really blocks, in milliseconds.
   * @default 5000
   */
  syncTimeout?: number;
}

interface PendingCall {
  channel: string;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface LiveStream {
  channel: string;
  subscriber: Subscriber<unknown>;
}

const BOUND = [
  'send',
  'sendSync',
  'sendToHost',
  'invoke',
  'invoke$',
  'close',
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
 * The renderer side of rxipc: Electron's `ipcRenderer` (`on`, `once`, `removeListener`,
 * `removeAllListeners`, `send`, `sendSync`, `sendToHost`, `invoke`) over any transport, plus hot
 * channel Observables (`channel`) and streamed calls (`invoke$`). Every public method survives
 * being detached (`const { send } = ipcRenderer`).
 *
 * ## Example
 * ```ts
 * import { createIpc } from 'rxipc';
 *
 * const { ipcMain, ipcRenderer } = createIpc();
 * ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
 * ipcMain.on('ping', (event) => event.reply('pong', Date.now()));
 *
 * ipcRenderer.on('pong', (_event, at) => console.log('pong at', at));
 * ipcRenderer.send('ping');
 * console.log(await ipcRenderer.invoke('sum', 1, 2)); // 3
 * ```
 *
 * @see IpcMain, createIpc
 */
export class IpcRenderer<M extends ChannelMap = AnyChannels> extends ChannelEmitter<
  IpcRendererEvent<M>,
  RendererListenerMap<M, IpcRendererEvent<M>>
> {
  private readonly link: Link;
  private readonly hostLink: Link | undefined;
  private readonly syncTimeout: number;
  private nextId = 1;
  private readonly calls = new Map<number, PendingCall>();
  private readonly streams = new Map<number, LiveStream>();

  /**
   * @param transport The end of a transport whose other end is connected to an `IpcMain`.
   * @param options A host transport for `sendToHost`, the `sendSync` timeout, codec limits.
   */
  constructor(transport: SubjectLike<string>, options: IpcRendererOptions = {}) {
    super();
    this.syncTimeout = options.syncTimeout ?? 5000;
    const codec = pickCodecOptions(options);
    this.link = new Link(
      transport,
      { frame: (frame) => this.receive(frame), report: (e) => this.reportError(e), lost: (cause) => this.lose(cause) },
      codec,
    );
    if (options.host !== undefined) {
      this.hostLink = new Link(
        options.host,
        { frame: (frame) => this.receive(frame), report: (e) => this.reportError(e), lost: () => undefined },
        codec,
      );
    }
    const self = this as unknown as Record<string, unknown>;
    for (const key of BOUND) bindOwn(self, key);
  }

  /**
   * Sends a message to the main side, asynchronously: it is never delivered before `send`
   * returns. The arguments are serialised as JSON now, inside the call.
   *
   * @param channel The channel.
   * @param args The arguments; main's listeners get `(event, ...args)`.
   * @throws IpcSerializationError when the arguments cannot be encoded (nothing is sent).
   * @throws IpcClosedError once closed.
   */
  send<K extends SendChannel<M>>(channel: K, ...args: SendArgs<M, K>): void;
  send(channel: string, ...args: unknown[]): void {
    this.check(channel);
    this.link.post(this.link.encode({ v: PROTOCOL_VERSION, kind: 'send', channel, args }));
  }

  /**
   * Sends a message to the main side and returns the first value a main listener assigns to
   * `event.returnValue`. Everything sent before it is handled before it. Over the in-memory
   * transport main answers during the call; over a transport that can block (a worker) this side
   * blocks until the answer or `syncTimeout`.
   *
   * @param channel The channel.
   * @param args The arguments.
   * @returns main's `event.returnValue`.
   * @throws IpcNoReturnValueError when no main listener answers (at once where main is in-process).
   * @throws IpcTimeoutError when a blocking wait runs out.
   * @throws IpcSyncUnsupportedError where the transport can neither block nor reach main in-process.
   * @throws IpcRemoteError when main refused the message (`code: 'ERR_IPC_REFUSED'`).
   * @throws IpcSerializationError, IpcClosedError as `send`.
   */
  sendSync<K extends SyncChannel<M>>(channel: K, ...args: SyncArgs<M, K>): SyncResult<M, K>;
  sendSync(channel: string, ...args: unknown[]): any {
    this.check(channel);
    if (!this.link.canRequestSync) {
      throw new IpcSyncUnsupportedError(
        `sendSync('${channel}') cannot work over this transport: it can neither block nor reach the main side in-process. Use invoke('${channel}', ...) instead.`,
        { channel },
      );
    }
    const id = this.nextId++;
    const text = this.link.encode({ v: PROTOCOL_VERSION, kind: 'sync', id, channel, args });
    const reply = this.link.request(
      text,
      (frame) => (frame.kind === 'reply' || frame.kind === 'error') && frame.id === id,
      this.syncTimeout,
    );
    if (reply === undefined) {
      throw new IpcNoReturnValueError(`No main-side listener set event.returnValue for sendSync('${channel}')`, { channel });
    }
    if (reply.kind === 'error') {
      if (reply.error.code === 'ERR_IPC_NO_RETURN_VALUE') throw new IpcNoReturnValueError(reply.error.message, { channel });
      throw fromWireError(reply.error, channel, 'sendSync');
    }
    return (reply as { value?: unknown }).value;
  }

  /**
   * Sends a message to the host (`IpcHost`, like the page that embeds a `<webview>`), which
   * emits `'ipc-message'` with `{ channel, args }`. Without a host it reaches nobody, as in Electron.
   *
   * @param channel The channel.
   * @param args The arguments.
   * @throws IpcSerializationError, IpcClosedError as `send`.
   */
  sendToHost<K extends HostChannel<M>>(channel: K, ...args: HostArgs<M, K>): void;
  sendToHost(channel: string, ...args: unknown[]): void {
    this.check(channel);
    const text = this.link.encode({ v: PROTOCOL_VERSION, kind: 'host', channel, args });
    this.hostLink?.post(text);
  }

  /**
   * Calls main's handler for `channel` (`ipcMain.handle`) and resolves with what it returns
   * (awaited; for an Observable, its last value). A handler returning `undefined` resolves
   * `undefined`.
   *
   * @param channel The channel.
   * @param args The arguments.
   * @returns The handler's answer.
   * Rejects with `IpcRemoteError` (Electron's message `Error invoking remote method '<channel>': ...`,
   * plus the remote `code`, `name`, fields and `cause`), `IpcSerializationError`, or `IpcClosedError`.
   */
  invoke<K extends InvokeChannel<M>>(channel: K, ...args: InvokeArgs<M, K>): Promise<InvokeResult<M, K>>;
  invoke(channel: string, ...args: unknown[]): Promise<any> {
    let text: string;
    const id = this.nextId++;
    try {
      this.check(channel);
      text = this.link.encode({ v: PROTOCOL_VERSION, kind: 'invoke', id, channel, args });
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.calls.set(id, { channel, resolve, reject });
      try {
        this.link.post(text);
      } catch (error) {
        // The transport refused the frame (e.g. backpressure): nothing was sent, nothing waits.
        this.calls.delete(id);
        reject(error);
      }
    });
  }

  /**
   * A cold Observable of a call to main's handler for `channel`: each subscription sends one
   * request. A handler that returns a value or a Promise gives one value then completes; one that
   * returns an Observable streams it. Unsubscribing tells main, which unsubscribes its source and
   * aborts `event.signal`.
   *
   * @param channel The channel.
   * @param args The arguments.
   * @returns The handler's answer as a stream.
   */
  invoke$<T = any>(channel: UntypedChannel<ChannelSection<M, 'invoke'>>, ...args: unknown[]): Observable<T>;
  invoke$<K extends InvokeChannel<M>>(channel: K, ...args: InvokeArgs<M, K>): Observable<InvokeResult<M, K>>;
  invoke$<T = any>(channel: string, ...args: unknown[]): Observable<T> {
    return new Observable<T>((subscriber) => {
      const id = this.nextId++;
      let text: string;
      try {
        this.check(channel);
        text = this.link.encode({ v: PROTOCOL_VERSION, kind: 'invoke-stream', id, channel, args });
      } catch (error) {
        subscriber.error(error);
        return undefined;
      }
      this.streams.set(id, { channel, subscriber: subscriber as Subscriber<unknown> });
      try {
        this.link.post(text);
      } catch (error) {
        this.streams.delete(id);
        subscriber.error(error);
        return undefined;
      }
      return () => {
        if (this.streams.delete(id) && !this.link.closed) {
          try {
            this.link.post(this.link.encode({ v: PROTOCOL_VERSION, kind: 'cancel', id }));
          } catch (error) {
            // Teardown must not throw; main learns of the cancellation when the connection ends.
            this.reportError(asIpcError(error, channel));
          }
        }
      };
    });
  }

  /**
   * Closes this renderer: the main side's `WebContents` is destroyed, channel Observables complete,
   * pending `invoke`s reject and live `invoke$` streams error with `IpcClosedError`, and later sends
   * throw it. Idempotent.
   */
  close(): void {
    if (this.link.closed && this.isClosed) return;
    this.link.close();
    this.hostLink?.close();
    this.shutdown(new IpcClosedError('The IpcRenderer was closed'));
  }

  /** How many `invoke` calls and `invoke$` streams are waiting for main. */
  get pendingCount(): number {
    return this.calls.size + this.streams.size;
  }

  private check(channel: string): void {
    if (typeof channel !== 'string') throw invalidArgType('channel', 'string', channel);
    if (this.link.closed) throw new IpcClosedError(`Cannot send on '${channel}': the IpcRenderer is closed`, { channel });
  }

  private receive(frame: Envelope): void {
    switch (frame.kind) {
      case 'message':
        // No event or argument list for a channel nobody listens to.
        if (this.listenerCount(frame.channel) > 0) {
          this.deliverTo(this, frame.channel, [{ sender: this, ports: [] } satisfies IpcRendererEvent<M>, ...frame.args]);
        }
        return;
      case 'reply': {
        const call = this.calls.get(frame.id);
        if (call !== undefined) {
          this.calls.delete(frame.id);
          call.resolve(frame.value);
        }
        return; // A late answer to a sendSync that already gave up: nothing waits for it.
      }
      case 'next':
        this.streams.get(frame.id)?.subscriber.next(frame.value);
        return;
      case 'complete': {
        const stream = this.streams.get(frame.id);
        if (stream !== undefined) {
          this.streams.delete(frame.id);
          stream.subscriber.complete();
        }
        return;
      }
      case 'error': {
        const call = this.calls.get(frame.id);
        if (call !== undefined) {
          this.calls.delete(frame.id);
          call.reject(fromWireError(frame.error, call.channel));
          return;
        }
        const stream = this.streams.get(frame.id);
        if (stream !== undefined) {
          this.streams.delete(frame.id);
          stream.subscriber.error(fromWireError(frame.error, stream.channel));
        }
        return;
      }
      default:
        this.reportError(new IpcBadFrameError(`A renderer does not accept '${frame.kind}' frames`));
    }
  }

  private lose(cause: unknown): void {
    this.hostLink?.close();
    this.shutdown(new IpcClosedError('The connection to the main side was lost', cause === undefined ? undefined : { cause }));
  }

  private shutdown(error: IpcClosedError): void {
    const calls = [...this.calls.values()];
    const streams = [...this.streams.values()];
    this.calls.clear();
    this.streams.clear();
    for (const call of calls) call.reject(closedWhilePending(error, call.channel));
    for (const stream of streams) stream.subscriber.error(closedWhilePending(error, stream.channel));
    this.closeSignal.close();
  }
}

/**
 * Types only: the channel map's view of `send` and `invoke$`, read by the `sendTo` and `invokeOn`
 * operators. Never present at runtime.
 */
export interface IpcRenderer<M extends ChannelMap = AnyChannels> {
  /** Type only (never present at runtime): the channels `send` and `invoke$` accept. */
  readonly '~channels'?: ChannelTypes<ChannelSection<M, 'send'>, ChannelSection<M, 'invoke'>>;
}

/** `string` for an untyped section (any channel, explicit result type), `never` for a typed one. */
type UntypedChannel<S> = IsLooseMap<S> extends true ? string : never;

function asIpcError(error: unknown, channel: string): IpcError {
  return error instanceof IpcError
    ? error
    : new IpcError(`Sending the cancellation of '${channel}' failed`, 'ERR_IPC', { cause: error, channel });
}
