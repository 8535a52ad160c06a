// Property-based tests of the codec (fast-check): JSON semantics for anything JSON can encode, and
// a clean IpcBadFrameError (never anything else, never a prototype change) for any other input.
import fc from 'fast-check';
import { decodeFrame, encodeFrame, IpcBadFrameError, PROTOCOL_VERSION, type Envelope } from '../../src/index.js';
import { encodeOwnFrame } from '../../src/protocol/codec.js';

const RUNS = 300;

function decodeOrBad(input: unknown): Envelope | IpcBadFrameError {
  try {
    return decodeFrame(input);
  } catch (error) {
    if (error instanceof IpcBadFrameError) return error;
    throw error;
  }
}

function prototypesIntact(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe['polluted'] === undefined && probe['isAdmin'] === undefined && Object.getPrototypeOf(probe) === Object.prototype;
}

describe('codec properties', () => {
  it('should round-trip any JSON value in send args with JSON semantics', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.jsonValue()), (channel, args) => {
        const frame: Envelope = { v: PROTOCOL_VERSION, kind: 'send', channel, args };
        const decoded = decodeFrame(encodeFrame(frame));
        expect(decoded).toEqual(JSON.parse(JSON.stringify(frame)));
      }),
      { numRuns: RUNS },
    );
  });

  it('should round-trip anything fast-check calls "anything" as JSON would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.anything({ withBigInt: false, withMap: true, withSet: true, withDate: true, withNullPrototype: true })),
        (args) => {
          let text: string;
          try {
            text = encodeFrame({ v: PROTOCOL_VERSION, kind: 'message', channel: 'c', args });
          } catch {
            return; // Invalid dates throw in toJSON: refusing is the JSON semantics too.
          }
          expect(decodeFrame(text)).toEqual(JSON.parse(JSON.stringify({ v: PROTOCOL_VERSION, kind: 'message', channel: 'c', args })));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('should refuse any random string with IpcBadFrameError or decode a valid frame', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = decodeOrBad(text);
        expect(result instanceof IpcBadFrameError || typeof (result as Envelope).kind === 'string').toBeTrue();
        expect(prototypesIntact()).toBeTrue();
      }),
      { numRuns: RUNS },
    );
  });

  it('should refuse every truncation of a valid frame', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1 }), fc.nat(), (args, cut) => {
        const text = encodeFrame({ v: PROTOCOL_VERSION, kind: 'send', channel: 'x', args });
        const at = cut % text.length;
        expect(decodeOrBad(text.slice(0, at))).toBeInstanceOf(IpcBadFrameError);
      }),
      { numRuns: RUNS },
    );
  });

  it('should refuse valid JSON of the wrong shape', () => {
    const wrongShape = fc.oneof(
      fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
      fc.record({ v: fc.jsonValue(), kind: fc.jsonValue() }, { requiredKeys: [] }).filter((r) => r.v !== 1),
      fc.record({
        v: fc.constant(1),
        kind: fc.string().filter((k) => !['close'].includes(k)),
        channel: fc.jsonValue(),
        args: fc.jsonValue().filter((a) => !Array.isArray(a)),
      }),
      fc.record({
        v: fc.constant(1),
        kind: fc.constantFrom('reply', 'next', 'cancel', 'complete'),
        id: fc.oneof(fc.string(), fc.double({ noInteger: true }), fc.integer({ max: -1 })),
      }),
    );
    fc.assert(
      fc.property(wrongShape, (value) => {
        expect(decodeOrBad(JSON.stringify(value))).toBeInstanceOf(IpcBadFrameError);
      }),
      { numRuns: RUNS },
    );
  });

  it('should never change a prototype for __proto__ / constructor payloads at any depth', () => {
    const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'isAdmin');
    const hostile = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        fc.dictionary(hostileKey, tie('node'), { maxKeys: 3 }),
        fc.array(tie('node'), { maxLength: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(hostile, (payload) => {
        const text = `{"v":1,"kind":"send","channel":"__proto__","args":[${JSON.stringify(payload).replace(/"(prototype|constructor)"/g, '"__proto__"')}]}`;
        decodeOrBad(text);
        expect(prototypesIntact()).toBeTrue();
      }),
      { numRuns: RUNS },
    );
  });

  it('should drop frames nested deeper than maxDepth without a stack overflow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1001, max: 200_000 }), (depth) => {
        const text = `{"v":1,"kind":"send","channel":"d","args":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;
        expect(decodeOrBad(text)).toBeInstanceOf(IpcBadFrameError);
      }),
      { numRuns: 20 },
    );
  });
});

describe('encodeOwnFrame', () => {
  const payload = fc.anything({
    withBigInt: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withTypedArray: true,
    withSparseArray: true,
  });

  /** The text, or the error's class and message. */
  function outcome(encode: () => string): string {
    try {
      return encode();
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  }

  it('should write exactly what encodeFrame writes, or throw the same error, for every frame the facades build', () => {
    const id = fc.nat();
    const frames = fc.oneof(
      fc
        .record({ kind: fc.constantFrom('send', 'message', 'host'), channel: fc.string(), args: fc.array(payload) })
        .map(({ kind, channel, args }) => ({ v: PROTOCOL_VERSION, kind, channel, args }) as Envelope),
      fc
        .record({ kind: fc.constantFrom('sync', 'invoke', 'invoke-stream'), id, channel: fc.string(), args: fc.array(payload) })
        .map(({ kind, id: n, channel, args }) => ({ v: PROTOCOL_VERSION, kind, id: n, channel, args }) as Envelope),
      fc
        .record({
          kind: fc.constantFrom('reply', 'next'),
          id,
          value: fc.oneof(
            payload,
            fc.constant(undefined),
            fc.constant(() => 1),
            fc.constant(Symbol('s')),
          ),
        })
        .map(({ kind, id: n, value }) => ({ v: PROTOCOL_VERSION, kind, id: n, value }) as Envelope),
      fc
        .record({ kind: fc.constantFrom('complete', 'cancel'), id })
        .map(({ kind, id: n }) => ({ v: PROTOCOL_VERSION, kind, id: n }) as Envelope),
    );
    fc.assert(
      fc.property(frames, fc.integer({ min: 10, max: 400 }), (frame, maxFrameLength) => {
        expect(outcome(() => encodeOwnFrame(frame))).toBe(outcome(() => encodeFrame(frame)));
        expect(outcome(() => encodeOwnFrame(frame, { maxFrameLength }))).toBe(outcome(() => encodeFrame(frame, { maxFrameLength })));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('should give toJSON the key JSON.stringify gives it, cycles and BigInt the same errors', () => {
    const keyed = { toJSON: (key: string) => `key ${key}` };
    const fn = Object.assign(() => 1, { toJSON: (key: string) => `fn ${key}` });
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    const args = [keyed, 1] as unknown[] & { toJSON?: unknown };
    args.toJSON = () => 'whole';
    const frames: Envelope[] = [
      { v: PROTOCOL_VERSION, kind: 'reply', id: 1, value: keyed },
      { v: PROTOCOL_VERSION, kind: 'next', id: 2, value: fn },
      { v: PROTOCOL_VERSION, kind: 'send', channel: 'c', args: [keyed, fn] },
      { v: PROTOCOL_VERSION, kind: 'send', channel: 'c', args },
      { v: PROTOCOL_VERSION, kind: 'invoke', id: 3, channel: 'c', args: [cycle] },
      { v: PROTOCOL_VERSION, kind: 'reply', id: 4, value: cycle },
      { v: PROTOCOL_VERSION, kind: 'reply', id: 5, value: 10n },
      { v: PROTOCOL_VERSION, kind: 'message', channel: 'c', args: [1n] },
    ];
    for (const frame of frames) {
      expect(outcome(() => encodeOwnFrame(frame)))
        .withContext(frame.kind)
        .toBe(outcome(() => encodeFrame(frame)));
    }
    expect(encodeOwnFrame(frames[0]!)).toBe('{"v":1,"kind":"reply","id":1,"value":"key value"}');
  });

  it('should give a BigInt toJSON (a common polyfill) the key JSON.stringify gives it', () => {
    const proto = BigInt.prototype as { toJSON?: (key: string) => string };
    proto.toJSON = function (this: bigint, key: string) {
      return `${String(this)} at ${key}`;
    };
    try {
      const frame: Envelope = { v: PROTOCOL_VERSION, kind: 'next', id: 1, value: 7n };
      expect(encodeOwnFrame(frame)).toBe(encodeFrame(frame));
      expect(encodeOwnFrame(frame)).toBe('{"v":1,"kind":"next","id":1,"value":"7 at value"}');
    } finally {
      delete proto.toJSON;
    }
  });
});
