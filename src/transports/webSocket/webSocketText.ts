// How the transport-level messages of `createEndpointTransport` travel as WebSocket text
// (internal). They are small objects `{ rxipc: 'hello' | 'ack' | 'bye' }`,
// `{ rxipc: 'frame', seq, data }` and `{ rxipc: 'frames', seq, data: [...] }` (frames sent in one
// tick), where each `data` is already a string: each becomes a short, readable text line
// (`rxipc:hello`, `rxipc:frame:<seq>:<data>`, `rxipc:frames:<seq>:<length>,<length>,...:<data><data>...`
// with each frame's length in UTF-16 code units), so no JSON is needed here and the frames stay
// as readable in devtools as the protocol made them.

import {
  frameMessage,
  framesMessage,
  hasKind,
  isSignal,
  signalMessage,
  type EndpointMessage,
} from '../../transport/EndpointMessage.js';

const PREFIX = 'rxipc:';
const FRAME = `${PREFIX}frame:`;
const FRAMES = `${PREFIX}frames:`;

/** The text for one transport message, or `undefined` for a message that has no text form. */
export function toText(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  if (hasKind(message, 'frame')) {
    const { seq, data } = message;
    return typeof seq === 'number' && Number.isSafeInteger(seq) && typeof data === 'string' ? `${FRAME}${seq}:${data}` : undefined;
  }
  if (hasKind(message, 'frames')) {
    const { seq, data } = message;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || !Array.isArray(data)) return undefined;
    let lengths = '';
    for (let i = 0; i < data.length; i++) {
      const frame: unknown = data[i];
      if (typeof frame !== 'string') return undefined;
      lengths += i === 0 ? `${frame.length}` : `,${frame.length}`;
    }
    return `${FRAMES}${seq}:${lengths}:${data.join('')}`;
  }
  const { rxipc } = message as { rxipc?: unknown };
  return isSignal(rxipc) ? `${PREFIX}${rxipc}` : undefined;
}

/** The transport message a text stands for; any other data is passed on as it is (and ignored). */
export function fromText(text: unknown): unknown {
  if (typeof text !== 'string' || !text.startsWith(PREFIX)) return text;
  if (text.startsWith(FRAME)) {
    const colon = text.indexOf(':', FRAME.length);
    const seq = colon < 0 ? NaN : Number(text.slice(FRAME.length, colon));
    return Number.isSafeInteger(seq) && seq >= 0 ? frameMessage(seq, text.slice(colon + 1)) : text;
  }
  if (text.startsWith(FRAMES)) return framesFromText(text) ?? text;
  const signal = text.slice(PREFIX.length);
  return isSignal(signal) ? signalMessage(signal) : text;
}

/** Unpacks `rxipc:frames:<seq>:<lengths>:<data>`; `undefined` unless the lengths add up exactly. */
function framesFromText(text: string): EndpointMessage | undefined {
  const seqEnd = text.indexOf(':', FRAMES.length);
  if (seqEnd < 0) return undefined;
  const lengthsEnd = text.indexOf(':', seqEnd + 1);
  if (lengthsEnd < 0) return undefined;
  const seq = Number(text.slice(FRAMES.length, seqEnd));
  if (!Number.isSafeInteger(seq) || seq < 0) return undefined;
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
