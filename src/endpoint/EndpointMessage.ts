/**
 * The transport-level messages of `createEndpointTransport` on the wire: the handshake (`hello`,
 * `ack`, each with the sender's sync block when it has one), one frame or the frames of one tick
 * with the sequence number of the first, and the goodbye. The one definition that the connection
 * and the adapters which re-encode or inspect these messages (the WebSocket text form, the
 * Electron transports) share, so they cannot drift apart. Internal.
 */
export type EndpointMessage =
  | { rxipc: 'hello'; block?: SharedArrayBuffer }
  | { rxipc: 'ack'; block?: SharedArrayBuffer }
  | { rxipc: 'frame'; seq: number; data: string; sync?: number; lane?: unknown }
  | { rxipc: 'frames'; seq: number; data: string[] }
  | { rxipc: 'bye' };

/** The messages that carry nothing but their kind (without a sync block). */
export type EndpointSignal = 'hello' | 'ack' | 'bye';

/** Every `EndpointSignal`. */
export const ENDPOINT_SIGNALS: readonly EndpointSignal[] = ['hello', 'ack', 'bye'];

/** The message of one frame. */
export function frameMessage(seq: number, data: string): EndpointMessage & { rxipc: 'frame' } {
  return { rxipc: 'frame', seq, data };
}

/** The message of the frames of one tick, `seq` being the first one's. */
export function framesMessage(seq: number, data: string[]): EndpointMessage & { rxipc: 'frames' } {
  return { rxipc: 'frames', seq, data };
}

/** The message of a signal. */
export function signalMessage(signal: EndpointSignal): EndpointMessage {
  return { rxipc: signal };
}

/** Whether a received message is an object whose `rxipc` is `kind` (whatever the rest of it holds). */
export function hasKind<K extends EndpointMessage['rxipc']>(message: unknown, kind: K): message is { rxipc: K } & Record<string, unknown> {
  return typeof message === 'object' && message !== null && (message as { rxipc?: unknown }).rxipc === kind;
}

/** Whether a value is the name of an `EndpointSignal`. */
export function isSignal(value: unknown): value is EndpointSignal {
  return (ENDPOINT_SIGNALS as readonly unknown[]).includes(value);
}

/** Whether a received message is a frame `{ rxipc: 'frame', seq, data }` with a number and a string. */
export function isFrameMessage(message: unknown): message is EndpointMessage & { rxipc: 'frame' } {
  return hasKind(message, 'frame') && typeof message['seq'] === 'number' && typeof message['data'] === 'string';
}

/** Whether a received message is the peer's `hello` or `ack`: it is listening. */
export function isGreeting(message: unknown): boolean {
  return hasKind(message, 'hello') || hasKind(message, 'ack');
}

// ── the text form ──────────────────────────────────────────────────────────────────────────────
// Frames and batches also travel as one short string each: `rxipc:frame:<seq>:<data>` and
// `rxipc:frames:<seq>:<length>,<length>,...:<data><data>...` (each frame's length in UTF-16 code
// units); signals as `rxipc:hello`, `rxipc:ack`, `rxipc:bye`. The WebSocket transport can only
// carry text; port endpoints use it because a structured clone of one string costs about half
// that of a `{ rxipc, seq, data }` object. Readable in devtools as the protocol made them.

const PREFIX = 'rxipc:';
const FRAME = `${PREFIX}frame:`;
const FRAMES = `${PREFIX}frames:`;

/** The text of one frame's message. */
export function frameText(seq: number, data: string): string {
  return `${FRAME}${seq}:${data}`;
}

/** The text of the message of the frames of one tick, `seq` being the first one's. */
export function framesText(seq: number, data: readonly string[]): string {
  let lengths = '';
  for (let i = 0; i < data.length; i++) lengths += i === 0 ? `${data[i]!.length}` : `,${data[i]!.length}`;
  return `${FRAMES}${seq}:${lengths}:${data.join('')}`;
}

/** The text for one transport message, or `undefined` for a message that has no text form. */
export function messageToText(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  if (hasKind(message, 'frame')) {
    const { seq, data } = message;
    return typeof seq === 'number' && Number.isSafeInteger(seq) && typeof data === 'string' ? frameText(seq, data) : undefined;
  }
  if (hasKind(message, 'frames')) {
    const { seq, data } = message;
    if (
      typeof seq !== 'number' ||
      !Number.isSafeInteger(seq) ||
      !Array.isArray(data) ||
      !data.every((frame) => typeof frame === 'string')
    ) {
      return undefined;
    }
    return framesText(seq, data as string[]);
  }
  const { rxipc } = message as { rxipc?: unknown };
  return isSignal(rxipc) ? `${PREFIX}${rxipc}` : undefined;
}

/** Whether a received message may be the text form of a transport message (it starts with `rxipc:`). */
export function isMessageText(message: unknown): message is string {
  return typeof message === 'string' && message.startsWith(PREFIX);
}

/**
 * The transport message a text stands for; anything else (not text, not one of the forms above,
 * a sequence number that is not a safe integer ≥ 0, lengths that do not add up exactly) is
 * returned as it is, for the receiver to ignore.
 */
export function messageFromText(text: unknown): unknown {
  if (!isMessageText(text)) return text;
  if (text.startsWith(FRAME)) {
    const seq = frameTextSeq(text);
    return seq >= 0 ? frameMessage(seq, frameTextData(text)) : text;
  }
  if (text.startsWith(FRAMES)) return framesFromText(text) ?? text;
  const signal = text.slice(PREFIX.length);
  return isSignal(signal) ? signalMessage(signal) : text;
}

/**
 * The sequence number of a frame's text (`rxipc:frame:<seq>:<data>`), `<seq>` being 1 to 16
 * decimal digits and a safe integer; -1 for any other text. The receiver's fast path: no object,
 * no regular expression.
 */
export function frameTextSeq(text: string): number {
  if (!text.startsWith(FRAME)) return -1;
  const end = Math.min(text.length, FRAME.length + 17);
  let seq = 0;
  for (let i = FRAME.length; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */) return i > FRAME.length && Number.isSafeInteger(seq) ? seq : -1;
    if (c < 48 || c > 57) return -1;
    seq = seq * 10 + (c - 48);
  }
  return -1;
}

/** The data of a frame's text that `frameTextSeq` accepted. */
export function frameTextData(text: string): string {
  return text.slice(text.indexOf(':', FRAME.length) + 1);
}

/** A sequence number written in decimal digits only (no sign, exponent, hex or blanks); -1 otherwise. */
function seqOf(digits: string): number {
  if (!/^\d{1,16}$/.test(digits)) return -1;
  const seq = Number(digits);
  return Number.isSafeInteger(seq) ? seq : -1;
}

/** Unpacks `rxipc:frames:<seq>:<lengths>:<data>`; `undefined` unless the lengths add up exactly. */
function framesFromText(text: string): EndpointMessage | undefined {
  const seqEnd = text.indexOf(':', FRAMES.length);
  if (seqEnd < 0) return undefined;
  const lengthsEnd = text.indexOf(':', seqEnd + 1);
  if (lengthsEnd < 0) return undefined;
  const seq = seqOf(text.slice(FRAMES.length, seqEnd));
  if (seq < 0) return undefined;
  const data: string[] = [];
  let at = lengthsEnd + 1;
  for (const field of text.slice(seqEnd + 1, lengthsEnd).split(',')) {
    if (!/^\d{1,15}$/.test(field)) return undefined;
    const end = at + Number(field);
    if (end > text.length) return undefined;
    data.push(text.slice(at, end));
    at = end;
  }
  return at === text.length ? framesMessage(seq, data) : undefined;
}
