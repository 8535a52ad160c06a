import type { Observer, SchedulerLike, Unsubscribable } from 'rxjs';
import { IpcBadFrameError } from '../errors/IpcBadFrameError.js';
import { decodeFrame, encodeFrame } from '../protocol/codec.js';
import { PROTOCOL_VERSION, type Envelope } from '../protocol/Envelope.js';
import { createMemoryTransportPair } from '../memory/createMemoryTransportPair.js';
import type { SyncTransport } from '../contract/SubjectLike.js';
import { TestIpcRequest, type TestRequestKind, type TestRequestOwner } from './TestIpcRequest.js';

/** Options of `new TestTransport(options)`. */
export interface TestTransportOptions {
  /**
   * The scheduler that delivers answers and messages to the renderer. Inside `TestScheduler.run`
   * the default is virtual; pass the `TestScheduler` to be explicit.
   * @default asapScheduler (a microtask after the answering call returns)
   */
  scheduler?: SchedulerLike;
  /**
   * Milliseconds (virtual frames inside `TestScheduler.run`) between an answer and its arrival at
   * the renderer, on `scheduler`. Answers always arrive in the order they were given.
   * @default 0
   */
  latency?: number;
}

/** Which frames a `TestTransport` lookup selects; every given field must match. */
export interface TestFrameMatch {
  /** The frame kind: `'send'`, `'sync'`, `'invoke'`, `'invoke-stream'` (`invoke$`) or `'host'` (`sendToHost`). */
  kind?: TestRequestKind;
  /** The channel. */
  channel?: string;
}

/** A `TestFrameMatch`, a channel name (any kind), or a predicate over the recorded requests. */
export type TestFrameMatcher = string | TestFrameMatch | ((request: TestIpcRequest) => boolean);

/** Options of `TestTransport.verify`. */
export interface TestTransportVerifyOptions {
  /**
   * Do not fail for matched `invoke` / `invoke$` calls that were never answered.
   * @default false
   */
  ignoreUnanswered?: boolean;
}

/**
 * A transport for testing renderer code without a main side: it records every frame an
 * `IpcRenderer` sends, and lets the test answer as main would, in the style of Angular's
 * `HttpTestingController`. `expectOne` finds exactly one matching frame and returns its
 * `TestIpcRequest` (answer it with `flush`, `error`, or `next` / `complete` for `invoke$`);
 * `expectNone` and `match` look without failing; `verify()` throws when frames were sent that no
 * lookup expected, or matched calls were never answered. Every failure message lists what the
 * renderer actually sent (kind, channel, arguments).
 *
 * Frames are decoded and answers encoded by the codec, so JSON semantics apply both ways.
 * Answers, `send(...)` messages and `disconnect()` reach the renderer on the `scheduler`, after
 * `latency`, in order: inside `TestScheduler.run` they happen in virtual time. `sendSync` works
 * when the test registers its answer first with `whenSync(channel, value)`; without one, it
 * throws `IpcNoReturnValueError` as it does when no main listener answers.
 *
 * ## Example
 * ```ts
 * import { IpcRenderer } from 'rxipc';
 * import { TestTransport } from 'rxipc/testing';
 *
 * const transport = new TestTransport();
 * const ipcRenderer = new IpcRenderer(transport);
 *
 * // The code under test:
 * ipcRenderer.send('log', 'booting');
 * const settings = ipcRenderer.invoke('settings:load');
 *
 * transport.expectOne({ kind: 'send', channel: 'log' });
 * transport.expectOne({ kind: 'invoke', channel: 'settings:load' }).flush({ theme: 'dark' });
 * await settings; // { theme: 'dark' }
 * transport.send('settings:changed', { theme: 'light' }); // as webContents.send would
 * transport.verify();
 * ipcRenderer.close();
 * ```
 *
 * @see TestIpcRequest, createMarbleIpc
 */
export class TestTransport implements SyncTransport<string> {
  /** The main-side end of an in-memory pair: what the test answers goes through it, FIFO, on the scheduler. */
  private readonly mainEnd: SyncTransport<string>;
  /** The renderer's end of that pair: the renderer subscribes to it. */
  private readonly rendererEnd: SyncTransport<string>;
  private readonly requests: TestIpcRequest[] = [];
  private readonly syncAnswers = new Map<string, unknown>();
  private rendererClosed = false;
  private mainClosed = false;
  private readonly owner: TestRequestOwner;

  /**
   * @param options The scheduler and latency of delivery to the renderer.
   */
  constructor(options: TestTransportOptions = {}) {
    [this.mainEnd, this.rendererEnd] = createMemoryTransportPair(options);
    const closed = (): boolean => this.closed;
    this.owner = {
      get closed() {
        return closed();
      },
      post: (frame) => this.post(frame),
    };
    this.next = this.next.bind(this);
    this.complete = this.complete.bind(this);
    this.subscribe = this.subscribe.bind(this);
    this.nextSync = this.nextSync.bind(this);
  }

  /** Whether the connection is closed: the renderer closed it, or the test called `disconnect()`. */
  get closed(): boolean {
    return this.rendererClosed || this.mainClosed;
  }

  /** Every request the renderer sent, in order, matched or not. */
  get sent(): readonly TestIpcRequest[] {
    return this.requests;
  }

  /**
   * The renderer's side of the transport: records one frame. `cancel` marks the call it cancels,
   * `close` marks the connection closed; every other frame becomes a `TestIpcRequest`.
   *
   * @param text The encoded frame.
   * @throws IpcBadFrameError when `text` is not a frame a renderer sends.
   */
  next(text: string): void {
    if (this.rendererClosed) return;
    const frame = decodeFrame(text);
    switch (frame.kind) {
      case 'cancel':
        this.requests.find((request) => request.id === frame.id)?.markCancelled();
        return;
      case 'close':
        this.rendererClosed = true;
        return;
      case 'send':
      case 'sync':
      case 'invoke':
      case 'invoke-stream':
      case 'host':
        this.requests.push(new TestIpcRequest(this.owner, frame));
        return;
      default:
        throw new IpcBadFrameError(`A renderer does not send '${frame.kind}' frames`);
    }
  }

  /** The renderer closed the connection: nothing more is recorded or delivered. */
  complete(): void {
    this.rendererClosed = true;
    this.rendererEnd.complete();
  }

  /**
   * Observes what the test sends to the renderer (answers, messages, the close of `disconnect`).
   *
   * @param observer The renderer's observer.
   * @returns Its subscription.
   */
  subscribe(observer: Partial<Observer<string>>): Unsubscribable {
    return this.rendererEnd.subscribe(observer);
  }

  /**
   * The synchronous path of `sendSync`: records the `sync` frame and answers it at once with the
   * `whenSync` answer registered for its channel, if any.
   *
   * @param text The encoded `sync` frame.
   * @param isReply Recognises the answer.
   * @returns The encoded reply, or `undefined` when no answer is registered (`sendSync` then throws `IpcNoReturnValueError`).
   */
  nextSync(text: string, isReply: (incoming: string) => boolean): string | undefined {
    if (this.closed) return undefined;
    const frame = decodeFrame(text);
    if (frame.kind !== 'sync') {
      this.next(text);
      return undefined;
    }
    const request = new TestIpcRequest(this.owner, frame);
    this.requests.push(request);
    if (!this.syncAnswers.has(frame.channel)) return undefined;
    const answer = this.syncAnswers.get(frame.channel);
    const value: unknown = typeof answer === 'function' ? (answer as (...args: unknown[]) => unknown)(...frame.args) : answer;
    const reply = encodeFrame({ v: PROTOCOL_VERSION, kind: 'reply', id: frame.id, value });
    request.markAnswered();
    return isReply(reply) ? reply : undefined;
  }

  /**
   * Registers what `sendSync(channel, ...)` returns from now on, as a main listener setting
   * `event.returnValue` would. A function is called with the arguments and its result is the
   * answer. A `sync` frame answered this way still shows in `sent` and can be matched, but
   * `verify()` does not count it as unexpected.
   *
   * ## Example
   * ```ts
   * const config: Record<string, string> = { theme: 'dark' };
   * transport.whenSync('version', '1.2.3').whenSync('config:get', (key: string) => config[key]);
   * ipcRenderer.sendSync('version'); // '1.2.3'
   * ipcRenderer.sendSync('config:get', 'theme'); // 'dark'
   * ```
   *
   * @param channel The channel.
   * @param answer The return value (JSON semantics apply), or a function of the arguments that returns it.
   * @returns This transport, for chaining.
   */
  whenSync(channel: string, answer: unknown): this {
    this.syncAnswers.set(channel, answer);
    return this;
  }

  /**
   * Sends a message to the renderer as `webContents.send(channel, ...args)` would: its
   * `ipcRenderer.on(channel, ...)` listeners and `channel(channel)` subscribers receive it on the
   * scheduler, after `latency`, after every answer given before.
   *
   * @param channel The channel.
   * @param args The arguments; JSON semantics apply.
   * @throws Error when the connection is closed.
   * @throws IpcSerializationError when the arguments cannot be encoded (nothing is sent).
   */
  send(channel: string, ...args: unknown[]): void {
    if (this.closed) throw new Error(`Cannot send '${channel}' to the renderer: the connection is closed`);
    this.post({ v: PROTOCOL_VERSION, kind: 'message', channel, args });
  }

  /**
   * Simulates the main side going away: after everything already queued, the renderer sees the
   * connection closed (channels complete, pending calls reject and live `invoke$` streams error
   * with `IpcClosedError`). Idempotent.
   *
   * @param reason Carried by the close frame.
   */
  disconnect(reason?: string): void {
    if (this.closed) return;
    this.mainClosed = true;
    this.mainEnd.next(encodeFrame({ v: PROTOCOL_VERSION, kind: 'close', ...(reason === undefined ? {} : { reason }) }));
    this.mainEnd.complete();
  }

  /**
   * Expects exactly one not yet matched frame that matches, marks it matched and returns it.
   *
   * @param match `{ kind?, channel? }`, a channel name, or a predicate.
   * @param description Used instead of the criteria in the failure message.
   * @returns The request, to inspect (`args`) and answer (`flush` ...).
   * @throws Error when none or several match; the message lists every frame sent.
   */
  expectOne(match: TestFrameMatcher, description?: string): TestIpcRequest {
    const found = this.find(match);
    const request = found[0];
    if (found.length !== 1 || request === undefined) {
      throw new Error(
        `Expected one matching frame for criteria "${criteria(match, description)}", found ${found.length === 0 ? 'none' : found.length}.\n${this.report()}`,
      );
    }
    request.markMatched();
    return request;
  }

  /**
   * Expects that no not yet matched frame matches.
   *
   * @param match `{ kind?, channel? }`, a channel name, or a predicate.
   * @param description Used instead of the criteria in the failure message.
   * @throws Error when some match; the message lists them and every frame sent.
   */
  expectNone(match: TestFrameMatcher, description?: string): void {
    const found = this.find(match);
    if (found.length > 0) {
      throw new Error(
        `Expected no frames matching criteria "${criteria(match, description)}", found ${found.length}: ${found.map(String).join('; ')}.\n${this.report()}`,
      );
    }
  }

  /**
   * Returns every not yet matched frame that matches (possibly none) and marks them matched.
   *
   * @param match `{ kind?, channel? }`, a channel name, or a predicate.
   * @returns The requests, in the order they were sent.
   */
  match(match: TestFrameMatcher): TestIpcRequest[] {
    const found = this.find(match);
    for (const request of found) request.markMatched();
    return found;
  }

  /**
   * Checks that the test handled everything: every frame was matched by `expectOne` / `match`
   * (a `sync` frame answered by `whenSync` needs no match), and every matched `invoke` / `invoke$`
   * was answered, unless it was cancelled or the connection closed. Call it at the end of a test.
   *
   * @param options `ignoreUnanswered` to allow matched calls left without an answer.
   * @throws Error listing the unmatched frames, the unanswered calls, and every frame sent.
   */
  verify(options: TestTransportVerifyOptions = {}): void {
    const unmatched = this.requests.filter((request) => !request.matched && !(request.kind === 'sync' && request.answered));
    const unanswered = options.ignoreUnanswered === true ? [] : this.requests.filter((request) => request.matched && request.pending);
    if (unmatched.length === 0 && unanswered.length === 0) return;
    const lines = ['TestTransport.verify() found frames left unhandled.'];
    if (unmatched.length > 0) {
      lines.push(`Expected no unmatched frames, found ${unmatched.length}:`, ...unmatched.map((request) => `  ${request}`));
    }
    if (unanswered.length > 0) {
      lines.push(
        `Expected every matched call to be answered, found ${unanswered.length} waiting:`,
        ...unanswered.map((request) => `  ${request}`),
      );
    }
    lines.push(this.report());
    throw new Error(lines.join('\n'));
  }

  private find(match: TestFrameMatcher): TestIpcRequest[] {
    const test = predicate(match);
    return this.requests.filter((request) => !request.matched && test(request));
  }

  private report(): string {
    if (this.requests.length === 0) return 'Frames sent: none.';
    return [`Frames sent (${this.requests.length}):`, ...this.requests.map((request) => `  ${request}`)].join('\n');
  }

  private post(frame: Envelope): void {
    this.mainEnd.next(encodeFrame(frame));
  }
}

function predicate(match: TestFrameMatcher): (request: TestIpcRequest) => boolean {
  if (typeof match === 'function') return match;
  if (typeof match === 'string') return (request) => request.channel === match;
  return (request) =>
    (match.kind === undefined || request.kind === match.kind) && (match.channel === undefined || request.channel === match.channel);
}

function criteria(match: TestFrameMatcher, description: string | undefined): string {
  if (description !== undefined) return description;
  if (typeof match === 'function') return `match function ${match.name || '(anonymous)'}`;
  if (typeof match === 'string') return `channel '${match}'`;
  const parts: string[] = [];
  if (match.kind !== undefined) parts.push(`kind '${match.kind}'`);
  if (match.channel !== undefined) parts.push(`channel '${match.channel}'`);
  return parts.length === 0 ? 'any frame' : parts.join(', ');
}
