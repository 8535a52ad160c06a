import { EventEmitter, type Listener, type OnceListener } from '../../src/core/EventEmitter.js';
import { abortError, describeReceived, inspect, invalidArgType, outOfRange, unhandledError } from '../../src/core/nodeErrors.js';

// The expectations below were checked against Node 20's own `events` module.

interface LeakWarning extends Error {
  emitter: unknown;
  type: unknown;
  count: number;
}

interface WarningProcess {
  emitWarning?: unknown;
}

function nodeProcess(): WarningProcess | undefined {
  return (globalThis as { process?: WarningProcess }).process;
}

/** Spies on where the emitter reports warnings here: `process.emitWarning` in Node, else `console.warn`. */
function captureWarnings(): () => LeakWarning[] {
  const proc = nodeProcess();
  const spy =
    proc !== undefined && typeof proc.emitWarning === 'function'
      ? spyOn(proc as { emitWarning: (warning: Error) => void }, 'emitWarning')
      : spyOn(console, 'warn');
  return () => spy.calls.allArgs().map((args) => args[0] as LeakWarning);
}

function thrown(action: () => unknown): Error & { code?: string; context?: unknown } {
  try {
    action();
  } catch (error) {
    return error as Error & { code?: string; context?: unknown };
  }
  throw new Error('expected a throw');
}

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const noop = (): void => {};

describe('EventEmitter', () => {
  describe('adding and emitting', () => {
    it('should call listeners in registration order with the emitter as this and the emitted arguments', () => {
      const ee = new EventEmitter();
      const calls: unknown[][] = [];
      ee.on('a', function (this: unknown, ...args: unknown[]) {
        calls.push(['first', this === ee, ...args]);
      });
      ee.addListener('a', function (this: unknown, ...args: unknown[]) {
        calls.push(['second', this === ee, ...args]);
      });
      ee.emit('a', 1, 'two');
      expect(calls).toEqual([
        ['first', true, 1, 'two'],
        ['second', true, 1, 'two'],
      ]);
    });

    it('should pass exactly the emitted number of arguments, to one listener or several', () => {
      const single = new EventEmitter();
      const multi = new EventEmitter();
      const counts: number[] = [];
      single.on('n', function () {
        counts.push(arguments.length);
      });
      multi.on('n', function () {
        counts.push(arguments.length);
      });
      multi.on('n', function () {
        counts.push(arguments.length * 10);
      });
      for (let n = 0; n <= 6; n++) {
        single.emit('n', ...new Array<null>(n).fill(null));
        multi.emit('n', ...new Array<null>(n).fill(null));
      }
      expect(counts).toEqual([0, 0, 0, 1, 1, 10, 2, 2, 20, 3, 3, 30, 4, 4, 40, 5, 5, 50, 6, 6, 60]);
    });

    it('should return whether the event had listeners', () => {
      const ee = new EventEmitter();
      expect(ee.emit('nothing')).toBe(false);
      expect(ee.emit('nothing', 1, 2, 3, 4, 5)).toBe(false);
      ee.on('something', noop);
      expect(ee.emit('something')).toBe(true);
      expect(ee.emit('something', 1, 2, 3, 4, 5)).toBe(true);
    });

    it('should return the emitter from every registering and removing method', () => {
      const ee = new EventEmitter();
      expect(ee.on('a', noop)).toBe(ee);
      expect(ee.addListener('a', noop)).toBe(ee);
      expect(ee.prependListener('a', noop)).toBe(ee);
      expect(ee.once('a', noop)).toBe(ee);
      expect(ee.prependOnceListener('a', noop)).toBe(ee);
      expect(ee.off('a', noop)).toBe(ee);
      expect(ee.removeListener('a', noop)).toBe(ee);
      expect(ee.removeAllListeners('a')).toBe(ee);
      expect(ee.removeAllListeners()).toBe(ee);
      expect(ee.setMaxListeners(3)).toBe(ee);
    });

    it('should let the same function be added several times', () => {
      const ee = new EventEmitter();
      let calls = 0;
      const listener = (): void => {
        calls++;
      };
      ee.on('a', listener).on('a', listener);
      ee.emit('a');
      expect(calls).toBe(2);
      expect(ee.listenerCount('a')).toBe(2);
    });

    it('should put prepended listeners first', () => {
      const ee = new EventEmitter();
      const order: string[] = [];
      ee.on('foo', () => order.push('on'));
      ee.prependListener('foo', () => order.push('prepend'));
      ee.prependOnceListener('foo', () => order.push('prependOnce'));
      ee.emit('foo');
      ee.emit('foo');
      expect(order).toEqual(['prependOnce', 'prepend', 'on', 'prepend', 'on']);
    });

    it('should stop an emit at a throwing listener and propagate the error', () => {
      const ee = new EventEmitter();
      const order: string[] = [];
      const boom = new Error('boom');
      ee.on('x', () => order.push('1'));
      ee.on('x', () => {
        throw boom;
      });
      ee.on('x', () => order.push('3'));
      expect(() => ee.emit('x')).toThrow(boom);
      expect(order).toEqual(['1']);
    });

    it('should keep working normally after a listener threw mid-emit', () => {
      const ee = new EventEmitter();
      const order: string[] = [];
      ee.on('t', () => {
        order.push('a');
        throw new Error('x');
      });
      ee.on('t', () => order.push('b'));
      expect(() => ee.emit('t')).toThrowError('x');
      ee.on('t', () => order.push('c'));
      ee.removeListener('t', ee.rawListeners('t')[0]!);
      ee.emit('t');
      expect(order).toEqual(['a', 'b', 'c']);
      expect(ee.listenerCount('t')).toBe(2);
    });
  });

  describe('once', () => {
    it('should call a once listener a single time, with the arguments and the emitter as this', () => {
      const ee = new EventEmitter();
      const calls: unknown[][] = [];
      ee.once('hello', function (this: unknown, ...args: unknown[]) {
        calls.push([this === ee, ...args]);
      });
      expect(ee.emit('hello', 'a', 'b')).toBe(true);
      expect(ee.emit('hello', 'a', 'b')).toBe(false);
      expect(calls).toEqual([[true, 'a', 'b']]);
    });

    it('should pass any number of arguments to a once listener', () => {
      for (let n = 0; n <= 5; n++) {
        const ee = new EventEmitter();
        const args = Array.from({ length: n }, (_, i) => i);
        let received: unknown[] | undefined;
        ee.once('foo', (...params: unknown[]) => {
          received = params;
        });
        ee.emit('foo', ...args);
        expect(received).toEqual(args);
      }
    });

    it('should remove a once listener before calling it', () => {
      const ee = new EventEmitter();
      let seen = -1;
      ee.once('e', () => {
        seen = ee.listenerCount('e');
      });
      ee.emit('e');
      expect(seen).toBe(0);
    });

    it('should let a once listener emit its own event without being called again', () => {
      const ee = new EventEmitter();
      const order: string[] = [];
      ee.once('e', () => {
        order.push('outer');
        ee.emit('e');
      });
      ee.once('e', () => order.push('inner'));
      ee.emit('e');
      expect(order).toEqual(['outer', 'inner']);
    });

    it('should remove a once listener given the original function', () => {
      const ee = new EventEmitter();
      const never = jasmine.createSpy('never');
      ee.once('foo', never);
      ee.removeListener('foo', never);
      ee.emit('foo');
      expect(never).not.toHaveBeenCalled();
      expect(ee.eventNames()).toEqual([]);
    });

    it('should expose the wrapper in rawListeners and the original in listeners', () => {
      const ee = new EventEmitter();
      function listener(): void {}
      ee.on('foo', listener);
      ee.once('foo', listener);
      const raw = ee.rawListeners('foo');
      expect(raw.length).toBe(2);
      expect(raw[0]).toBe(listener);
      expect(raw[1]).not.toBe(listener);
      expect((raw[1] as OnceListener).listener).toBe(listener);
      expect(raw[1]!.name).toBe('bound onceWrapper');
      expect(ee.listeners('foo')).toEqual([listener, listener]);
      ee.emit('foo');
      expect(raw.length).toBe(2);
      expect(ee.rawListeners('foo')).toEqual([listener]);
    });

    it('should make a raw once wrapper remove itself and call the original once, with the emitter as this', () => {
      const ee = new EventEmitter();
      const calls: unknown[][] = [];
      ee.once('foo', function (this: unknown, ...args: unknown[]) {
        calls.push([this === ee, ...args]);
      });
      const wrapper = ee.rawListeners('foo')[0]!;
      wrapper(7);
      wrapper(8);
      expect(calls).toEqual([[true, 7]]);
      expect(ee.listenerCount('foo')).toBe(0);
    });

    it('should remove a once wrapper through the removeListener of the emitter', () => {
      const removed: unknown[] = [];
      class Tracking extends EventEmitter {
        override removeListener(eventName: string | symbol, listener: Listener): this {
          removed.push(eventName);
          return super.removeListener(eventName, listener);
        }
      }
      const ee = new Tracking();
      ee.once('a', noop);
      ee.emit('a');
      expect(removed).toEqual(['a']);
    });
  });

  describe('removeListener', () => {
    it('should remove the most recently added matching instance', () => {
      const ee = new EventEmitter();
      const f = (): void => {};
      const g = (): void => {};
      ee.on('a', f).once('a', f).on('a', g).on('a', f);
      const names = (): string[] =>
        ee.rawListeners('a').map((l) => (l === f ? 'f' : l === g ? 'g' : (l as OnceListener).listener === f ? 'once(f)' : '?'));
      expect(names()).toEqual(['f', 'once(f)', 'g', 'f']);
      ee.off('a', f);
      expect(names()).toEqual(['f', 'once(f)', 'g']);
      ee.off('a', f);
      expect(names()).toEqual(['f', 'g']);
      ee.off('a', f);
      expect(names()).toEqual(['g']);
      ee.off('a', f);
      expect(names()).toEqual(['g']);
      ee.off('a', g);
      expect(ee.eventNames()).toEqual([]);
    });

    it('should ignore listeners and events that are not registered', () => {
      const ee = new EventEmitter();
      const spy = jasmine.createSpy('removeListener');
      ee.on('hello', noop);
      ee.on('removeListener', spy);
      ee.removeListener('hello', () => {});
      ee.removeListener('other', noop);
      expect(spy).not.toHaveBeenCalled();
      expect(ee.listeners('hello')).toEqual([noop]);
    });

    it('should make off the very same function as removeListener, and on the same as addListener', () => {
      const proto = EventEmitter.prototype;
      expect(proto.off).toBe(proto.removeListener);
      expect(proto.on).toBe(proto.addListener);
    });
  });

  describe('newListener and removeListener events', () => {
    it("should emit 'newListener' before adding, with the original function for once listeners", () => {
      const ee = new EventEmitter();
      const seen: unknown[][] = [];
      const hello = (): void => {};
      ee.on('newListener', function (this: EventEmitter, name: string, listener: Listener) {
        if (name !== 'newListener') seen.push([name, listener === hello, this.listenerCount(name)]);
      });
      ee.on('hello', hello);
      ee.once('hello', hello);
      ee.prependOnceListener('hello', hello);
      ee.prependListener('hello', hello);
      expect(seen).toEqual([
        ['hello', true, 0],
        ['hello', true, 1],
        ['hello', true, 2],
        ['hello', true, 3],
      ]);
    });

    it("should add a listener registered from a 'newListener' listener first", () => {
      const ee = new EventEmitter();
      const listen1 = (): void => {};
      const listen2 = (): void => {};
      ee.once('newListener', () => {
        ee.once('newListener', noop);
        ee.on('hello', listen2);
      });
      ee.on('hello', listen1);
      expect(ee.listeners('hello')).toEqual([listen2, listen1]);
    });

    it("should emit 'removeListener' after removing, with the event and the listener", () => {
      const ee = new EventEmitter();
      function listener1(): void {}
      function listener2(): void {}
      const seen: unknown[][] = [];
      ee.on('hello', listener1);
      ee.on('hello', listener2);
      ee.on('removeListener', (name: string, listener: Listener) => {
        seen.push([name, listener, ee.listeners('hello')]);
      });
      ee.removeListener('hello', listener1);
      ee.removeListener('hello', listener2);
      expect(seen).toEqual([
        ['hello', listener1, [listener2]],
        ['hello', listener2, []],
      ]);
    });

    it("should give 'removeListener' the original of a fired once listener that was alone", () => {
      const ee = new EventEmitter();
      function listener1(): void {}
      const seen: unknown[] = [];
      ee.once('hello', listener1);
      ee.on('removeListener', (_name: string, listener: Listener) => seen.push(listener));
      ee.emit('hello');
      expect(seen).toEqual([listener1]);
    });

    it("should give 'removeListener' the wrapper of a once listener removed from several, as Node does", () => {
      const ee = new EventEmitter();
      function listener1(): void {}
      const seen: Listener[] = [];
      ee.once('hello', listener1);
      ee.on('hello', noop);
      ee.on('removeListener', (_name: string, listener: Listener) => seen.push(listener));
      ee.emit('hello');
      expect(seen.length).toBe(1);
      expect(seen[0]).not.toBe(listener1);
      expect((seen[0] as OnceListener).listener).toBe(listener1);
    });

    it("should let a 'removeListener' listener remove and emit without disturbing the removal", () => {
      const ee = new EventEmitter();
      const remove1 = jasmine.createSpy('remove1');
      const remove2 = jasmine.createSpy('remove2');
      const seen: Listener[] = [];
      ee.on('removeListener', function (this: EventEmitter, _name: string, listener: Listener) {
        seen.push(listener);
        if (listener !== remove1) return;
        this.removeListener('quux', remove2);
        this.emit('quux');
      });
      ee.on('quux', remove1);
      ee.on('quux', remove2);
      ee.removeListener('quux', remove1);
      expect(seen).toEqual([remove1, remove2]);
      expect(remove1).not.toHaveBeenCalled();
      expect(remove2).not.toHaveBeenCalled();
    });
  });

  describe('removeAllListeners', () => {
    it("should remove one event's listeners, emitting 'removeListener' for each, last added first", () => {
      const ee = new EventEmitter();
      const a = (): void => {};
      const b = (): void => {};
      ee.on('foo', noop);
      ee.on('baz', a);
      ee.on('baz', b);
      const bazBefore = ee.listeners('baz');
      const seen: unknown[][] = [];
      ee.on('removeListener', (name: string, listener: Listener) => seen.push([name, listener, ee.listenerCount('baz')]));
      ee.removeAllListeners('baz');
      expect(seen).toEqual([
        ['baz', b, 1],
        ['baz', a, 0],
      ]);
      expect(ee.listeners('foo')).toEqual([noop]);
      expect(ee.listeners('baz')).toEqual([]);
      expect(bazBefore).toEqual([a, b]);
    });

    it("should remove every event, 'removeListener' listeners last", () => {
      const ee = new EventEmitter();
      const sym = Symbol('s');
      ee.on('foo', noop);
      ee.on(sym, noop);
      ee.on('bar', noop);
      const first: string[] = [];
      const second: string[] = [];
      ee.on('removeListener', (name: string | symbol) => first.push(String(name)));
      ee.on('removeListener', (name: string | symbol) => second.push(String(name)));
      ee.removeAllListeners();
      expect(first).toEqual(['foo', 'bar', 'Symbol(s)', 'removeListener']);
      expect(second).toEqual(['foo', 'bar', 'Symbol(s)']);
      expect(ee.eventNames()).toEqual([]);
    });

    it('should give once wrappers or originals to removeListener listeners as Node does', () => {
      const ee = new EventEmitter();
      function l1(): void {}
      function l2(): void {}
      ee.once('foo', l1);
      ee.once('foo', l2);
      const seen: Listener[] = [];
      ee.on('removeListener', (_name: string, listener: Listener) => seen.push(listener));
      ee.removeAllListeners('foo');
      expect((seen[0] as OnceListener).listener).toBe(l2);
      expect(seen[1]).toBe(l1);
    });

    it('should work without removeListener listeners, for one event or all', () => {
      const ee = new EventEmitter();
      ee.on('a', noop).on('a', noop).on('b', noop);
      ee.removeAllListeners('a');
      expect(ee.eventNames()).toEqual(['b']);
      ee.removeAllListeners('missing');
      expect(ee.eventNames()).toEqual(['b']);
      ee.removeAllListeners();
      expect(ee.eventNames()).toEqual([]);
    });

    it("should not throw when a 'removeListener' listener exists but the event has none", () => {
      const ee = new EventEmitter();
      ee.on('removeListener', noop);
      expect(() => ee.removeAllListeners('foo')).not.toThrow();
      expect(ee.listenerCount('removeListener')).toBe(1);
    });

    it("should treat an explicit undefined as the event named 'undefined'", () => {
      const ee = new EventEmitter();
      ee.on('x', noop);
      ee.removeAllListeners(undefined);
      expect(ee.eventNames()).toEqual(['x']);
      ee.on(undefined as unknown as string, noop);
      expect(ee.eventNames()).toEqual(['x', 'undefined']);
      ee.removeAllListeners(undefined);
      expect(ee.eventNames()).toEqual(['x']);
    });

    it('should not stop the current emit when its listeners are all removed', () => {
      const ee = new EventEmitter();
      const order: string[] = [];
      ee.on('k', () => {
        order.push('1');
        ee.removeAllListeners('k');
      });
      ee.on('k', () => order.push('2'));
      ee.emit('k');
      ee.emit('k');
      expect(order).toEqual(['1', '2']);
    });
  });

  describe('changes during an emit', () => {
    it('should not let additions or removals change the emit in progress', () => {
      const ee = new EventEmitter();
      const called: string[] = [];
      function callback1(): void {
        called.push('callback1');
        ee.on('foo', callback2);
        ee.on('foo', callback3);
        ee.removeListener('foo', callback1);
      }
      function callback2(): void {
        called.push('callback2');
        ee.removeListener('foo', callback2);
      }
      function callback3(): void {
        called.push('callback3');
        ee.removeListener('foo', callback3);
      }
      ee.on('foo', callback1);
      ee.emit('foo');
      expect(called).toEqual(['callback1']);
      expect(ee.listenerCount('foo')).toBe(2);
      ee.emit('foo');
      expect(called).toEqual(['callback1', 'callback2', 'callback3']);
      expect(ee.listenerCount('foo')).toBe(0);
    });

    it('should still call a listener removed by an earlier listener of the same emit', () => {
      const ee = new EventEmitter();
      let calls3 = 0;
      let calls4 = 0;
      const listener4 = (): void => {
        calls4++;
      };
      ee.on('hello', () => {
        calls3++;
        ee.removeListener('hello', listener4);
      });
      ee.on('hello', listener4);
      ee.on('hello', noop);
      ee.emit('hello');
      ee.emit('hello');
      expect([calls3, calls4]).toEqual([2, 1]);
    });

    it('should give nested emits of the same event their own view of the listeners', () => {
      const ee = new EventEmitter();
      const order: string[] = [];
      let depth = 0;
      const r2 = (): void => {
        order.push(`r2@${depth}`);
      };
      ee.on('z', () => {
        order.push(`r1@${depth}`);
        if (depth++ === 0) {
          ee.emit('z');
          ee.off('z', r2);
          ee.prependListener('z', () => order.push(`r0@${depth}`));
        }
      });
      ee.on('z', r2);
      ee.on('z', () => order.push(`r3@${depth}`));
      ee.emit('z');
      ee.emit('z');
      expect(order).toEqual(['r1@0', 'r1@1', 'r2@2', 'r3@2', 'r2@2', 'r3@2', 'r0@2', 'r1@2', 'r3@3']);
    });

    it('should emit other events from listeners', () => {
      const ee = new EventEmitter();
      const order: string[] = [];
      ee.on('x', () => {
        order.push('x');
        ee.emit('y', 1);
      });
      ee.on('y', (n: number) => order.push(`y${n}`));
      ee.emit('x');
      expect(order).toEqual(['x', 'y1']);
    });
  });

  describe('listeners, rawListeners, listenerCount and eventNames', () => {
    it('should return copies from listeners and rawListeners', () => {
      const ee = new EventEmitter();
      function listener(): void {}
      function listener2(): void {}
      ee.on('foo', listener);
      const copy = ee.listeners('foo');
      copy.push(listener2);
      expect(ee.listeners('foo')).toEqual([listener]);
      ee.on('foo', listener2);
      expect(copy).toEqual([listener, listener2]);
      expect(ee.rawListeners('foo')).not.toBe(ee.rawListeners('foo'));
      expect(ee.listeners('none')).toEqual([]);
      expect(ee.rawListeners('none')).toEqual([]);
    });

    it('should count listeners, or the registrations of one function including once wrappers', () => {
      const ee = new EventEmitter();
      const handler = (): void => {};
      const handler2 = (): void => {};
      ee.on('event', handler);
      ee.on('event', handler);
      ee.on('event', handler2);
      ee.once('event', handler);
      expect(ee.listenerCount('event')).toBe(4);
      expect(ee.listenerCount('event', handler)).toBe(3);
      expect(ee.listenerCount('event', handler2)).toBe(1);
      expect(ee.listenerCount('event', noop)).toBe(0);
      expect(ee.listenerCount('none')).toBe(0);
      expect(ee.listenerCount('none', handler)).toBe(0);
      const single = new EventEmitter().once('a', handler);
      expect(single.listenerCount('a', handler)).toBe(1);
      expect(single.listenerCount('a', handler2)).toBe(0);
      expect(single.listenerCount('a')).toBe(1);
    });

    it('should count through the static listenerCount', () => {
      const ee = new EventEmitter();
      ee.on('foo', noop).on('foo', noop).on('baz', noop);
      expect(EventEmitter.listenerCount(ee, 'foo')).toBe(2);
      expect(EventEmitter.listenerCount(ee, 'bar')).toBe(0);
    });

    it('should list event names, integer-like first, then strings and symbols in insertion order', () => {
      const ee = new EventEmitter();
      const s1 = Symbol('s1');
      const s2 = Symbol('s2');
      ee.on('b', noop);
      ee.on(s1, noop);
      ee.on('10', noop);
      ee.on('a', noop);
      ee.on(2 as unknown as string, noop);
      ee.on(s2, noop);
      expect(ee.eventNames()).toEqual(['2', '10', 'b', 'a', s1, s2]);
      ee.off('b', noop);
      ee.off(s1, noop);
      expect(ee.eventNames()).toEqual(['2', '10', 'a', s2]);
    });

    it('should treat a number event name as its string', () => {
      const ee = new EventEmitter();
      const got = jasmine.createSpy('got');
      ee.on(123 as unknown as string, got);
      expect(ee.listenerCount('123')).toBe(1);
      ee.emit('123', 'x');
      expect(got).toHaveBeenCalledOnceWith('x');
    });

    it('should work with symbol event names', () => {
      const ee = new EventEmitter();
      const foo = Symbol('foo');
      const listener = jasmine.createSpy('listener');
      ee.on(foo, listener);
      expect(ee.listeners(foo)).toEqual([listener]);
      ee.emit(foo, 1);
      expect(listener).toHaveBeenCalledOnceWith(1);
      ee.removeAllListeners();
      expect(ee.listeners(foo)).toEqual([]);
      ee.on(foo, listener);
      ee.removeListener(foo, listener);
      expect(ee.listeners(foo)).toEqual([]);
    });

    it('should treat names like __proto__, constructor, hasOwnProperty and toString as ordinary events', () => {
      const ee = new EventEmitter();
      const names = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];
      for (const name of names) {
        expect(ee.listenerCount(name)).toBe(0);
        expect(ee.listeners(name)).toEqual([]);
        expect(ee.emit(name)).toBe(false);
      }
      const got: unknown[] = [];
      for (const name of names) ee.on(name, (value: unknown) => got.push([name, value]));
      expect(ee.eventNames()).toEqual(names);
      for (const name of names) ee.emit(name, 1);
      expect(got).toEqual(names.map((name) => [name, 1]));
      for (const name of names) ee.removeAllListeners(name);
      expect(ee.eventNames()).toEqual([]);
    });
  });

  describe("'error' events", () => {
    it("should throw an Error emitted as 'error' without listeners", () => {
      const ee = new EventEmitter();
      const error = new Error('boom');
      expect(thrown(() => ee.emit('error', error))).toBe(error);
    });

    it('should wrap other values in ERR_UNHANDLED_ERROR with the value as context', () => {
      const cases: Array<[unknown, string]> = [
        ['Accepts a string', "Unhandled error. ('Accepts a string')"],
        [{ message: 'Error!' }, "Unhandled error. ({ message: 'Error!' })"],
        [1, 'Unhandled error. (1)'],
        [null, 'Unhandled error. (null)'],
        [[1, 2], 'Unhandled error. ([ 1, 2 ])'],
        [Symbol('q'), 'Unhandled error. (Symbol(q))'],
      ];
      for (const [value, message] of cases) {
        const error = thrown(() => new EventEmitter().emit('error', value));
        expect(error instanceof Error).toBe(true);
        expect(error.name).toBe('Error');
        expect(error.code).toBe('ERR_UNHANDLED_ERROR');
        expect(error.message).toBe(message);
        expect(error.context).toBe(value);
        expect(Object.keys(error)).toEqual(['code', 'context']);
      }
    });

    it("should report 'Unhandled error. (undefined)' for an 'error' emitted without a value", () => {
      const error = thrown(() => new EventEmitter().emit('error'));
      expect(error.message).toBe('Unhandled error. (undefined)');
      expect(String(error)).toBe('Error [ERR_UNHANDLED_ERROR]: Unhandled error. (undefined)');
    });

    it('should fall back to String(value) when its custom inspect throws', () => {
      const value = {
        message: 'Error!',
        [customInspect]() {
          throw new Error('no');
        },
      };
      expect(thrown(() => new EventEmitter().emit('error', value)).message).toBe('Unhandled error. ([object Object])');
    });

    it("should call 'error' listeners instead of throwing", () => {
      const ee = new EventEmitter();
      const listener = jasmine.createSpy('error');
      ee.on('error', listener);
      expect(ee.emit('error', 'not thrown', 2)).toBe(true);
      expect(listener).toHaveBeenCalledOnceWith('not thrown', 2);
    });

    it("should call errorMonitor listeners before 'error' listeners, without handling the error", () => {
      const ee = new EventEmitter();
      const theErr = new Error('MyError');
      const order: string[] = [];
      ee.on(EventEmitter.errorMonitor, (error: unknown) => order.push(`monitor:${error === theErr}`));
      expect(thrown(() => ee.emit('error', theErr))).toBe(theErr);
      ee.once('error', (error: unknown) => order.push(`error:${error === theErr}`));
      expect(ee.emit('error', theErr)).toBe(true);
      ee.on('other', () => order.push('other'));
      ee.emit('other');
      expect(order).toEqual(['monitor:true', 'monitor:true', 'error:true', 'other']);
      expect(typeof EventEmitter.errorMonitor).toBe('symbol');
    });

    it("should throw for 'error' on receivers that were never initialised", () => {
      const ctx = Object.create(null) as EventEmitter;
      const error = new Error('foo');
      expect(thrown(() => EventEmitter.prototype.emit.call(ctx, 'error', error))).toBe(error);
      expect(EventEmitter.prototype.emit.call({} as EventEmitter, 'foo')).toBe(false);
    });
  });

  describe('max listeners', () => {
    let savedDefault: number;

    beforeEach(() => {
      savedDefault = EventEmitter.defaultMaxListeners;
    });

    afterEach(() => {
      EventEmitter.defaultMaxListeners = savedDefault;
    });

    it('should default to 10, settable per emitter and globally', () => {
      expect(EventEmitter.defaultMaxListeners).toBe(10);
      const ee = new EventEmitter();
      expect(ee.getMaxListeners()).toBe(10);
      ee.setMaxListeners(0);
      expect(ee.getMaxListeners()).toBe(0);
      ee.setMaxListeners(3);
      expect(ee.getMaxListeners()).toBe(3);
      EventEmitter.defaultMaxListeners = 42;
      expect(new EventEmitter().getMaxListeners()).toBe(42);
      expect(ee.getMaxListeners()).toBe(3);
    });

    it('should warn once per listener list when the limit is exceeded, like Node', () => {
      const warnings = captureWarnings();
      const ee = new EventEmitter();
      ee.setMaxListeners(1);
      ee.on('event-type', noop);
      ee.on('event-type', noop);
      ee.on('event-type', noop);
      const list = warnings();
      expect(list.length).toBe(1);
      const warning = list[0]!;
      expect(warning instanceof Error).toBe(true);
      expect(warning.name).toBe('MaxListenersExceededWarning');
      expect(warning.emitter).toBe(ee);
      expect(warning.type).toBe('event-type');
      expect(warning.count).toBe(2);
      expect(warning.message).toBe(
        'Possible EventEmitter memory leak detected. 2 event-type listeners added to [EventEmitter]. ' +
          'MaxListeners is 1. Use emitter.setMaxListeners() to increase limit',
      );
      expect(Object.keys(warning)).toEqual(['name', 'emitter', 'type', 'count']);
    });

    it('should use the default limit, the subclass name, and String() of symbol and null names', () => {
      const warnings = captureWarnings();
      class FakeInput extends EventEmitter {}
      const ee = new FakeInput();
      for (let i = 0; i < 11; i++) ee.on('data', noop);
      const sym = Symbol('symbol');
      ee.setMaxListeners(1);
      ee.on(sym, noop).on(sym, noop);
      ee.on(null as unknown as string, noop).on(null as unknown as string, noop);
      expect(warnings().map((w) => w.message.split('. MaxListeners')[0])).toEqual([
        'Possible EventEmitter memory leak detected. 11 data listeners added to [FakeInput]',
        'Possible EventEmitter memory leak detected. 2 Symbol(symbol) listeners added to [FakeInput]',
        'Possible EventEmitter memory leak detected. 2 null listeners added to [FakeInput]',
      ]);
      expect(warnings()[1]!.type).toBe(sym);
      expect(warnings()[2]!.type).toBeNull();
    });

    it('should warn for prepended and once listeners too', () => {
      const warnings = captureWarnings();
      const ee = new EventEmitter().setMaxListeners(1);
      ee.prependListener('a', noop).prependListener('a', noop);
      ee.once('b', noop).prependOnceListener('b', noop);
      expect(warnings().map((w) => w.type)).toEqual(['a', 'b']);
    });

    it('should not warn with a limit of 0 or Infinity', () => {
      const warnings = captureWarnings();
      const ee = new EventEmitter().setMaxListeners(0);
      for (let i = 0; i < 50; i++) ee.on('unlimited', noop);
      ee.setMaxListeners(Infinity);
      for (let i = 0; i < 50; i++) ee.on('infinite', noop);
      expect(warnings()).toEqual([]);
    });

    it('should warn again once the listeners dropped to one and grew again, as Node does', () => {
      const warnings = captureWarnings();
      const ee = new EventEmitter().setMaxListeners(2);
      ee.on('a', noop).on('a', noop).on('a', noop).on('a', noop);
      ee.off('a', noop).off('a', noop).off('a', noop);
      ee.on('a', noop).on('a', noop);
      ee.removeAllListeners('a');
      ee.on('a', noop).on('a', noop).on('a', noop);
      expect(warnings().map((w) => w.count)).toEqual([3, 3, 3]);
    });

    it('should keep a list warned when it is copied because an emit is in progress', () => {
      const warnings = captureWarnings();
      const ee = new EventEmitter().setMaxListeners(2);
      ee.on('w', () => {
        ee.on('w', noop);
      });
      ee.on('w', noop).on('w', noop);
      ee.emit('w');
      ee.emit('w');
      expect(warnings().length).toBe(1);
      expect(ee.listenerCount('w')).toBe(5);
    });

    it('should fall back to console.warn without process.emitWarning', () => {
      const proc = nodeProcess();
      const saved = proc?.emitWarning;
      if (proc !== undefined) proc.emitWarning = undefined;
      const warn = spyOn(console, 'warn');
      try {
        new EventEmitter().setMaxListeners(1).on('a', noop).on('a', noop);
      } finally {
        if (proc !== undefined) proc.emitWarning = saved;
      }
      expect(warn).toHaveBeenCalledTimes(1);
      const warning = warn.calls.argsFor(0)[0] as LeakWarning;
      expect(warning.name).toBe('MaxListenersExceededWarning');
      expect(warning.count).toBe(2);
    });

    it('should validate limits as Node 20 does: TypeError for non-numbers, RangeError below 0 or NaN', () => {
      const ee = new EventEmitter();
      // Expected texts are what Node 20.20's own events module throws for the same calls.
      const cases: Array<[unknown, 'TypeError' | 'RangeError', string]> = [
        ['max', 'TypeError', "type string ('max')"],
        [null, 'TypeError', 'null'],
        [undefined, 'TypeError', 'undefined'],
        [-1, 'RangeError', '-1'],
        [NaN, 'RangeError', 'NaN'],
        [-(2 ** 40), 'RangeError', '-1_099_511_627_776'],
      ];
      const text = (name: string, kind: string, shown: string): string =>
        kind === 'TypeError'
          ? `The "${name}" argument must be of type number. Received ${shown}`
          : `The value of "${name}" is out of range. It must be >= 0. Received ${shown}`;
      for (const [value, kind, shown] of cases) {
        const code = kind === 'TypeError' ? 'ERR_INVALID_ARG_TYPE' : 'ERR_OUT_OF_RANGE';
        const error = thrown(() => ee.setMaxListeners(value as number));
        expect(error.name).toBe(kind);
        expect(error.code).toBe(code);
        expect(error.message).toBe(text('setMaxListeners', kind, shown));
        const globalError = thrown(() => {
          EventEmitter.defaultMaxListeners = value as number;
        });
        expect(globalError.name).toBe(kind);
        expect(globalError.code).toBe(code);
        expect(globalError.message).toBe(text('defaultMaxListeners', kind, shown));
        // The static form defaults an undefined limit to the current default, as Node does.
        if (value !== undefined) {
          const staticError = thrown(() => EventEmitter.setMaxListeners(value as number));
          expect(staticError.code).toBe(code);
          expect(staticError.message).toBe(text('setMaxListeners', kind, shown));
        }
      }
      expect(ee.getMaxListeners()).toBe(10);
      expect(EventEmitter.defaultMaxListeners).toBe(10);
    });

    it('should set limits through the static setMaxListeners', () => {
      const a = new EventEmitter();
      const b = new EventEmitter();
      EventEmitter.setMaxListeners(3, a, b, new EventTarget());
      expect([a.getMaxListeners(), b.getMaxListeners(), EventEmitter.defaultMaxListeners]).toEqual([3, 3, 10]);
      EventEmitter.setMaxListeners(4);
      expect(EventEmitter.defaultMaxListeners).toBe(4);
      EventEmitter.setMaxListeners();
      expect(EventEmitter.defaultMaxListeners).toBe(4);
      const error = thrown(() => EventEmitter.setMaxListeners(1, 'INVALID_EMITTER' as unknown as EventEmitter));
      expect(error.code).toBe('ERR_INVALID_ARG_TYPE');
      expect(error.message).toBe(
        'The "eventTargets" argument must be an instance of EventEmitter or EventTarget. ' + "Received type string ('INVALID_EMITTER')",
      );
    });

    it("should not corrupt a 'maxListeners' event when setting the limit", () => {
      const ee = new EventEmitter();
      const listener = jasmine.createSpy('maxListeners');
      ee.on('maxListeners', listener);
      ee.setMaxListeners(42);
      ee.emit('maxListeners');
      expect(listener).toHaveBeenCalledTimes(1);
    });
  });

  describe('argument validation', () => {
    const methods = ['on', 'addListener', 'prependListener', 'once', 'prependOnceListener', 'off', 'removeListener'] as const;

    it('should reject non-function listeners with ERR_INVALID_ARG_TYPE and Node\'s "Received" text', () => {
      const cases: Array<[unknown, string]> = [
        [undefined, 'undefined'],
        [null, 'null'],
        [1, 'type number (1)'],
        ['x', "type string ('x')"],
        ['a'.repeat(40), "type string ('aaaaaaaaaaaaaaaaaaaaaaaaa...')"],
        ["it's", 'type string ("it\'s")'],
        [{}, 'an instance of Object'],
        [[], 'an instance of Array'],
        [true, 'type boolean (true)'],
        [Symbol('s'), 'type symbol (Symbol(s))'],
        [10n, 'type bigint (10n)'],
        [NaN, 'type number (NaN)'],
        [Object.create(null), '[Object: null prototype] {}'],
      ];
      for (const method of methods) {
        for (const [value, received] of cases) {
          const error = thrown(() => new EventEmitter()[method]('foo', value as Listener));
          expect(error instanceof TypeError).toBe(true);
          expect(error.code).toBe('ERR_INVALID_ARG_TYPE');
          expect(error.message).toBe(`The "listener" argument must be of type function. Received ${received}`);
        }
      }
    });

    it('should format the codes into toString() and the first stack line', () => {
      const error = thrown(() => new EventEmitter().on('foo', null as unknown as Listener));
      const expected = 'TypeError [ERR_INVALID_ARG_TYPE]: The "listener" argument must be of type function. Received null';
      expect(String(error)).toBe(expected);
      expect(error.name).toBe('TypeError');
      if (typeof error.stack === 'string' && /\n\s+at /.test(error.stack)) {
        expect(error.stack.split('\n')[0]).toBe(expected);
      }
    });
  });

  describe('static once', () => {
    it('should resolve with the arguments of the next event and stop listening', async () => {
      const ee = new EventEmitter();
      const next = EventEmitter.once(ee, 'a');
      expect([ee.listenerCount('a'), ee.listenerCount('error')]).toEqual([1, 1]);
      ee.emit('a', 1, 2);
      expect(await next).toEqual([1, 2]);
      expect([ee.listenerCount('a'), ee.listenerCount('error')]).toEqual([0, 0]);
    });

    it("should reject on an 'error' event first", async () => {
      const ee = new EventEmitter();
      const next = EventEmitter.once(ee, 'a');
      const error = new Error('x');
      ee.emit('error', error);
      await expectAsync(next).toBeRejectedWith(error);
      expect([ee.listenerCount('a'), ee.listenerCount('error')]).toEqual([0, 0]);
    });

    it("should resolve when waiting for 'error' itself", async () => {
      const ee = new EventEmitter();
      const next = EventEmitter.once(ee, 'error');
      expect(ee.listenerCount('error')).toBe(1);
      ee.emit('error', 7);
      expect(await next).toEqual([7]);
    });

    it('should reject with an AbortError when the signal aborts', async () => {
      const ee = new EventEmitter();
      const controller = new AbortController();
      const next = EventEmitter.once(ee, 'a', { signal: controller.signal });
      controller.abort('why');
      const error = (await next.then(
        () => undefined,
        (reason: unknown) => reason,
      )) as Error & { code?: string };
      expect([error.name, error.code, error.message, error.cause]).toEqual(['AbortError', 'ABORT_ERR', 'The operation was aborted', 'why']);
      expect([ee.listenerCount('a'), ee.listenerCount('error')]).toEqual([0, 0]);
    });

    it('should reject at once for an aborted signal and an invalid signal', async () => {
      const ee = new EventEmitter();
      const controller = new AbortController();
      controller.abort();
      await expectAsync(EventEmitter.once(ee, 'a', { signal: controller.signal })).toBeRejectedWith(
        jasmine.objectContaining({ name: 'AbortError', code: 'ABORT_ERR' }),
      );
      await expectAsync(EventEmitter.once(ee, 'a', { signal: 1 as unknown as AbortSignal })).toBeRejectedWith(
        jasmine.objectContaining({
          code: 'ERR_INVALID_ARG_TYPE',
          message: 'The "options.signal" property must be an instance of AbortSignal. Received type number (1)',
        }),
      );
      expect(ee.eventNames()).toEqual([]);
    });

    it('should wait on EventTargets and refuse other objects', async () => {
      const target = new EventTarget();
      const next = EventEmitter.once(target, 'ping');
      const event = new Event('ping');
      target.dispatchEvent(event);
      const args = await next;
      expect(args.length).toBe(1);
      expect(args[0]).toBe(event);
      await expectAsync(EventEmitter.once({} as EventEmitter, 'x')).toBeRejectedWith(
        jasmine.objectContaining({
          code: 'ERR_INVALID_ARG_TYPE',
          message: 'The "emitter" argument must be an instance of EventEmitter. Received an instance of Object',
        }),
      );
    });
  });

  describe('subclasses and other receivers', () => {
    it('should support subclasses overriding emit', () => {
      const seen: unknown[] = [];
      class Logged extends EventEmitter {
        override emit(eventName: string | symbol, ...args: unknown[]): boolean {
          seen.push([eventName, args.length]);
          return super.emit(eventName, ...args);
        }
      }
      const ee = new Logged();
      const listener = jasmine.createSpy('listener');
      ee.on('newListener', noop);
      ee.on('a', listener);
      ee.emit('a', 1, 2);
      expect(ee instanceof EventEmitter).toBe(true);
      expect(listener).toHaveBeenCalledOnceWith(1, 2);
      expect(seen).toEqual([
        ['newListener', 2],
        ['a', 2],
      ]);
    });

    it('should work on objects using its prototype without running the constructor', () => {
      function OldStyle(this: EventEmitter, cb: Listener): void {
        this.once('1', cb);
        this.emit('1');
        this.removeAllListeners();
      }
      Object.setPrototypeOf(OldStyle.prototype, EventEmitter.prototype);
      const cb = jasmine.createSpy('cb');
      const instance = new (OldStyle as unknown as new (cb: Listener) => EventEmitter)(cb);
      expect(cb).toHaveBeenCalledTimes(1);
      expect(instance.eventNames()).toEqual([]);

      const recv = {} as EventEmitter;
      EventEmitter.prototype.on.call(recv, 'event', noop);
      EventEmitter.prototype.on.call(recv, 'event', noop);
      expect(EventEmitter.prototype.listenerCount.call(recv, 'event')).toBe(2);
      expect(EventEmitter.prototype.listeners.call({} as EventEmitter, 'x')).toEqual([]);
      expect(EventEmitter.prototype.removeAllListeners.call({} as EventEmitter)).toEqual({} as EventEmitter);
    });

    it('should name every prototype method after its key', () => {
      const proto = EventEmitter.prototype as unknown as Record<string, unknown>;
      expect(EventEmitter.prototype.constructor.name).toBe('EventEmitter');
      const methods = Object.getOwnPropertyNames(proto).filter(
        (name) => typeof proto[name] === 'function' && !['constructor', 'on', 'off'].includes(name),
      );
      expect(methods.length).toBeGreaterThan(10);
      for (const name of methods) expect((proto[name] as Listener).name).toBe(name);
    });

    it('should keep emitters independent', () => {
      const a = new EventEmitter();
      const b = new EventEmitter();
      a.on('x', noop);
      expect(b.listenerCount('x')).toBe(0);
      expect(b.eventNames()).toEqual([]);
    });
  });

  describe('Node-style error helpers', () => {
    it('should build ERR_INVALID_ARG_TYPE messages for every kind of expectation', () => {
      expect(invalidArgType('channel', 'string', 1).message).toBe(
        'The "channel" argument must be of type string. Received type number (1)',
      );
      expect(invalidArgType('options.name', ['string', 'symbol'], undefined).message).toBe(
        'The "options.name" property must be one of type string or symbol. Received undefined',
      );
      expect(invalidArgType('first argument', ['string', 'number', 'boolean'], null).message).toBe(
        'The first argument must be one of type string, number, or boolean. Received null',
      );
      expect(invalidArgType('x', ['object', 'Buffer'], 1).message).toBe(
        'The "x" argument must be an instance of Buffer or Object. Received type number (1)',
      );
      expect(invalidArgType('x', ['function', 'A', 'B', 'C'], 1).message).toBe(
        'The "x" argument must be of type function or an instance of A, B, or C. Received type number (1)',
      );
      expect(invalidArgType('x', 'a valid thing', 1).message).toBe('The "x" argument must be a valid thing. Received type number (1)');
      expect(invalidArgType('x', 'Function or null', 1).message).toBe(
        'The "x" argument must be an Function or null. Received type number (1)',
      );
      expect(invalidArgType('x', ['null', 'undefined', 'a thing'], 1).message).toBe(
        'The "x" argument must be one of null, undefined, or a thing. Received type number (1)',
      );
      const error = invalidArgType('x', 'string', 1);
      expect([error.name, error.code, Object.keys(error)]).toEqual(['TypeError', 'ERR_INVALID_ARG_TYPE', ['code']]);
    });

    it('should describe received values like Node 20', () => {
      class Foo {}
      expect(describeReceived(new Foo())).toBe('an instance of Foo');
      expect(describeReceived(function named() {})).toBe('function named');
      expect(describeReceived(-0)).toBe('type number (-0)');
      expect(describeReceived(Infinity)).toBe('type number (Infinity)');
      expect(describeReceived('b'.repeat(28))).toBe(`type string ('${'b'.repeat(28)}')`);
      expect(describeReceived("it's".repeat(10))).toBe("type string (\"it'sit'sit'sit'sit'sit'si...\")");
    });

    it('should build ERR_OUT_OF_RANGE, with separators for big integers', () => {
      const error = outOfRange('n', 'a non-negative number', -1);
      expect([error.name, error.code, error.message]).toEqual([
        'RangeError',
        'ERR_OUT_OF_RANGE',
        'The value of "n" is out of range. It must be a non-negative number. Received -1',
      ]);
      expect(outOfRange('n', '>= 0', 2 ** 33).message).toBe('The value of "n" is out of range. It must be >= 0. Received 8_589_934_592');
      expect(outOfRange('n', '>= 0', -(2n ** 40n)).message).toBe(
        'The value of "n" is out of range. It must be >= 0. Received -1_099_511_627_776n',
      );
      expect(outOfRange('n', '>= 0', 5n).message).toBe('The value of "n" is out of range. It must be >= 0. Received 5n');
      expect(outOfRange('n', '>= 0', { a: 1 }).message).toBe('The value of "n" is out of range. It must be >= 0. Received { a: 1 }');
    });

    it('should build ERR_UNHANDLED_ERROR and AbortError', () => {
      const context = { a: 1 };
      const unhandled = unhandledError(context);
      expect([unhandled.code, unhandled.message, unhandled.context]).toEqual([
        'ERR_UNHANDLED_ERROR',
        'Unhandled error. ({ a: 1 })',
        context,
      ]);
      const aborted = abortError('why');
      expect([aborted.name, aborted.code, aborted.message, aborted.cause]).toEqual([
        'AbortError',
        'ABORT_ERR',
        'The operation was aborted',
        'why',
      ]);
      expect('cause' in abortError()).toBe(false);
    });

    it('should inspect primitives and strings like util.inspect', () => {
      expect(inspect('x')).toBe("'x'");
      expect(inspect("it's")).toBe('"it\'s"');
      expect(inspect('both \' and "')).toBe('`both \' and "`');
      expect(inspect('tab\tnl\nesc\x1b\x7f')).toBe("'tab\\tnl\\nesc\\x1B\\x7F'");
      expect(inspect('\ud83d')).toBe("'\\ud83d'");
      expect(inspect(-0)).toBe('-0');
      expect(inspect(1n)).toBe('1n');
      expect(inspect(Symbol('d'))).toBe('Symbol(d)');
      expect(inspect(undefined)).toBe('undefined');
      expect(inspect(null)).toBe('null');
      expect(inspect('long line\n'.repeat(10))).toBe(Array.from({ length: 10 }, () => "'long line\\n'").join(' +\n  '));
    });

    it('should inspect objects, arrays and functions like util.inspect', () => {
      class Foo {
        a = 1;
      }
      class Bar {}
      const circular: Record<string, unknown> = { a: 1 };
      circular.self = circular;
      expect(inspect({ a: 1, b: ['x'] })).toBe("{ a: 1, b: [ 'x' ] }");
      expect(inspect({ a: { b: { c: { d: 1 } } } })).toBe('{ a: { b: { c: [Object] } } }');
      expect(inspect({ a: 'x'.repeat(70), b: 1 })).toBe(`{\n  a: '${'x'.repeat(70)}',\n  b: 1\n}`);
      expect(inspect([1.5, 2, 300, 4, 5, 6, 7, 8, 9, 10n])).toBe('[\n  1.5, 2, 300, 4,   5,\n    6, 7,   8, 9, 10n\n]');
      // eslint-disable-next-line no-sparse-arrays -- how Node prints a hole is what this checks.
      expect(inspect([1, , 3])).toBe('[ 1, <1 empty item>, 3 ]');
      expect(inspect({ 'a-b': 1, a_b: 2, [Symbol('s')]: 3 })).toBe("{ 'a-b': 1, a_b: 2, [Symbol(s)]: 3 }");
      expect(inspect(new Foo())).toBe('Foo { a: 1 }');
      expect(inspect(new Bar())).toBe('Bar {}');
      expect(inspect(Object.create(null))).toBe('[Object: null prototype] {}');
      expect(inspect(circular)).toBe('<ref *1> { a: 1, self: [Circular *1] }');
      expect(inspect(function f() {})).toBe('[Function: f]');
      expect(inspect(() => {})).toBe('[Function (anonymous)]');
      expect(inspect(class A {})).toBe('[class A]');
      expect(inspect(async function af() {})).toBe('[AsyncFunction: af]');
      expect(inspect(new Map([['a', { b: 1 }]]))).toBe("Map(1) { 'a' => { b: 1 } }");
      expect(inspect(new Set(['x']))).toBe("Set(1) { 'x' }");
      expect(inspect(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
      expect(inspect(/x/gi)).toBe('/x/gi');
      expect(inspect(new Uint8Array([1, 2]))).toBe('Uint8Array(2) [ 1, 2 ]');
      expect(inspect(new ArrayBuffer(2))).toBe('ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }');
      expect(inspect(new WeakMap())).toBe('WeakMap { <items unknown> }');
      expect(inspect(new Number(3))).toBe('[Number: 3]');
      expect(
        inspect({
          get g() {
            return 1;
          },
          set s(_v: unknown) {},
        }),
      ).toBe('{ g: [Getter], s: [Setter] }');
      expect(inspect(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe("[\n  'a', 'b', 'c',\n  'd', 'e', 'f',\n  'g'\n]");
      expect(inspect({ [customInspect]: () => 'CUSTOM' })).toBe('CUSTOM');
    });

    it('should show only the name at depth -1', () => {
      class Foo extends EventEmitter {}
      expect(inspect(new EventEmitter(), { depth: -1 })).toBe('[EventEmitter]');
      expect(inspect(new Foo(), { depth: -1 })).toBe('[Foo]');
      expect(inspect({ a: 1 }, { depth: -1 })).toBe('[Object]');
      expect(inspect([1], { depth: -1 })).toBe('[Array]');
      expect(inspect({}, { depth: -1 })).toBe('{}');
    });
  });
});
