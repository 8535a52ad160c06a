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
