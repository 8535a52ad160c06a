import { IpcBadFrameError } from '../errors/IpcBadFrameError.js';
import { IpcSerializationError } from '../errors/IpcSerializationError.js';
import { PROTOCOL_VERSION, type Envelope } from './Envelope.js';

/** Limits applied when decoding frames that arrive from a transport. */
export interface CodecOptions {
  /**
   * Frames longer than this many UTF-16 code units are refused: dropped on receipt, an error on send.
   * @default 67108864 (64 Mi)
   */
  maxFrameLength?: number;
  /**
   * Frames whose JSON nests deeper than this (arrays and objects) are dropped on receipt, so code
   * that walks a received value recursively cannot be made to overflow its stack. Checking costs
   * about a third of `JSON.parse`'s time on object-heavy frames; `Infinity` skips the check, for a
   * peer you trust as much as your own code (a worker of your app, never a page or a socket).
   * @default 1000
   */
  maxDepth?: number;
}

/**
 * @internal Just the codec's limits out of a facade's wider options, so a `Link` keeps no
 * reference to the rest.
 */
export function pickCodecOptions(options: CodecOptions): CodecOptions {
  const codec: CodecOptions = {};
  if (options.maxFrameLength !== undefined) codec.maxFrameLength = options.maxFrameLength;
  if (options.maxDepth !== undefined) codec.maxDepth = options.maxDepth;
  return codec;
}

/** The default `CodecOptions.maxFrameLength`: 64 Mi code units. */
export const DEFAULT_MAX_FRAME_LENGTH = 64 * 1024 * 1024;
/** The default `CodecOptions.maxDepth`. */
export const DEFAULT_MAX_DEPTH = 1000;

/** What each kind of frame must carry: 1 a channel and args, 2 an id, 3 both, 0 nothing more. */
const KIND_NEEDS: Record<string, number | undefined> = {
  __proto__: null as never,
  send: 1,
  message: 1,
  host: 1,
  cancel: 2,
  reply: 2,
  next: 2,
  complete: 2,
  error: 2,
  sync: 3,
  invoke: 3,
  'invoke-stream': 3,
  close: 0,
};

/**
 * Encodes a frame as JSON text, with JSON's semantics for the payload: functions and prototypes
 * are dropped, `undefined` in arrays becomes `null`, a `Date` becomes its ISO string. This and
 * `decodeFrame` are the only places rxipc calls `JSON.stringify` / `JSON.parse`.
 *
 * ## Example
 * ```ts
 * import { encodeFrame, PROTOCOL_VERSION } from 'rxipc';
 *
 * encodeFrame({ v: PROTOCOL_VERSION, kind: 'send', channel: 'save', args: [new Date(0)] });
 * // '{"v":1,"kind":"send","channel":"save","args":["1970-01-01T00:00:00.000Z"]}'
 * ```
 *
 * @param frame The frame to encode.
 * @param options `maxFrameLength` is enforced here too.
 * @returns The JSON text.
 * @throws IpcSerializationError when the payload holds a cycle, a `BigInt`, a throwing `toJSON`, or is too long; it names the channel.
 */
export function encodeFrame(frame: Envelope, options?: CodecOptions): string {
  let text: string;
  try {
    text = JSON.stringify(frame);
  } catch (cause) {
    const channel = 'channel' in frame ? frame.channel : undefined;
    const what = channel === undefined ? `a '${frame.kind}' frame` : `channel '${channel}'`;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new IpcSerializationError(`Cannot serialize the arguments for ${what} as JSON: ${reason}`, {
      cause,
      ...(channel === undefined ? {} : { channel }),
    });
  }
  return checkLength(frame, text, options);
}

/**
 * @internal Encodes a frame built by the facades: the same text as `encodeFrame`, for frames whose
 * keys are the protocol's own, in its order (`v, kind, id?, channel, args` or `v, kind, id, value?`).
 * For the frequent kinds the text is assembled around `JSON.stringify` of the payload alone, which
 * spares stringifying the frame object (about 120 ns a frame). Anything else (error and close
 * frames, a payload with its own `toJSON`, which `JSON.stringify` would call with another key, or
 * one that throws) goes through `encodeFrame`.
 *
 * @param frame A frame the facades built.
 * @param options As for `encodeFrame`.
 * @returns The JSON text.
 */
export function encodeOwnFrame(frame: Envelope, options?: CodecOptions): string {
  const { v, kind } = frame;
  let text: string | undefined;
  try {
    if ('channel' in frame) {
      // send, message, host; sync, invoke, invoke-stream with their id first.
      const id = 'id' in frame ? `"id":${frame.id},` : '';
      if (!hasToJSON(frame.args))
        text = `{"v":${v},"kind":"${kind}",${id}"channel":${JSON.stringify(frame.channel)},"args":${JSON.stringify(frame.args)}}`;
    } else if (kind === 'reply' || kind === 'next' || kind === 'complete' || kind === 'cancel') {
      const value = (frame as { value?: unknown }).value;
      const json = hasToJSON(value) ? null : (JSON.stringify(value) as string | undefined); // undefined: no value key
      if (json !== null) text = `{"v":${v},"kind":"${kind}","id":${frame.id}${json === undefined ? '' : `,"value":${json}`}}`;
    }
  } catch {
    text = undefined; // encodeFrame says why.
  }
  return text === undefined ? encodeFrame(frame, options) : checkLength(frame, text, options);
}

/** Whether `JSON.stringify` would call a `toJSON` of `value` itself (with a key that differs here). */
function hasToJSON(value: unknown): boolean {
  return (
    typeof value === 'bigint' ||
    ((typeof value === 'object' || typeof value === 'function') &&
      value !== null &&
      typeof (value as { toJSON?: unknown }).toJSON === 'function')
  );
}

function checkLength(frame: Envelope, text: string, options: CodecOptions | undefined): string {
  const max = options?.maxFrameLength ?? DEFAULT_MAX_FRAME_LENGTH;
  if (text.length > max) {
    const channel = 'channel' in frame ? frame.channel : undefined;
    throw new IpcSerializationError(
      `The frame for ${channel === undefined ? `a '${frame.kind}' frame` : `channel '${channel}'`} is ${text.length} long, over the limit of ${max}`,
      channel === undefined ? undefined : { channel },
    );
  }
  return text;
}

/**
 * Decodes and validates one frame received from a transport. Anything that is not a well-formed
 * rxipc frame (not a string, not JSON, wrong version, wrong shape, too long, too deep) is refused
 * with an `IpcBadFrameError`; the facades drop such frames and report them on `errors$`.
 * `JSON.parse` defines `__proto__` keys as plain data, so a frame cannot change any prototype.
 *
 * ## Example
 * ```ts
 * import { decodeFrame } from 'rxipc';
 *
 * decodeFrame('{"v":1,"kind":"send","channel":"ping","args":[]}').channel; // 'ping'
 * decodeFrame('{"v":1,"kind":"send"'); // throws IpcBadFrameError
 * ```
 *
 * @param text What the transport delivered.
 * @param options Limits on length and depth.
 * @returns The frame.
 * @throws IpcBadFrameError when the input is not a valid frame.
 */
export function decodeFrame(text: unknown, options?: CodecOptions): Envelope {
  if (typeof text !== 'string') throw new IpcBadFrameError(`Expected a string frame, received ${describe(text)}`);
  const max = options?.maxFrameLength ?? DEFAULT_MAX_FRAME_LENGTH;
  if (text.length > max) throw new IpcBadFrameError(`Frame of length ${text.length} is over the limit of ${max}`);
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (text.length > maxDepth * 2 && nestingDepth(text, maxDepth) > maxDepth) {
    throw new IpcBadFrameError(`Frame nests deeper than the limit of ${maxDepth}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new IpcBadFrameError(`Frame is not valid JSON: ${preview(text)}`, { cause });
  }
  const problem = shapeProblem(value);
  if (problem !== undefined) throw new IpcBadFrameError(`${problem}: ${preview(text)}`);
  return value as Envelope;
}

/**
 * Whether a value survives JSON encoding as a value of its own (not dropped, no cycle, no `BigInt`).
 *
 * @param value Any value.
 * @returns `true` when `JSON.stringify` would encode it.
 */
export function isEncodable(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'undefined') return false;
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

function shapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'Frame is not a JSON object';
  const frame = value as Record<string, unknown>;
  if (frame['v'] !== PROTOCOL_VERSION) return `Frame has unsupported protocol version ${describe(frame['v'])}`;
  const kind = frame['kind'];
  const needs = typeof kind === 'string' ? KIND_NEEDS[kind] : undefined;
  if (needs === undefined) return `Frame has unknown kind ${describe(kind)}`;
  if ((needs & 1) !== 0) {
    if (typeof frame['channel'] !== 'string') return `'${kind}' frame has no string channel`;
    if (!Array.isArray(frame['args'])) return `'${kind}' frame has no args array`;
  }
  if ((needs & 2) !== 0) {
    const id = frame['id'];
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return `'${kind}' frame has an invalid id`;
  }
  if (kind === 'error') {
    const error = frame['error'];
    if (typeof error !== 'object' || error === null) return `'error' frame has no error object`;
    const e = error as Record<string, unknown>;
    if (typeof e['name'] !== 'string' || typeof e['message'] !== 'string' || typeof e['text'] !== 'string') {
      return `'error' frame has a malformed error`;
    }
  }
  return undefined;
}

/**
 * Depth of array/object nesting in JSON text, stopping early once over `limit`. String literals
 * are jumped over with the native `indexOf` (a quote ends the string unless an odd run of
 * backslashes precedes it), so a frame made of one long string costs almost nothing.
 */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && escaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return depth; // Unterminated: JSON.parse refuses it.
      i = end;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return depth;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return depth;
}

/** Whether the quote at `at` is escaped: preceded by an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let k = at - 1;
  while (text.charCodeAt(k) === 92 /* \ */) k--;
  return ((at - 1 - k) & 1) === 1;
}

function preview(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined') return String(value);
  return typeof value;
}
