import { isObservable, type Subscription } from 'rxjs';
import { bindOwn } from '../channel/ChannelEmitter.js';
import type { AnyChannels, ChannelMap, ChannelSection, ChannelTypes, EventArgs, EventChannel } from '../channel/ChannelMap.js';
import { EventEmitter } from '../core/EventEmitter.js';
import { invalidArgType } from '../core/nodeErrors.js';
import { IpcBadFrameError } from '../errors/IpcBadFrameError.js';
import { IpcCancelledError } from '../errors/IpcCancelledError.js';
import { IpcClosedError } from '../errors/IpcClosedError.js';
import { IpcError } from '../errors/IpcError.js';
import { IpcNoHandlerError } from '../errors/IpcNoHandlerError.js';
import { IpcNoReturnValueError } from '../errors/IpcNoReturnValueError.js';
import { IpcRefusedError } from '../errors/IpcRefusedError.js';
import type { CodecOptions } from '../protocol/codec.js';
import {
  PROTOCOL_VERSION,
  type Envelope,
  type InvokeFrame,
  type InvokeStreamFrame,
  type SendFrame,
  type SyncFrame,
} from '../protocol/Envelope.js';
import { Link } from '../protocol/Link.js';
import { toWireError } from '../protocol/wireError.js';
import type { SubjectLike } from '../contract/SubjectLike.js';
import type { IpcMainEvent, IpcMainInvokeEvent } from './events.js';
import { IpcScope } from './IpcScope.js';
import type { SenderCheck } from './IpcMain.js';

/** What a `WebContents` needs from the `IpcMain` that created it. */
export interface WebContentsOwner<M extends ChannelMap = AnyChannels> {
  /** The main scope: its listeners and handlers come after `webContents.ipc`'s. */
  readonly scope: IpcScope<M>;
  /** Whether remote errors carry the main-side stack. */
  readonly exposeStack: boolean;
  /** Codec limits. */
  readonly codec: CodecOptions;
  /** `IpcMain`'s channel allow-list; `undefined` allows every channel. */
  readonly allows: ((channel: string) => boolean) | undefined;
  /** `IpcMain`'s sender validation hook. */
  readonly validateSender: ((message: SenderCheck) => boolean) | undefined;
  /** Called once when this `WebContents` is destroyed. */
  detach(contents: WebContents<M>): void;
}

/** A running `invoke` / `invoke$`. Its `AbortController` is made only if the handler reads `event.signal`. */
interface InFlight {
  controller: AbortController | undefined;
  /** Set by `cancel`: a signal made afterwards starts aborted with `reason`. */
  aborted: boolean;
  reason: unknown;
  subscription: Subscription | undefined;
}

/** The signal of a call, made on first read (a `new AbortController()` costs about 2 µs in Node). */
function signalOf(call: InFlight): AbortSignal {
  let controller = call.controller;
  if (controller === undefined) {
    controller = call.controller = new AbortController();
    if (call.aborted) controller.abort(call.reason);
  }
  return controller.signal;
}

/**
 * The first argument of an `invoke` handler: `signal` is a getter on the prototype, so an
 * `AbortController` is only made for handlers that read it. It aborts exactly as an eager one
 * would: on cancellation or loss while the call runs, or at once if read after that.
 */
class InvokeEvent<M extends ChannelMap> implements IpcMainInvokeEvent<M> {
  readonly type = 'frame' as const;
  readonly frameId = 0;
  readonly processId: number;
  readonly #call: InFlight;

  constructor(
    readonly sender: WebContents<M>,
    call: InFlight,
  ) {
    this.processId = sender.id;
    this.#call = call;
  }

  get signal(): AbortSignal {
    return signalOf(this.#call);
  }

  /** Assignable, as on a plain event object. */
  set signal(value: AbortSignal) {
    Object.defineProperty(this, 'signal', { value, writable: true, enumerable: true, configurable: true });
  }
}

let lastId = 0;

const BOUND = ['send', 'close', 'isDestroyed', 'on', 'once', 'off', 'addListener', 'removeListener', 'removeAllListeners'] as const;

/**
 * The main side's handle on one connected renderer, as Electron's `webContents`: `id`, `send`,
 * `ipc` (listeners and handlers scoped to this renderer, checked before `ipcMain`'s),
 * `isDestroyed()` and a `'destroyed'` event, emitted once when the renderer closes or is lost.
 * It also emits `'ipc-message'` `(event, channel, ...args)` and `'ipc-message-sync'` for every
 * message, as Electron does. Created by `ipcMain.connect(transport)`.
 *
 * ## Example
 * ```ts
 * import { createMemoryTransportPair, IpcMain, IpcRenderer } from 'rxipc';
 *
 * const ipcMain = new IpcMain();
 * const [mainEnd, rendererEnd] = createMemoryTransportPair();
 * const webContents = ipcMain.connect(mainEnd);
 * const ipcRenderer = new IpcRenderer(rendererEnd);
 *
 * ipcRenderer.on('tick', (_event, n) => console.log('tick', n));
 * webContents.send('tick', 1);
 * webContents.once('destroyed', () => console.log('renderer gone'));
 * ipcRenderer.close();
 * ```
 */
export class WebContents<M extends ChannelMap = AnyChannels> extends EventEmitter {
  /** A unique id within this JavaScript realm, starting at 1. */
  readonly id: number;
  /** Listeners and handlers for this renderer only; checked before `ipcMain`'s. */
  readonly ipc: IpcScope<M>;
  private readonly link: Link;
  private destroyed = false;
  private readonly inFlight = new Map<number, InFlight>();

  /**
   * @param owner The `IpcMain` side (use `ipcMain.connect`, not this constructor).
   * @param transport The main end of the renderer's transport.
   * @param options This renderer's own allow-list and `url` (see `ConnectOptions`).
   */
  /** Where this renderer comes from, as given to `connect(transport, { url })`. */
  readonly url: string;
  private readonly allows: ((channel: string) => boolean) | undefined;

  constructor(
    private readonly owner: WebContentsOwner<M>,
    transport: SubjectLike<string>,
    options: { allows?: ((channel: string) => boolean) | undefined; url?: string } = {},
  ) {
    super();
    this.id = ++lastId;
    this.url = options.url ?? '';
    this.allows = options.allows;
    this.ipc = new IpcScope<M>();
    const self = this as unknown as Record<string, unknown>;
    for (const key of BOUND) bindOwn(self, key);
    this.link = new Link(
      transport,
      { frame: (frame) => this.receive(frame), report: (e) => this.report(e), lost: () => this.destroy() },
      owner.codec,
    );
  }

  /**
   * Sends a message to this renderer, where `ipcRenderer.on(channel, ...)` receives it.
   *
   * @param channel The channel.
   * @param args The arguments, serialised as JSON now.
   * @throws IpcSerializationError when they cannot be encoded (nothing is sent).
   * @throws IpcClosedError when this `WebContents` is destroyed.
   */
  send<K extends EventChannel<M>>(channel: K, ...args: EventArgs<M, K>): void;
  send(channel: string, ...args: unknown[]): void {
    if (typeof channel !== 'string') throw invalidArgType('channel', 'string', channel);
    if (this.destroyed) throw new IpcClosedError(`Cannot send on '${channel}': WebContents #${this.id} is destroyed`, { channel });
    this.link.post(this.link.encode({ v: PROTOCOL_VERSION, kind: 'message', channel, args }));
  }

  /** Whether the renderer has closed or been lost (or `close()` was called). */
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** How many `invoke` / `invoke$` calls from this renderer are running on the main side. */
  get pendingCount(): number {
    return this.inFlight.size;
  }

  /** Disconnects this renderer from the main side; its `IpcRenderer` sees the connection closed. */
  close(): void {
    if (this.destroyed) return;
    this.link.close();
    this.destroy();
  }

  private report(error: IpcError): void {
    this.owner.scope.reportError(error);
  }

  private receive(frame: Envelope): void {
    if (
      (frame.kind === 'send' || frame.kind === 'sync' || frame.kind === 'invoke' || frame.kind === 'invoke-stream') &&
      !this.permits(frame.kind, frame.channel)
    ) {
      this.refuse(frame);
      return;
    }
    switch (frame.kind) {
      case 'send':
        this.receiveSend(frame);
        return;
      case 'sync':
        this.receiveSync(frame);
        return;
      case 'invoke':
      case 'invoke-stream':
        this.receiveInvoke(frame);
        return;
      case 'cancel': {
        const call = this.inFlight.get(frame.id);
        if (call !== undefined) this.cancel(frame.id, call, new IpcCancelledError('The renderer cancelled the call'));
        return;
      }
      default:
        this.report(new IpcBadFrameError(`WebContents #${this.id} does not accept '${frame.kind}' frames`));
    }
  }

  /** Whether both allow-lists and the sender check accept this message. */
  private permits(kind: SenderCheck['kind'], channel: string): boolean {
    try {
      if (this.owner.allows !== undefined && !this.owner.allows(channel)) return false;
      if (this.allows !== undefined && !this.allows(channel)) return false;
      return this.owner.validateSender === undefined || this.owner.validateSender({ sender: this, channel, kind }) === true;
    } catch (cause) {
      this.report(new IpcRefusedError(`Checking '${channel}' from WebContents #${this.id} threw; refused`, { cause, channel }));
      return false;
    }
  }

  /** Reports a refused message and, when the renderer waits for an answer, answers with the refusal. */
  private refuse(frame: SendFrame | SyncFrame | InvokeFrame | InvokeStreamFrame): void {
    const refusal = new IpcRefusedError(
      `WebContents #${this.id}${this.url === '' ? '' : ` (${this.url})`} may not use channel '${frame.channel}'`,
      { channel: frame.channel },
    );
    this.report(refusal);
    if (frame.kind === 'send') return;
    const error = toWireError(refusal, false);
    error.text = `Error: ${refusal.message}`;
    this.answer({ v: PROTOCOL_VERSION, kind: 'error', id: frame.id, error }, frame.id);
  }

  /**
   * Delivers a message to `'ipc-message'` on this `WebContents`, then `webContents.ipc`, then
   * `ipcMain`, with one event object for all three. The event and the argument lists are only
   * built for a stage that has listeners when its turn comes (a listener of an earlier stage may
   * add some).
   */
  private receiveSend(frame: SendFrame): void {
    const scope = this.owner.scope;
    const { channel } = frame;
    let event: IpcMainEvent<M> | undefined;
    let args: unknown[] | undefined;
    if (this.listenerCount('ipc-message') > 0) {
      event = this.event();
      scope.deliverTo(this, 'ipc-message', [event, channel, ...frame.args]);
    }
    if (this.ipc.listenerCount(channel) > 0) {
      args = [(event ??= this.event()), ...frame.args];
      this.ipc.deliverTo(this.ipc, channel, args);
    }
    if (scope.listenerCount(channel) > 0) {
      args ??= [event ?? this.event(), ...frame.args];
      scope.deliverTo(scope, channel, args);
    }
  }

  private receiveSync(frame: SyncFrame): void {
    const { id, channel } = frame;
    const scope = this.owner.scope;
    let answered = false;
    let returnValue: unknown;
    const event = this.event();
    Object.defineProperty(event, 'returnValue', {
      enumerable: true,
      get: () => returnValue,
      set: (value: unknown) => {
        if (answered) return; // First assignment wins.
        answered = true;
        returnValue = value;
        this.answer({ v: PROTOCOL_VERSION, kind: 'reply', id, value }, id);
      },
    });
    const args = [event, ...frame.args];
    const count =
      (this.listenerCount('ipc-message-sync') > 0 ? scope.deliverTo(this, 'ipc-message-sync', [event, channel, ...frame.args]) : 0) +
      this.ipc.deliverTo(this.ipc, channel, args) +
      scope.deliverTo(scope, channel, args);
    if (count === 0 && !answered) {
      answered = true;
      const failure =
        scope.remote?.syncError?.(channel) ??
        new IpcNoReturnValueError(`No listener for sendSync('${channel}') on the main side`, { channel });
      this.answer({ v: PROTOCOL_VERSION, kind: 'error', id, error: toWireError(failure, false) }, id);
    }
  }

  private receiveInvoke(frame: InvokeFrame | InvokeStreamFrame): void {
    const { id, channel } = frame;
    const stream = frame.kind === 'invoke-stream';
    const scope = this.owner.scope;
    const handler = this.ipc.handlerFor(channel) ?? scope.handlerFor(channel) ?? scope.remote?.handlerFor(channel);
    if (handler === undefined) {
      const message = `No handler registered for '${channel}'`;
      const error = toWireError(new IpcNoHandlerError(message, { channel }), false);
      error.text = `Error: ${message}`; // Electron's exact text.
      this.answer({ v: PROTOCOL_VERSION, kind: 'error', id, error }, id);
      return;
    }
    const call: InFlight = { controller: undefined, aborted: false, reason: undefined, subscription: undefined };
    const event: IpcMainInvokeEvent<M> = new InvokeEvent(this, call);
    this.inFlight.set(id, call);
    let result: unknown;
    try {
      result = handler(event, ...frame.args);
    } catch (error) {
      this.fail(id, error);
      return;
    }
    if (isObservable(result)) {
      let last: unknown;
      const subscription = result.subscribe({
        next: (value) => {
          if (stream) this.answer({ v: PROTOCOL_VERSION, kind: 'next', id, value }, id);
          else last = value;
        },
        error: (error: unknown) => this.fail(id, error),
        complete: () => {
          if (!stream) this.answer({ v: PROTOCOL_VERSION, kind: 'reply', id, value: last }, id);
          this.finish(id, stream);
        },
      });
      if (this.inFlight.get(id) === call) call.subscription = subscription;
      else subscription.unsubscribe();
    } else if (isPromiseLike(result)) {
      result.then(
        (value) => this.settle(id, stream, value),
        (error: unknown) => this.fail(id, error),
      );
    } else {
      this.settle(id, stream, result);
    }
  }

  /** Answers a value call: `reply`, or `next` + `complete` for a stream. */
  private settle(id: number, stream: boolean, value: unknown): void {
    if (!this.inFlight.has(id)) return;
    if (stream) this.answer({ v: PROTOCOL_VERSION, kind: 'next', id, value }, id);
    else this.answer({ v: PROTOCOL_VERSION, kind: 'reply', id, value }, id);
    this.finish(id, stream);
  }

  private finish(id: number, stream: boolean): void {
    if (!this.inFlight.delete(id)) return;
    if (stream) this.answer({ v: PROTOCOL_VERSION, kind: 'complete', id }, id);
  }

  private fail(id: number, error: unknown): void {
    if (!this.inFlight.delete(id)) return;
    this.answer({ v: PROTOCOL_VERSION, kind: 'error', id, error: toWireError(error, this.owner.exposeStack) }, id);
  }

  /**
   * Sends an answer; one that cannot be encoded becomes an error answer, and one the transport
   * refuses is reported: never an exception into the handler or the transport's callback.
   */
  private answer(frame: Envelope, id: number): void {
    if (this.destroyed) return;
    let text: string;
    try {
      text = this.link.encode(frame);
    } catch (error) {
      this.inFlight.delete(id);
      text = this.link.encode({ v: PROTOCOL_VERSION, kind: 'error', id, error: toWireError(error, this.owner.exposeStack) });
    }
    try {
      this.link.post(text);
    } catch (cause) {
      this.report(
        cause instanceof IpcError ? cause : new IpcError(`WebContents #${this.id} could not send an answer`, 'ERR_IPC', { cause }),
      );
    }
  }

  private cancel(id: number, call: InFlight, reason: IpcCancelledError): void {
    this.inFlight.delete(id);
    call.subscription?.unsubscribe();
    call.aborted = true;
    call.reason = reason;
    call.controller?.abort(reason);
  }

  private event(): IpcMainEvent<M> {
    return {
      type: 'frame',
      sender: this,
      processId: this.id,
      frameId: 0,
      ports: [],
      returnValue: undefined,
      reply: (channel: string, ...args: unknown[]) => this.send(channel as EventChannel<M>, ...(args as EventArgs<M, EventChannel<M>>)),
    };
  }

  private destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    const calls = [...this.inFlight];
    this.inFlight.clear();
    for (const [id, call] of calls) this.cancel(id, call, new IpcCancelledError(`WebContents #${this.id} was destroyed`));
    this.ipc.shutdownScope();
    this.owner.detach(this);
    this.owner.scope.deliverTo(this, 'destroyed', []);
  }
}

/**
 * Types only: the channel map's view of `send`, read by the `sendTo` operator. Never present at runtime.
 */
export interface WebContents<M extends ChannelMap = AnyChannels> {
  /** Type only (never present at runtime): the channels `send` accepts (main → renderer `events`). */
  readonly '~channels'?: ChannelTypes<ChannelSection<M, 'events'>, {}>;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
