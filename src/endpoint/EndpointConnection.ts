// The state machine behind `createEndpointTransport` (internal).
import { asapScheduler, asyncScheduler, Observable, type Observer, type SchedulerLike, type Unsubscribable } from 'rxjs';
import { IpcBackpressureError } from '../errors/IpcBackpressureError.js';
import { IpcClosedError } from '../errors/IpcClosedError.js';
import { IpcTimeoutError } from '../errors/IpcTimeoutError.js';
import type { Endpoint, EndpointSyncOptions, EndpointTransportOptions } from './createEndpointTransport.js';
import {
  frameText,
  frameTextData,
  frameTextSeq,
  framesText,
  isMessageText,
  messageFromText,
  type EndpointMessage,
} from './EndpointMessage.js';
import type { EndpointTransport } from './EndpointTransport.js';
import type { SyncTransport } from '../contract/SubjectLike.js';
import {
  ACK,
  acknowledge,
  canBlock,
  createSyncBlock,
  isLanePort,
  isSyncBlock,
  portReader,
  portWriter,
  ringReader,
  ringWriter,
  SIGNAL,
  STATE,
  usesPortLane,
  type LaneReader,
  type LaneWriter,
} from './syncLane.js';

/** Marks a held frame that `nextSync` already returned: it only keeps its place in the order. */
const CONSUMED: unique symbol = Symbol('consumed');

const DEFAULT_BUFFER_SIZE = 1024 * 1024;

const DEFAULT_HIGH_WATER_MARK = 16 * 1024 * 1024;

/** Milliseconds between two looks at the queue while `drained()` waits. */
const DRAIN_POLL_MS = 10;

/** A batch is posted early once its frames hold this many characters: big frames are not held. */
const MAX_BATCH_LENGTH = 64 * 1024;

/**
 * How many times a blocking call at most looks at its signal before it sleeps in `Atomics.wait`
 * (about 70 µs on a 2020s x86 core). Waking a thread from `Atomics.wait` costs tens of µs on a
 * busy or virtualised machine; a reply that comes while this thread still looks skips that.
 */
const SPIN_MAX = 16_384;

/** After spins that ended in a sleep anyway, every this-many-th wait of a blocking call spins in full again. */
const SPIN_PROBE_EVERY = 32;

type Sink = Partial<Observer<string>>;

function isControl(message: unknown): message is { rxipc: unknown } & Record<string, unknown> {
  return typeof message === 'object' && message !== null && typeof (message as { rxipc?: unknown }).rxipc === 'string';
}

function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

interface OwnBlock {
  buffer: SharedArrayBuffer;
  control: Int32Array;
  options: EndpointSyncOptions;
  reader?: LaneReader;
  /** The port to hand to the peer with the first sync frame (port lane only). */
  handoff?: unknown;
  nextId: number;
}

export class EndpointConnection {
  private readonly scheduler: SchedulerLike;
  private readonly retryMs: number;
  private readonly highWaterMark: number;
  /** Whether the endpoint reports what the platform has queued. */
  private readonly measures: boolean;
  private readonly stopListening: () => void;
  /** Scheduled work: the handshake's (cancelled once connected) and the rest. */
  private readonly handshakeActions = new Set<Unsubscribable>();
  private readonly actions = new Set<Unsubscribable>();
  /** Copy-on-write: replaced, never mutated, so delivery needs no copy. */
  private observers: readonly Sink[] = [];
  private terminal: { error: boolean; cause: unknown } | undefined;

  private ready = false;
  private closing = false;
  private ended = false;

  private outSeq = 0;
  private outbox: Array<{ seq: number; data: string }> = [];
  /** The characters of the frames in `outbox`. */
  private outboxLength = 0;
  /** Frames of this tick waiting to be posted as one message (coalescing). */
  private batch: string[] = [];
  private batchSeq = 0;
  private batchLength = 0;
  /** The scheduler that ends a tick, when frames are coalesced. */
  private readonly coalesce: SchedulerLike | undefined;
  /**
   * Whether a frame was already posted in this tick, so the next one waits for the batch. A tick
   * ends when its batch is posted, and when a message from the peer arrives (a new task): then a
   * lone frame, a request or its answer, is posted at once without scheduling anything.
   */
  private tickOpen = false;
  /** The scheduled end of the current tick: it posts the batch. */
  private tickAction: Unsubscribable | undefined;
  private readonly endTick = (): void => {
    this.tickAction = undefined;
    this.tickOpen = false;
    this.flushBatch();
  };
  private inSeq = 0;
  private readonly held = new Map<number, string | typeof CONSUMED>();
  private flushing = false;
  private suspended = false;
  private flushScheduled = false;
  /** How long the next blocking call spins: halved after each spin that ended asleep anyway. */
  private spinBudget = SPIN_MAX;
  private blockingCalls = 0;

  private readonly own: OwnBlock | undefined;
  private peerBlock: SharedArrayBuffer | undefined;
  private peerControl: Int32Array | undefined;
  private laneWriter: LaneWriter | undefined;
  /** Whether frames are posted in their text form (`Endpoint.textFrames`). */
  private readonly textFrames: boolean;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly options: EndpointTransportOptions,
  ) {
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.retryMs = options.handshakeRetry ?? 100;
    const highWaterMark = options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK;
    if (typeof highWaterMark !== 'number' || !(highWaterMark > 0)) {
      const error = new RangeError(
        `The value of "options.highWaterMark" is out of range. It must be a number > 0. Received ${String(highWaterMark)}`,
      ) as RangeError & { code: string };
      error.code = 'ERR_OUT_OF_RANGE';
      throw error;
    }
    this.highWaterMark = highWaterMark;
    this.measures = typeof endpoint.bufferedAmount === 'function';
    this.textFrames = endpoint.textFrames === true;
    const coalesce = options.coalesce ?? true;
    this.coalesce = coalesce === false ? undefined : coalesce === true ? asapScheduler : coalesce;
    const sync = options.sync;
    if (sync !== undefined && sync !== false && canBlock()) {
      const syncOptions = sync === true ? {} : sync;
      const buffer = createSyncBlock(syncOptions.receiveMessageOnPort === undefined ? (syncOptions.bufferSize ?? DEFAULT_BUFFER_SIZE) : 0);
      this.own = { buffer, control: new Int32Array(buffer, 0, 8), options: syncOptions, nextId: 1 };
    }
    let lostEarly: { cause: unknown } | undefined;
    let listening = false;
    this.stopListening = endpoint.listen(
      (message) => this.receive(message),
      (cause) => (listening ? this.lost(cause) : (lostEarly = { cause })),
    );
    listening = true;
    if (lostEarly !== undefined) {
      this.lost(lostEarly.cause);
      return;
    }
    this.sendHello();
    if (this.ready || this.ended) return;
    const retry = (): void => {
      if (this.ready || this.ended) return;
      this.sendHello();
      this.later(retry, this.retryMs, this.handshakeActions);
    };
    this.later(retry, this.retryMs, this.handshakeActions);
    this.later(() => this.handshakeFailed(), options.handshakeTimeout ?? 10000, this.handshakeActions);
  }

  /** The public face: an `EndpointTransport`, with `nextSync` when this side can block. */
  transport(): EndpointTransport {
    const transport: EndpointTransport = {
      next: (frame) => this.next(frame),
      complete: () => this.complete(),
      subscribe: (observer) => this.subscribe(observer),
      bufferedAmount: () => this.queued(),
      drained: () => this.drained(),
    };
    if (this.own !== undefined) {
      (transport as EndpointTransport & Partial<SyncTransport<string>>).nextSync = (frame, isReply, timeout) =>
        this.nextSync(frame, isReply, timeout);
    }
    return transport;
  }

  // ── outgoing ────────────────────────────────────────────────────────────────────────────────

  private next(data: string): void {
    if (this.closing || this.ended) return;
    // Only what can be observed: the platform's queue (once connected) or the outbox (before).
    if (this.ready ? this.measures : this.outboxLength > 0) {
      const queued = this.queued();
      if (queued >= this.highWaterMark) throw this.refuse(queued);
    }
    const seq = this.outSeq++;
    if (!this.ready) {
      this.outbox.push({ seq, data });
      this.outboxLength += data.length;
    } else if (this.coalesce === undefined) {
      this.postFrame(seq, data);
    } else {
      this.queue(seq, data);
    }
  }

  /**
   * Posts a frame at once when it is the first of its tick (or the peer is blocked); otherwise
   * adds it to the tick's batch, posted when the tick ends (or early, once large).
   */
  private queue(seq: number, data: string): void {
    if (this.batch.length === 0) {
      if (this.laneWriter !== undefined && this.peerBlocked()) {
        this.postFrame(seq, data); // through the blocked peer's lane, now
        return;
      }
      if (!this.tickOpen) {
        this.tickOpen = true;
        this.postFrame(seq, data);
        return;
      }
      this.batchSeq = seq;
    } else if (this.laneWriter !== undefined && this.peerBlocked()) {
      this.flushBatch();
      this.postFrame(seq, data);
      return;
    }
    this.batch.push(data);
    this.batchLength += data.length;
    if (this.batchLength >= MAX_BATCH_LENGTH) this.flushBatch();
    else if (this.tickAction === undefined) this.tickAction = this.coalesce!.schedule(this.endTick);
  }

  /** Posts this tick's batch now: one message, or each frame through a blocked peer's lane. */
  private flushBatch(): void {
    const frames = this.batch;
    const count = frames.length;
    if (count === 0) return;
    const seq = this.batchSeq;
    this.batch = [];
    this.batchLength = 0;
    if (count === 1) {
      this.postFrame(seq, frames[0]!);
    } else if (this.laneWriter !== undefined && this.peerBlocked()) {
      for (let i = 0; i < count; i++) this.postFrame(seq + i, frames[i]!);
    } else {
      this.post(this.textFrames ? framesText(seq, frames) : { rxipc: 'frames', seq, data: frames });
    }
  }

  /** What is queued for the peer: the outbox or this tick's batch, and the platform's queue. */
  private queued(): number {
    if (this.ended) return 0;
    if (!this.ready) return this.outboxLength;
    if (!this.measures) return this.batchLength;
    let platform = 0;
    try {
      platform = this.endpoint.bufferedAmount!();
    } catch {
      // An endpoint that cannot tell right now (closing) holds nothing we could wait for.
    }
    return this.batchLength + (platform > 0 ? platform : 0);
  }

  private refuse(queued: number): IpcBackpressureError {
    return new IpcBackpressureError(
      `The peer is not reading as fast as frames are sent: ${queued} queued for it ` +
        `(highWaterMark ${this.highWaterMark}${this.ready ? '' : ', before the handshake'}). ` +
        'The frame was not sent; wait for the transport to drain (transport.drained()) and send again.',
    );
  }

  private drained(): Observable<void> {
    return new Observable<void>((subscriber) => {
      const check = (): boolean => {
        if (this.closing || this.ended) {
          subscriber.error(new IpcClosedError('The transport closed before it drained'));
          return true;
        }
        if (this.queued() > this.highWaterMark / 2) return false;
        subscriber.next();
        subscriber.complete();
        return true;
      };
      if (check()) return undefined;
      return this.scheduler.schedule(function () {
        if (!check()) this.schedule(undefined, DRAIN_POLL_MS);
      }, DRAIN_POLL_MS);
    });
  }

  private peerBlocked(): boolean {
    return this.peerControl !== undefined && Atomics.load(this.peerControl, STATE) !== 0;
  }

  private complete(): void {
    if (this.closing || this.ended) return;
    this.closing = true;
    this.finish(undefined);
    if (this.ready) this.sayBye();
    else if (this.outbox.length === 0) this.release();
    // Otherwise the handshake goes on: once the peer is ready it gets the outbox, then 'bye'.
  }

  private sendHello(): void {
    this.post(this.own === undefined ? { rxipc: 'hello' } : { rxipc: 'hello', block: this.own.buffer });
  }

  private sayBye(): void {
    this.flushBatch();
    this.post({ rxipc: 'bye' });
    if (!this.ended) this.later(() => this.release(), this.options.closeTimeout ?? 1000);
  }

  /** Posts one frame, unless the blocked peer's lane took it (then it must not arrive twice). */
  private postFrame(seq: number, data: string): void {
    const lane = this.laneWriter;
    if (lane !== undefined) {
      try {
        if (lane.write(seq, data)) return;
      } catch {
        this.laneWriter = undefined; // a broken lane only costs the peer its blocking calls
      }
    }
    this.post(this.textFrames ? frameText(seq, data) : { rxipc: 'frame', seq, data });
  }

  private post(message: EndpointMessage | string, transfer?: unknown[]): void {
    if (this.ended) return;
    try {
      if (transfer === undefined) this.endpoint.post(message);
      else this.endpoint.post(message, transfer);
    } catch (error) {
      this.lost(error);
    }
  }

  // ── incoming ────────────────────────────────────────────────────────────────────────────────

  private receive(received: unknown): void {
    if (this.ended) return;
    if (this.tickAction === undefined) this.tickOpen = false; // a new task: a new tick
    if (typeof received === 'string') {
      // The common case over ports: one frame in its text form, taken without building a message.
      const seq = frameTextSeq(received);
      if (seq >= 0) {
        this.becomeReady();
        this.accept(seq, frameTextData(received));
        return;
      }
    }
    const message = isMessageText(received) ? messageFromText(received) : received;
    if (!isControl(message)) {
      this.ignore(message);
      return;
    }
    switch (message.rxipc) {
      case 'hello':
        this.adoptPeerBlock(message['block']);
        this.post(this.own === undefined ? { rxipc: 'ack' } : { rxipc: 'ack', block: this.own.buffer });
        if (this.peerControl !== undefined) acknowledge(this.peerControl);
        this.becomeReady();
        return;
      case 'ack':
        this.adoptPeerBlock(message['block']);
        this.becomeReady();
        return;
      case 'frame': {
        const { seq, data, sync, lane } = message;
        if (!isSeq(seq) || typeof data !== 'string') {
          this.ignore(message);
          return;
        }
        if (isSeq(sync) && isLanePort(lane) && this.peerBlock !== undefined && usesPortLane(this.peerBlock)) {
          this.laneWriter?.close();
          this.laneWriter = portWriter(this.peerBlock, lane);
        }
        this.becomeReady();
        this.accept(seq, data);
        return;
      }
      case 'frames': {
        const { seq, data } = message;
        if (!isSeq(seq) || !Array.isArray(data) || !isSeq(seq + data.length) || !data.every(isString)) {
          this.ignore(message);
          return;
        }
        this.becomeReady();
        for (let i = 0; i < data.length && !this.ended; i++) this.accept(seq + i, data[i] as string);
        return;
      }
      case 'bye':
        this.peerBye();
        return;
      default:
        this.ignore(message);
    }
  }

  private ignore(message: unknown): void {
    try {
      this.options.onIgnored?.(message);
    } catch (error) {
      this.rethrow(error);
    }
  }

  /**
   * Takes the peer's sync block from its first hello or ack; later ones are ignored. A peer has one
   * block for the life of the connection, but every hello or ack it re-sends arrives as a new
   * `SharedArrayBuffer` object over the same memory (postMessage clones the wrapper), so identity
   * cannot tell them apart: adopting one again would drop the lane writer, and with it the lane
   * port the peer hands over only once, leaving its later blocking calls without their answers.
   */
  private adoptPeerBlock(block: unknown): void {
    if (this.peerBlock !== undefined || !isSyncBlock(block)) return;
    this.peerBlock = block;
    this.peerControl = new Int32Array(block, 0, 8);
    this.laneWriter = usesPortLane(block)
      ? undefined // the port comes with the peer's first sync frame
      : ringWriter(block, (again) => this.later(again, 1));
  }

  private becomeReady(): void {
    if (this.ready || this.ended) return;
    this.ready = true;
    const outbox = this.outbox;
    this.outbox = [];
    this.outboxLength = 0;
    this.cancelLater(this.handshakeActions);
    if (this.coalesce === undefined) {
      for (const { seq, data } of outbox) this.postFrame(seq, data);
    } else {
      // One message per batch (they are posted early when large), not one per frame.
      for (const { seq, data } of outbox) {
        if (this.batch.length === 0) this.batchSeq = seq;
        this.batch.push(data);
        this.batchLength += data.length;
        if (this.batchLength >= MAX_BATCH_LENGTH) this.flushBatch();
      }
      this.flushBatch();
    }
    if (this.closing) this.sayBye();
  }

  private accept(seq: number, data: string): void {
    if (seq === this.inSeq && this.held.size === 0 && !this.flushing && !this.suspended && this.observers.length > 0) {
      // The common case: the next frame in order, nothing waiting. Delivered at once.
      this.inSeq++;
      this.flushing = true;
      try {
        this.deliver(data);
      } finally {
        this.flushing = false;
      }
      if (this.held.size > 0) this.flush(); // a blocking call during delivery held some
      return;
    }
    if (seq < this.inSeq || this.held.has(seq)) return; // already had it (a copy and its original)
    this.held.set(seq, data);
    this.flush();
  }

  /** Delivers the held frames that are next in order. */
  private flush(): void {
    if (this.flushing || this.suspended || this.observers.length === 0) return;
    this.flushing = true;
    try {
      for (let frame = this.held.get(this.inSeq); frame !== undefined; frame = this.held.get(this.inSeq)) {
        this.held.delete(this.inSeq);
        this.inSeq++;
        if (frame === CONSUMED) continue;
        this.deliver(frame);
        if (this.terminal !== undefined) break;
      }
    } finally {
      this.flushing = false;
    }
  }

  private deliver(frame: string): void {
    const observers = this.observers;
    for (let i = 0; i < observers.length; i++) {
      try {
        observers[i]!.next?.(frame);
      } catch (error) {
        this.rethrow(error);
      }
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.later(() => {
      this.flushScheduled = false;
      this.flush();
    }, 0);
  }

  private subscribe(observer: Partial<Observer<string>>): Unsubscribable {
    const terminal = this.terminal;
    if (terminal !== undefined) {
      if (terminal.error) observer.error?.(terminal.cause);
      else observer.complete?.();
      return { unsubscribe: () => undefined };
    }
    const entry: Sink = { ...observer };
    this.observers = [...this.observers, entry];
    if (this.held.size > 0) this.scheduleFlush();
    return {
      unsubscribe: () => {
        this.observers = this.observers.filter((o) => o !== entry);
      },
    };
  }

  // ── endings ─────────────────────────────────────────────────────────────────────────────────

  private peerBye(): void {
    this.flush();
    if (!this.closing) {
      this.flushBatch();
      this.post({ rxipc: 'bye' }); // the peer waits for this to release its end
      this.finish(undefined);
    }
    this.release();
  }

  private lost(cause: unknown): void {
    if (this.ended) return;
    this.flush();
    this.finish(cause === undefined ? undefined : { cause });
    this.release();
  }

  private handshakeFailed(): void {
    if (this.ready || this.ended) return;
    const ms = this.options.handshakeTimeout ?? 10000;
    this.finish({ cause: new IpcTimeoutError(`The peer did not answer the transport handshake within ${ms} ms`) });
    this.release();
  }

  /** Completes (or errors) the subscribers, once. */
  private finish(failure: { cause: unknown } | undefined): void {
    if (this.terminal !== undefined) return;
    this.terminal = failure === undefined ? { error: false, cause: undefined } : { error: true, cause: failure.cause };
    const observers = this.observers;
    this.observers = [];
    for (const observer of observers) {
      try {
        if (failure === undefined) observer.complete?.();
        else observer.error?.(failure.cause);
      } catch (error) {
        this.rethrow(error);
      }
    }
  }

  /** Stops listening and releases the endpoint and the sync lanes. */
  private release(): void {
    if (this.ended) return;
    this.ended = true;
    this.finish(undefined);
    this.cancelLater(this.handshakeActions);
    this.cancelLater(this.actions);
    this.tickAction?.unsubscribe();
    this.tickAction = undefined;
    this.outbox = [];
    this.outboxLength = 0;
    this.batch = [];
    this.batchLength = 0;
    this.held.clear();
    try {
      this.stopListening();
    } catch (error) {
      this.rethrow(error);
    }
    try {
      this.endpoint.close?.();
    } catch {
      // Already closed: nothing to release.
    }
    this.laneWriter?.close();
    this.own?.reader?.close();
  }

  // ── sync ────────────────────────────────────────────────────────────────────────────────────

  private nextSync(frame: string, isReply: (incoming: string) => boolean, timeout: number): string {
    const own = this.own!;
    if (this.closing || this.ended) throw new IpcClosedError('The transport is closed');
    const id = own.nextId;
    own.nextId = (own.nextId % 0x7fffffff) + 1;
    const deadline = this.scheduler.now() + timeout;
    let tooLarge = 0;
    const timedOut = (): IpcTimeoutError =>
      new IpcTimeoutError(
        !this.ready
          ? `The peer did not answer the transport handshake within ${timeout} ms of a blocking call`
          : tooLarge === 0
            ? `The peer did not answer a blocking call within ${timeout} ms`
            : `The peer did not answer a blocking call within ${timeout} ms; ${tooLarge} frame(s) it sent meanwhile were too large for the sync buffer (raise sync.bufferSize)`,
      );
    const { control } = own;
    Atomics.store(control, STATE, id);
    this.suspended = true;
    try {
      // Not connected yet: say hello and block until the peer has seen it.
      while (!this.ready) {
        const seen = Atomics.load(control, SIGNAL);
        if (Atomics.load(control, ACK) === 1) {
          this.becomeReady();
          break;
        }
        this.sendHello();
        const remaining = deadline - this.scheduler.now();
        if (remaining <= 0) throw timedOut();
        Atomics.wait(control, SIGNAL, seen, Math.min(remaining, this.retryMs));
      }
      const reader = this.laneReader(own);
      this.flushBatch(); // what was sent before goes first
      const seq = this.outSeq++;
      const handoff = own.handoff;
      own.handoff = undefined;
      const message: EndpointMessage = { rxipc: 'frame', seq, data: frame, sync: id };
      if (handoff === undefined) {
        this.post(message);
      } else {
        message.lane = handoff;
        this.post(message, [handoff]);
      }
      // A peer blocked at the same time cannot read it either: copy it into its lane as well.
      this.copyToLane(seq, frame);
      let reply: string | undefined;
      for (;;) {
        if (this.ended) throw new IpcClosedError('The transport closed during a blocking call');
        const seen = Atomics.load(control, SIGNAL);
        reader.drain((copySeq, copy) => {
          if (copy === undefined) tooLarge++; // its original comes by postMessage, after this call
          if (copySeq < this.inSeq || this.held.has(copySeq) || copy === undefined) return;
          if (reply === undefined && safeIsReply(isReply, copy)) {
            reply = copy;
            this.held.set(copySeq, CONSUMED);
          } else {
            this.held.set(copySeq, copy);
          }
        });
        if (reply !== undefined) return reply;
        const remaining = deadline - this.scheduler.now();
        if (remaining <= 0) throw timedOut();
        if (!this.spinFor(control, seen) && Atomics.wait(control, SIGNAL, seen, remaining) === 'timed-out') throw timedOut();
      }
    } finally {
      Atomics.store(control, STATE, 0);
      this.suspended = false;
      if (!this.ended) this.afterBlocking(own);
    }
  }

  /**
   * Once `STATE` is cleared: takes what the peer's lane still holds (a frame the lane took is not
   * posted), skips the returned replies at the head of the order, and schedules the delivery of
   * frames that arrived meanwhile, in order, after the blocking call returns.
   */
  private afterBlocking(own: OwnBlock): void {
    const reader = own.reader ?? (own.options.receiveMessageOnPort === undefined ? this.laneReader(own) : undefined);
    reader?.drain((copySeq, copy) => {
      if (copy !== undefined && copySeq >= this.inSeq && !this.held.has(copySeq)) this.held.set(copySeq, copy);
    });
    while (this.held.get(this.inSeq) === CONSUMED) this.held.delete(this.inSeq++);
    if (this.held.has(this.inSeq)) this.scheduleFlush();
  }

  /**
   * Looks at `control[SIGNAL]` until it moves from `seen` (true) or the spin budget is spent
   * (false: sleep then). Adaptive, as spin-then-park locks are: a peer that answers while this
   * thread looks keeps the full budget; one that does not (a slow handler, or a single core where
   * spinning only delays the peer) halves it, so a blocked call wastes little CPU, and every
   * `SPIN_PROBE_EVERY`-th wait tries the full budget again in case things changed.
   */
  private spinFor(control: Int32Array, seen: number): boolean {
    const probe = ++this.blockingCalls % SPIN_PROBE_EVERY === 0;
    const budget = probe ? SPIN_MAX : this.spinBudget;
    for (let i = 0; i < budget; i++) {
      if (Atomics.load(control, SIGNAL) !== seen) {
        this.spinBudget = SPIN_MAX;
        return true;
      }
    }
    this.spinBudget = budget >> 1;
    return false;
  }

  /** Copies a frame into the peer's lane (when it is blocked), keeping the posted original. */
  private copyToLane(seq: number, data: string): void {
    try {
      this.laneWriter?.write(seq, data);
    } catch {
      this.laneWriter = undefined;
    }
  }

  private laneReader(own: OwnBlock): LaneReader {
    if (own.reader !== undefined) return own.reader;
    const receive = own.options.receiveMessageOnPort;
    if (receive === undefined) {
      own.reader = ringReader(own.buffer);
    } else {
      const Channel =
        own.options.MessageChannel ?? (globalThis as { MessageChannel?: new () => { port1: any; port2: any } }).MessageChannel;
      if (Channel === undefined) throw new TypeError('No MessageChannel to create the sync lane with');
      const { port1, port2 } = new Channel();
      own.reader = portReader(own.buffer, port1, receive.bind(own.options));
      own.handoff = port2;
    }
    return own.reader;
  }

  // ── time ────────────────────────────────────────────────────────────────────────────────────

  /** Runs `work` once after `delay` ms on the scheduler; `release()` cancels what has not run. */
  private later(work: () => void, delay: number, group = this.actions): void {
    let ran = false;
    // A synchronous scheduler runs the work during schedule(): then it is never added to the group.
    let added: Unsubscribable | undefined;
    const action = this.scheduler.schedule(() => {
      ran = true;
      if (added !== undefined) group.delete(added);
      work();
    }, delay);
    if (!ran) group.add((added = action));
  }

  private cancelLater(group: Set<Unsubscribable>): void {
    for (const action of group) action.unsubscribe();
    group.clear();
  }

  private rethrow(error: unknown): void {
    // Never into the platform's event dispatch: report it the way RxJS reports unhandled errors.
    this.scheduler.schedule(() => {
      throw error;
    });
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function safeIsReply(isReply: (incoming: string) => boolean, frame: string): boolean {
  try {
    return isReply(frame);
  } catch {
    return false;
  }
}
