import { deliver } from '../../src/channel/deliver.js';
import { EventEmitter } from '../../src/core/EventEmitter.js';

describe('deliver', () => {
  const noErrors = (error: unknown): void => fail(`unexpected listener error: ${String(error)}`);

  it('should call every listener in order with the arguments and the emitter as this, and count them', () => {
    const emitter = new EventEmitter();
    const calls: unknown[][] = [];
    emitter.on('m', function (this: unknown, ...args: unknown[]) {
      calls.push(['first', this, ...args]);
    });
    emitter.on('m', function (this: unknown, ...args: unknown[]) {
      calls.push(['second', this, ...args]);
    });
    expect(deliver(emitter, 'm', [1, 'two'], noErrors)).toBe(2);
    expect(calls).toEqual([
      ['first', emitter, 1, 'two'],
      ['second', emitter, 1, 'two'],
    ]);
    expect(deliver(emitter, 'other', [1], noErrors)).toBe(0);
  });

  it('should keep delivering after a throwing listener and hand each error to onError with the name', () => {
    const emitter = new EventEmitter();
    const errors: unknown[][] = [];
    const seen: string[] = [];
    emitter.on('m', () => {
      throw new Error('one');
    });
    emitter.on('m', () => seen.push('after one'));
    emitter.on('m', () => {
      throw 'two';
    });
    emitter.on('m', () => seen.push('after two'));
    expect(deliver(emitter, 'm', [], (error, name) => errors.push([error instanceof Error ? error.message : error, name]))).toBe(4);
    expect(seen).toEqual(['after one', 'after two']);
    expect(errors).toEqual([
      ['one', 'm'],
      ['two', 'm'],
    ]);
    // The list is usable as before: a listener added now is called by the next delivery.
    emitter.on('m', () => seen.push('added'));
    deliver(emitter, 'm', [], () => undefined);
    expect(seen).toEqual(['after one', 'after two', 'after one', 'after two', 'added']);
  });

  it('should not change a delivery when listeners are removed or added during it', () => {
    const emitter = new EventEmitter();
    const seen: string[] = [];
    const b = (): number => seen.push('b');
    const c = (): number => seen.push('c');
    emitter.on('m', () => {
      seen.push('a');
      emitter.removeListener('m', b);
      emitter.on('m', c);
    });
    emitter.on('m', b);
    emitter.on('m', () => seen.push('last'));
    expect(deliver(emitter, 'm', [], noErrors)).toBe(3);
    expect(seen).toEqual(['a', 'b', 'last']);
    seen.length = 0;
    deliver(emitter, 'm', [], noErrors);
    expect(seen).toEqual(['a', 'last', 'c']);
    expect(emitter.listenerCount('m')).toBe(4);
  });

  it('should call a once listener for one delivery only, even when delivered again from inside it', () => {
    const emitter = new EventEmitter();
    const seen: unknown[] = [];
    emitter.once('m', (n: number) => {
      seen.push(`once ${n}`);
      if (n === 1) deliver(emitter, 'm', [2], noErrors);
    });
    emitter.on('m', (n: number) => seen.push(`on ${n}`));
    deliver(emitter, 'm', [1], noErrors);
    expect(seen).toEqual(['once 1', 'on 2', 'on 1']);
    expect(emitter.listenerCount('m')).toBe(1);
  });

  it("should not throw for 'error' without a listener", () => {
    const emitter = new EventEmitter();
    expect(deliver(emitter, 'error', [new Error('x')], noErrors)).toBe(0);
    emitter.removeAllListeners();
    expect(deliver(emitter, 'error', ['x'], noErrors)).toBe(0);
  });
});
