import type { Unsubscribable } from 'rxjs';
import { IpcBadFrameError } from '../errors/IpcBadFrameError.js';
import type { IpcError } from '../errors/IpcError.js';
import { isSyncTransport, type SubjectLike } from '../contract/SubjectLike.js';
import { decodeFrame, encodeFrame, encodeOwnFrame, type CodecOptions } from './codec.js';
import { PROTOCOL_VERSION, type Envelope } from './Envelope.js';

/** What a `Link` tells its owner. */
export interface LinkHandlers {
  /** A valid frame arrived. Must not throw: the owner catches its users' errors. */
  frame(frame: Envelope): void;
  /** A frame was dropped; the error says why. */
  report(error: IpcError): void;
  /** The peer closed, the transport completed or failed: nothing more arrives. */
  lost(cause: unknown): void;
}

/**
 * The protocol seen from one side of one transport: encodes outgoing frames, decodes and validates
 * incoming ones, and turns the transport's end into a single `lost` notification. Internal to the
 * facades; it knows frames, not listeners.
 */
export class Link {
  private subscription: Unsubscribable | undefined;
  /** True once closed here or lost: nothing is sent or received any more. */
  closed = false;

  constructor(
    private readonly transport: SubjectLike<string>,
    private readonly handlers: LinkHandlers,
    private readonly codec: CodecOptions = {},
  ) {
    this.subscription = transport.subscribe({
      next: (text) => this.receive(text),
      error: (cause) => this.lose(cause),
      complete: () => this.lose(undefined),
    });
    // A transport that completed during subscribe has already called lose().
    if (this.closed) this.unsubscribe();
  }

  /** Whether `sendSync` can work over this transport. */
  get canRequestSync(): boolean {
    return isSyncTransport(this.transport);
  }

  /**
   * Encodes a frame the facades built, keys in the protocol's order (throws
   * `IpcSerializationError` and sends nothing when it cannot).
   */
  encode(frame: Envelope): string {
    return encodeOwnFrame(frame, this.codec);
  }

  /** Sends an encoded frame. */
  post(text: string): void {
    if (!this.closed) this.transport.next(text);
  }

  /**
   * Sends a request and waits for the frame `isReply` accepts; `undefined` when the in-process
   * peer did not answer. Throws what the transport throws (a timeout).
   */
  request(text: string, isReply: (frame: Envelope) => boolean, timeout: number): Envelope | undefined {
    const transport = this.transport;
    if (!isSyncTransport(transport)) return undefined;
    // The accepted frame is kept as `isReply` decoded it: decoded once, not twice.
    let reply: Envelope | undefined;
    let replyText: string | undefined;
    const answer = transport.nextSync(
      text,
      (incoming) => {
        let frame: Envelope;
        try {
          frame = decodeFrame(incoming, this.codec);
          if (!isReply(frame)) return false;
        } catch {
          return false;
        }
        reply = frame;
        replyText = incoming;
        return true;
      },
      timeout,
    );
    if (answer === undefined) return undefined;
    return answer === replyText && reply !== undefined ? reply : decodeFrame(answer, this.codec);
  }

  /** Closes this side: tells the peer, completes the transport, stops listening. */
  close(reason?: string): void {
    if (this.closed) return;
    try {
      this.transport.next(encodeFrame({ v: PROTOCOL_VERSION, kind: 'close', ...(reason === undefined ? {} : { reason }) }));
    } catch {
      // A transport that is already broken cannot carry the courtesy frame; closing goes on.
    }
    this.closed = true;
    this.unsubscribe();
    this.transport.complete();
  }

  private receive(text: string): void {
    if (this.closed) return;
    let frame: Envelope;
    try {
      frame = decodeFrame(text, this.codec);
    } catch (error) {
      this.handlers.report(error instanceof IpcBadFrameError ? error : new IpcBadFrameError(String(error), { cause: error }));
      return;
    }
    if (frame.kind === 'close') {
      this.lose(undefined);
      return;
    }
    this.handlers.frame(frame);
  }

  private lose(cause: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.handlers.lost(cause);
  }

  private unsubscribe(): void {
    const subscription = this.subscription;
    this.subscription = undefined;
    subscription?.unsubscribe();
  }
}
