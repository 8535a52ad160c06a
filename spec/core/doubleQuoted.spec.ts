import fc from 'fast-check';
import { doubleQuoted } from '../../src/core/nodeErrors.js';

describe('doubleQuoted', () => {
  it('should quote any string exactly as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(doubleQuoted(text)).toBe(JSON.stringify(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('should escape quotes, backslashes, control characters and lone surrogates', () => {
    for (const text of ['a"b\\c', '\b\t\n\f\r\u0000\u001f', '\ud800', '\udc00x', '😀', "it's"]) {
      expect(doubleQuoted(text)).withContext(JSON.stringify(text)).toBe(JSON.stringify(text));
    }
  });
});
