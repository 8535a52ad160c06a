// Property-based tests (fast-check) of the endpoint messages' text form, which port and WebSocket
// peers send and which a hostile peer controls completely: every frame and batch round-trips
// exactly, whatever its data holds (colons, digits, the prefix itself, lone surrogates), and any
// other string is either a valid message or handed back as it is to be ignored, never an exception.
import fc from 'fast-check';
import { frameText, framesText, frameTextData, frameTextSeq, messageFromText, messageToText } from '../../src/endpoint/EndpointMessage.js';

const RUNS = 500;
const seqs = fc.nat({ max: Number.MAX_SAFE_INTEGER });
/** Strings that look like the text form, and fragments of it, more often than uniform strings would. */
const textish = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('r', 'x', 'i', 'p', 'c', ':', 'f', 'a', 'm', 'e', 's', '0', '1', '9', ',', '-', '.', 'e') }),
  fc.tuple(fc.constantFrom('rxipc:frame:', 'rxipc:frames:', 'rxipc:', 'rxipc:hello', 'rxipc:bye'), fc.string()).map(([a, b]) => a + b),
);

describe('endpoint text form properties', () => {
  it('should round-trip any frame, whatever its data holds', () => {
    fc.assert(
      fc.property(seqs, fc.string({ unit: 'binary' }), (seq, data) => {
        const text = frameText(seq, data);
        expect(frameTextSeq(text)).toBe(seq);
        expect(frameTextData(text)).toBe(data);
        expect(messageFromText(text)).toEqual({ rxipc: 'frame', seq, data });
        expect(messageToText({ rxipc: 'frame', seq, data })).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('should round-trip any batch of frames, empty ones and ones holding commas and colons included', () => {
    fc.assert(
      fc.property(seqs, fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 20 }), (seq, data) => {
        expect(messageFromText(framesText(seq, data))).toEqual({ rxipc: 'frames', seq, data });
      }),
      { numRuns: RUNS },
    );
  });

  it('should turn any string into a well-formed message or give it back unchanged, never throwing', () => {
    fc.assert(
      fc.property(textish, (text) => {
        const message = messageFromText(text) as unknown;
        if (message === text) return; // not a message: the receiver ignores it
        expect(typeof message).toBe('object');
        const { rxipc, seq, data } = message as { rxipc: string; seq?: unknown; data?: unknown };
        if (rxipc === 'frame') {
          expect(Number.isSafeInteger(seq) && (seq as number) >= 0).toBe(true);
          expect(typeof data).toBe('string');
          expect(frameTextSeq(text)).toBe(seq as number);
        } else if (rxipc === 'frames') {
          expect(Number.isSafeInteger(seq) && (seq as number) >= 0).toBe(true);
          expect(Array.isArray(data) && data.every((d) => typeof d === 'string')).toBe(true);
          expect((data as string[]).join('').length).toBeLessThanOrEqual(text.length);
        } else {
          expect(['hello', 'ack', 'bye']).toContain(rxipc);
          expect(text).toBe(`rxipc:${rxipc}`);
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('should read a frame sequence number only when it is plain decimal digits of a safe integer', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', 'x', 'e', '+', '-', '.', ' ') }), fc.string(), (digits, data) => {
        const seq = frameTextSeq(`rxipc:frame:${digits}:${data}`);
        const plain = /^\d{1,16}$/.test(digits) && Number.isSafeInteger(Number(digits));
        expect(seq).toBe(plain ? Number(digits) : -1);
      }),
      { numRuns: RUNS },
    );
  });
});
