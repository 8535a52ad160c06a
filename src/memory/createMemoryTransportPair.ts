import { asapScheduler, type Observer, type SchedulerLike, type Unsubscribable } from 'rxjs';
import type { SyncTransport } from '../contract/SubjectLike.js';

/** Options of `createMemoryTransportPair`. */
export interface MemoryTransportOptions {
  /**
   * The scheduler that delivers frames. Inside `TestScheduler.run` the default is virtual.
   * @default asapScheduler (a microtask after the sending call returns)
   */
  scheduler?: SchedulerLike;
  /**
   * Milliseconds between sending a frame and its delivery, on `scheduler`.
   * @default 0
   */
  latency?: number;
}

interface Queued {
  frame: string;
  due: number;
}

/**
 * One end of an in-memory connection. Frames sent on it wait in its outgoing queue until the
 * scheduler delivers them to the other end's observers, always in order.
 */
class MemoryEnd implements SyncTransport<string> {
  peer!: MemoryEnd;
  private readonly observers = new Set<Partial<Observer<string>>>();
  private readonly outgoing: Queued[] = [];
  private head = 0;
  private scheduledFor = Infinity;
  private flushAction: Unsubscribable | undefined;
  /** Set once this end has completed: it sends and receives nothing more. */
  closed = false;
  /** Set when this end's closing must reach the peer after the queued frames. */
  private closing = false;

  constructor(
    private readonly scheduler: SchedulerLike,
    private readonly latency: number,
  ) {
    this.next = this.next.bind(this);
    this.complete = this.complete.bind(this);
    this.subscribe = this.subscribe.bind(this);
    this.nextSync = this.nextSync.bind(this);
  }

  next(frame: string): void {
    if (this.closed) return;
    this.outgoing.push({ frame, due: this.scheduler.now() + this.latency });
    this.schedule();
  }

  complete(): void {
    if (this.closed) return;
    this.closed = true;
    this.closing = true;
    // Frames the peer queued for us are dropped: we are gone.
    this.peer.dropOutgoing();
    this.completeObservers();
    if (this.pending() === 0) this.deliverClose();
    else this.schedule();
  }

  subscribe(observer: Partial<Observer<string>>): Unsubscribable {
    if (this.closed) {
      observer.complete?.();
      return { unsubscribe: () => undefined };
    }
    const entry = { ...observer };
    this.observers.add(entry);
    return { unsubscribe: () => void this.observers.delete(entry) };
  }

  nextSync(frame: string, isReply: (incoming: string) => boolean): string | undefined {
    if (this.closed) return undefined;
    this.outgoing.push({ frame, due: this.scheduler.now() });
    // Everything sent before this frame, and this frame, is delivered now and in order.
    this.deliver(Infinity);
    return this.peer.takeOutgoing(isReply);
  }

  /** Removes and returns the first queued outgoing frame that matches. */
  private takeOutgoing(match: (frame: string) => boolean): string | undefined {
    for (let i = this.head; i < this.outgoing.length; i++) {
      const queued = this.outgoing[i]!;
      if (match(queued.frame)) {
        this.outgoing.splice(i, 1);
        return queued.frame;
      }
    }
    return undefined;
  }

  private dropOutgoing(): void {
    this.outgoing.length = 0;
    this.head = 0;
    this.cancelFlush();
  }

  private pending(): number {
    return this.outgoing.length - this.head;
  }

  private schedule(): void {
    const first = this.outgoing[this.head];
    const due = first === undefined ? this.scheduler.now() : first.due;
    if (this.flushAction !== undefined && this.scheduledFor <= due) return;
    this.cancelFlush();
    this.scheduledFor = due;
    this.flushAction = this.scheduler.schedule(
      () => {
        this.flushAction = undefined;
        this.scheduledFor = Infinity;
        this.deliver(this.scheduler.now());
      },
      Math.max(0, due - this.scheduler.now()),
    );
  }

  private cancelFlush(): void {
    this.flushAction?.unsubscribe();
    this.flushAction = undefined;
    this.scheduledFor = Infinity;
  }

  /** Delivers every queued frame due by `now`, in order; then the close, if it is next. */
  private deliver(now: number): void {
    const peer = this.peer;
    while (this.head < this.outgoing.length) {
      const queued = this.outgoing[this.head]!;
      if (queued.due > now) break;
      this.head++;
      if (!peer.closed) peer.emit(queued.frame);
    }
    if (this.head === this.outgoing.length) {
      this.outgoing.length = 0;
      this.head = 0;
      if (this.closing) this.deliverClose();
    } else {
      this.schedule();
    }
  }

  private deliverClose(): void {
    this.closing = false;
    this.cancelFlush();
    const peer = this.peer;
    if (peer.closed) return;
    peer.closed = true;
    this.dropOutgoing();
    peer.dropOutgoing();
    peer.completeObservers();
  }

  private emit(frame: string): void {
    for (const observer of this.observers) observer.next?.(frame);
  }

  private completeObservers(): void {
    const observers = [...this.observers];
    this.observers.clear();
    for (const observer of observers) observer.complete?.();
  }
}

/**
 * Creates the embedded default transport: two connected in-memory ends, for a renderer and a main
 * side in the same JavaScript realm. What one end's `next` sends, the other end's subscribers
 * receive, asynchronously (never before `next` returns), in order, through an RxJS scheduler, so
 * `TestScheduler.run` makes delivery virtual and deterministic. Both ends support `nextSync`, the
 * path `sendSync` needs: it first delivers everything sent before it, keeping order.
 *
 * ## Example
 * ```ts
 * import { createMemoryTransportPair, IpcMain, IpcRenderer } from 'rxipc';
 *
 * const [mainEnd, rendererEnd] = createMemoryTransportPair();
 * const ipcMain = new IpcMain();
 * const webContents = ipcMain.connect(mainEnd);
 * const ipcRenderer = new IpcRenderer(rendererEnd);
 * ipcMain.on('ping', (event) => event.reply('pong'));
 * ipcRenderer.send('ping');
 * ```
 *
 * @param options The scheduler and latency of delivery.
 * @returns The two ends: by convention `[mainEnd, rendererEnd]`; the pair is symmetric.
 */
export function createMemoryTransportPair(options?: MemoryTransportOptions): [SyncTransport<string>, SyncTransport<string>] {
  const scheduler = options?.scheduler ?? asapScheduler;
  const latency = options?.latency ?? 0;
  const a = new MemoryEnd(scheduler, latency);
  const b = new MemoryEnd(scheduler, latency);
  a.peer = b;
  b.peer = a;
  return [a, b];
}
