import { decodeFrame, encodeFrame, IpcBadFrameError, IpcSerializationError, PROTOCOL_VERSION, type Envelope } from '../../src/index.js';

describe('codec', () => {
  describe('encodeFrame', () => {
    it('should write readable kinds and the version', () => {
      const text = encodeFrame({ v: PROTOCOL_VERSION, kind: 'invoke-stream', id: 3, channel: 'c', args: [1] });
      expect(JSON.parse(text)).toEqual({ v: 1, kind: 'invoke-stream', id: 3, channel: 'c', args: [1] });
    });

    it('should throw IpcSerializationError naming the channel for cycles and BigInt', () => {
      const cyc: Record<string, unknown> = {};
      cyc['me'] = cyc;
      for (const bad of [
        cyc,
        1n,
        {
          toJSON: () => {
            throw new Error('nope');
          },
        },
      ]) {
        expect(() => encodeFrame({ v: 1, kind: 'send', channel: 'ch', args: [bad] })).toThrowMatching(
          (e) => e instanceof IpcSerializationError && e.channel === 'ch' && e.cause !== undefined,
        );
      }
    });

    it('should refuse a frame over maxFrameLength', () => {
      expect(() => encodeFrame({ v: 1, kind: 'send', channel: 'ch', args: ['x'.repeat(100)] }, { maxFrameLength: 50 })).toThrowError(
        IpcSerializationError,
        /over the limit of 50/,
      );
    });
  });

  describe('decodeFrame', () => {
    const valid: Envelope[] = [
      { v: 1, kind: 'send', channel: 'a', args: [] },
      { v: 1, kind: 'sync', id: 1, channel: 'a', args: [null] },
      { v: 1, kind: 'invoke', id: 2, channel: 'a', args: [] },
      { v: 1, kind: 'invoke-stream', id: 3, channel: 'a', args: [] },
      { v: 1, kind: 'cancel', id: 3 },
      { v: 1, kind: 'reply', id: 2 },
      { v: 1, kind: 'next', id: 3, value: 1 },
      { v: 1, kind: 'complete', id: 3 },
      { v: 1, kind: 'error', id: 2, error: { name: 'Error', message: 'm', text: 'Error: m' } },
      { v: 1, kind: 'message', channel: 'a', args: [] },
      { v: 1, kind: 'host', channel: 'a', args: [] },
      { v: 1, kind: 'close' },
    ];

    it('should round-trip every kind', () => {
      for (const frame of valid) expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
    });

    it('should refuse garbage, truncated, wrong-shape and wrong-version frames with IpcBadFrameError', () => {
      const bad: unknown[] = [
        42,
        null,
        '',
        'not json',
        '{"v":1,"kind":"send","channel":"a"',
        '[]',
        '"string"',
        '{"v":2,"kind":"send","channel":"a","args":[]}',
        '{"v":1,"kind":"explode"}',
        '{"v":1,"kind":"toString"}',
        '{"v":1,"kind":"__proto__"}',
        '{"v":1,"kind":"constructor","channel":"a","args":[]}',
        '{"v":1,"kind":"send","channel":1,"args":[]}',
        '{"v":1,"kind":"send","channel":"a","args":{}}',
        '{"v":1,"kind":"reply","id":-1}',
        '{"v":1,"kind":"reply","id":1.5}',
        '{"v":1,"kind":"reply","id":"1"}',
        '{"v":1,"kind":"error","id":1,"error":null}',
        '{"v":1,"kind":"error","id":1,"error":{"name":1}}',
      ];
      for (const input of bad) {
        expect(() => decodeFrame(input))
          .withContext(String(input))
          .toThrowError(IpcBadFrameError);
      }
    });

    it('should refuse frames over the length or depth limits', () => {
      expect(() => decodeFrame('{"v":1,"kind":"close"}', { maxFrameLength: 5 })).toThrowError(IpcBadFrameError);
      const deep = `{"v":1,"kind":"send","channel":"a","args":[${'['.repeat(50)}${']'.repeat(50)}]}`;
      expect(() => decodeFrame(deep, { maxDepth: 20 })).toThrowError(IpcBadFrameError, /deeper/);
      expect(decodeFrame(deep, { maxDepth: 60 }).kind).toBe('send');
    });

    it('should skip the depth check with maxDepth: Infinity, and only then take frames deeper than the default', () => {
      const deeper = `{"v":1,"kind":"send","channel":"a","args":[${'['.repeat(5000)}${']'.repeat(5000)}]}`;
      expect(() => decodeFrame(deeper)).toThrowError(IpcBadFrameError, /deeper than the limit of 1000/);
      expect(decodeFrame(deeper, { maxDepth: Infinity }).kind).toBe('send');
    });

    it('should count nesting outside strings only, whatever quotes and backslashes the strings hold', () => {
      // Brackets inside strings are text; `\"` does not end a string, `\\"` does.
      const inString = JSON.stringify(`${'['.repeat(40)}"\\${'{'.repeat(40)}\\"`);
      const shallow = `{"v":1,"kind":"send","channel":"a","args":[${inString},${inString}]}`;
      expect((decodeFrame(shallow, { maxDepth: 3 }) as Envelope & { args: unknown[] }).args).toEqual([
        JSON.parse(inString),
        JSON.parse(inString),
      ]);
      const deep = `{"v":1,"kind":"send","channel":"a","args":[${inString},${'['.repeat(30)}${inString}${']'.repeat(30)}]}`;
      expect(() => decodeFrame(deep, { maxDepth: 20 })).toThrowError(IpcBadFrameError, /deeper/);
      expect(decodeFrame(deep, { maxDepth: 40 }).kind).toBe('send');
    });

    it('should not change any prototype for __proto__ or constructor keys', () => {
      const text =
        '{"v":1,"kind":"send","channel":"__proto__","args":[{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}]}';
      const frame = decodeFrame(text);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.getPrototypeOf(frame)).toBe(Object.prototype);
      expect(frame.kind).toBe('send');
    });
  });
});
