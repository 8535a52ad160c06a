import { PROTOCOL_VERSION, type Envelope } from '../protocol/Envelope.js';
import { toWireError } from '../protocol/wireError.js';
import { describeFrame } from './describeFrame.js';

/** The kinds of frame a renderer sends that a `TestTransport` records as requests. */
export type TestRequestKind = 'send' | 'sync' | 'invoke' | 'invoke-stream' | 'host';

/** What a `TestIpcRequest` needs from the `TestTransport` that recorded it (not part of the public barrel). */
export interface TestRequestOwner {
  /** Whether the connection is closed (by either side): nothing can be answered any more. */
  readonly closed: boolean;
  /** Encodes `frame` (throws `IpcSerializationError`, sending nothing) and queues it for the renderer. */
  post(frame: Envelope): void;
}

/**
 * One frame a renderer sent through a `TestTransport`, as `expectOne` / `match` return it: what
 * was sent (`kind`, `channel`, `args`) and how to answer it as the main side would. An `invoke`
 * is answered with `flush(value)` or `error(err)`; an `invoke$` (`'invoke-stream'`) with
 * `next(value)`, `complete()`, `error(err)`, or `flush(value)` (one value, then complete). Answers
 * go through the codec (JSON semantics) and reach the renderer on the transport's scheduler.
 * `send` and `sendToHost` frames expect no answer; `sendSync` is answered in advance with
 * `transport.whenSync(...)`.
 *
 * ## Example
 * ```ts
 * import { IpcRenderer } from 'rxipc';
 * import { TestTransport } from 'rxipc/testing';
 *
 * const transport = new TestTransport();
 * const ipcRenderer = new IpcRenderer(transport);
 * const answer = ipcRenderer.invoke('settings:load', 'theme');
 *
 * const request = transport.expectOne({ kind: 'invoke', channel: 'settings:load' });
 * request.args; // ['theme']
 * request.flush({ theme: 'dark' });
 * await answer; // { theme: 'dark' }
 * ```
 *
 * @see TestTransport
 */
export class TestIpcRequest {
  /** What the renderer called: `send`, `sendSync` (`'sync'`), `invoke`, `invoke$` (`'invoke-stream'`), `sendToHost` (`'host'`). */
  readonly kind: TestRequestKind;
  /** The channel. */
  readonly channel: string;
  /** The arguments, as the main side would receive them (after JSON). */
  readonly args: unknown[];
  /** The call id of a `sync`, `invoke` or `invoke-stream` frame; `undefined` for `send` and `host`. */
  readonly id: number | undefined;
  private wasMatched = false;
  private wasCancelled = false;
  private wasAnswered = false;

  /**
   * @param owner The transport that recorded the frame (tests get requests from `expectOne`, not this constructor).
   * @param frame The decoded frame.
   */
  constructor(
    private readonly owner: TestRequestOwner,
    frame: Extract<Envelope, { kind: TestRequestKind }>,
  ) {
    this.kind = frame.kind;
    this.channel = frame.channel;
    this.args = frame.args;
    this.id = 'id' in frame ? frame.id : undefined;
  }

  /** Whether `expectOne` or `match` has returned this request (`verify` then no longer counts it as unexpected). */
  get matched(): boolean {
    return this.wasMatched;
  }

  /** Whether the renderer cancelled this call (unsubscribed from `invoke$`). */
  get cancelled(): boolean {
    return this.wasCancelled;
  }

  /** Whether the call has its final answer (`flush`, `error`, `complete`, or a `whenSync` answer). */
  get answered(): boolean {
    return this.wasAnswered;
  }

  /** Whether this call still waits for an answer: an `invoke` or `invoke$` not answered, cancelled or closed. */
  get pending(): boolean {
    return (this.kind === 'invoke' || this.kind === 'invoke-stream') && !this.wasAnswered && !this.wasCancelled && !this.owner.closed;
  }

  /**
   * Answers the call with one value: an `invoke` resolves with it; an `invoke$` emits it and completes.
   *
   * @param value The handler's answer; JSON semantics apply (`Date` → ISO string ...). Omitted: `undefined`.
   * @throws Error when this frame expects no answer, is already answered or cancelled, or the connection is closed.
   * @throws IpcSerializationError when `value` cannot be encoded (nothing is sent).
   */
  flush(value?: unknown): void {
    this.check('flush', false);
    const id = this.id!;
    if (this.kind === 'invoke') {
      this.owner.post({ v: PROTOCOL_VERSION, kind: 'reply', id, value });
    } else {
      this.owner.post({ v: PROTOCOL_VERSION, kind: 'next', id, value });
      this.owner.post({ v: PROTOCOL_VERSION, kind: 'complete', id });
    }
    this.wasAnswered = true;
  }

  /**
   * Emits one value of an `invoke$` stream; the stream stays open.
   *
   * @param value The value; JSON semantics apply.
   * @throws Error when this is not a live `invoke$` call.
   * @throws IpcSerializationError when `value` cannot be encoded (nothing is sent).
   */
  next(value: unknown): void {
    this.check('stream a value to', true);
    this.owner.post({ v: PROTOCOL_VERSION, kind: 'next', id: this.id!, value });
  }

  /**
   * Completes an `invoke$` stream.
   *
   * @throws Error when this is not a live `invoke$` call.
   */
  complete(): void {
    this.check('complete', true);
    this.owner.post({ v: PROTOCOL_VERSION, kind: 'complete', id: this.id! });
    this.wasAnswered = true;
  }

  /**
   * Fails the call as a throwing main-side handler would: the renderer gets an `IpcRemoteError`
   * with Electron's message `Error invoking remote method '<channel>': <String(error)>`, and the
   * error's `name`, `code`, own fields and `cause` (never its stack).
   *
   * @param error What the handler would have thrown.
   * @throws Error when this frame expects no answer, is already answered or cancelled, or the connection is closed.
   */
  error(error: unknown): void {
    this.check('fail', false);
    this.owner.post({ v: PROTOCOL_VERSION, kind: 'error', id: this.id!, error: toWireError(error, false) });
    this.wasAnswered = true;
  }

  /** One line for failure messages: `invoke 'settings:load' ["theme"]`. */
  toString(): string {
    const notes: string[] = [];
    if (this.wasMatched) notes.push('matched');
    if (this.wasCancelled) notes.push('cancelled');
    if (this.wasAnswered) notes.push('answered');
    return describeFrame(this.kind, this.channel, this.args, notes);
  }

  /** @internal Called by the transport when `expectOne` / `match` return this request. */
  markMatched(): void {
    this.wasMatched = true;
  }

  /** @internal Called by the transport when the renderer sends `cancel` for this id. */
  markCancelled(): void {
    if (!this.wasAnswered) this.wasCancelled = true;
  }

  /** @internal Called by the transport when a `whenSync` answer replied to this `sync` frame. */
  markAnswered(): void {
    this.wasAnswered = true;
  }

  private check(what: string, streamOnly: boolean): void {
    const kind = this.kind;
    if (kind === 'send' || kind === 'host') {
      throw new Error(`Cannot ${what} ${this.label()}: a '${kind}' frame expects no answer`);
    }
    if (kind === 'sync') {
      throw new Error(
        `Cannot ${what} ${this.label()}: sendSync has already returned. Register its answer before the call with transport.whenSync('${this.channel}', value)`,
      );
    }
    if (streamOnly && kind === 'invoke') {
      throw new Error(
        `Cannot ${what} ${this.label()}: only invoke$ ('invoke-stream') streams values; answer an invoke with flush(value) or error(err)`,
      );
    }
    if (this.wasCancelled) throw new Error(`Cannot ${what} ${this.label()}: the renderer cancelled it (unsubscribed)`);
    if (this.wasAnswered) throw new Error(`Cannot ${what} ${this.label()}: it has already been answered`);
    if (this.owner.closed) throw new Error(`Cannot ${what} ${this.label()}: the connection is closed`);
  }

  private label(): string {
    return describeFrame(this.kind, this.channel, this.args);
  }
}
