// How the transport-level messages of `createEndpointTransport` travel as WebSocket text
// (internal). They are small objects `{ rxipc: 'hello' | 'ack' | 'bye' }` and
// `{ rxipc: 'frame', seq, data }`, where `data` is already a string: each becomes a short,
// readable text line (`rxipc:hello`, `rxipc:frame:<seq>:<data>`), so no JSON is needed here and
// the frames stay as readable in devtools as the protocol made them.

const PREFIX = 'rxipc:';
const FRAME = `${PREFIX}frame:`;
const SIGNALS = new Set(['hello', 'ack', 'bye']);

/** The text for one transport message, or `undefined` for a message that has no text form. */
export function toText(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { rxipc, seq, data } = message as { rxipc?: unknown; seq?: unknown; data?: unknown };
  if (rxipc === 'frame') {
    return typeof seq === 'number' && Number.isSafeInteger(seq) && typeof data === 'string' ? `${FRAME}${seq}:${data}` : undefined;
  }
  return typeof rxipc === 'string' && SIGNALS.has(rxipc) ? `${PREFIX}${rxipc}` : undefined;
}

/** The transport message a text stands for; any other data is passed on as it is (and ignored). */
export function fromText(text: unknown): unknown {
  if (typeof text !== 'string' || !text.startsWith(PREFIX)) return text;
  if (text.startsWith(FRAME)) {
    const colon = text.indexOf(':', FRAME.length);
    const seq = colon < 0 ? NaN : Number(text.slice(FRAME.length, colon));
    return Number.isSafeInteger(seq) && seq >= 0 ? { rxipc: 'frame', seq, data: text.slice(colon + 1) } : text;
  }
  const signal = text.slice(PREFIX.length);
  return SIGNALS.has(signal) ? { rxipc: signal } : text;
}
