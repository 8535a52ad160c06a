import { EventEmitter, IpcClosedError } from '../../src/index.js';
import { simulateContextBridge, type BridgeStats } from './simulateContextBridge.js';

// The simulated bridge must reproduce what makes a naive preload API fail in Electron, or the
// bridge specs would prove nothing.
describe('simulateContextBridge', () => {
  it('should re-wrap every function, so a naive removeListener from the page never matches (electron#33328)', () => {
    // The usual hand-written preload: it cannot work, because `listener` is a new proxy each time.
    const emitter = new EventEmitter();
    const naive = simulateContextBridge({
      on: (channel: string, listener: (...args: unknown[]) => void) => void emitter.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => void emitter.removeListener(channel, listener),
    });
    const seen: unknown[] = [];
    const listener = (n: unknown): void => void seen.push(n);
    naive.on('tick', listener);
    naive.removeListener('tick', listener);
    expect(emitter.listenerCount('tick')).toBe(1);
    emitter.emit('tick', { n: 1 });
    expect(seen).toEqual([{ n: 1 }]);
    // Without the bridge the same code works: the simulation is what breaks it.
    const direct = (n: unknown): void => void seen.push(n);
    emitter.on('tick', direct);
    emitter.removeListener('tick', direct);
    expect(emitter.listenerCount('tick')).toBe(1);
  });

  it('should create a new proxy at every crossing, in both directions', () => {
    const stats: BridgeStats = { proxies: 0 };
    const received: unknown[] = [];
    const api = simulateContextBridge(
      {
        keep: (fn: () => void) => void received.push(fn),
        give: () => received[0],
      },
      stats,
    );
    expect(stats.proxies).toBe(2);
    const fn = (): void => undefined;
    api.keep(fn);
    api.keep(fn);
    expect(received[0]).not.toBe(fn);
    expect(received[0]).not.toBe(received[1]);
    expect(api.give()).not.toBe(received[0]);
    expect(stats.proxies).toBe(5);
  });

  it('should copy arguments and results (prototypes dropped, no shared references) and freeze the API', () => {
    class Point {
      constructor(public x: number) {}
    }
    const stored: unknown[] = [];
    const shared = { list: [1] };
    const api = simulateContextBridge({
      data: { list: ['a'] },
      store: (value: unknown) => void stored.push(value),
      read: () => shared,
    });
    const arg = { p: new Point(1), when: new Date(0) };
    api.store(arg);
    expect(stored[0]).toEqual({ p: { x: 1 }, when: new Date(0) });
    expect(stored[0]).not.toBe(arg);
    expect(Object.getPrototypeOf((stored[0] as { p: object }).p)).toBe(Object.prototype);
    const read = api.read();
    read.list.push(2);
    expect(shared.list).toEqual([1]);
    expect(Object.isFrozen(api)).toBeTrue();
    expect(Object.isFrozen(api.data.list)).toBeTrue();
    expect(() => api.store(Symbol('no'))).toThrowError(/could not be cloned/);
  });

  it('should turn errors into bare Errors: class, name and code are lost', async () => {
    const api = simulateContextBridge({
      fail: () => {
        throw new IpcClosedError('gone', { channel: 'x' });
      },
      reject: () => Promise.reject(new IpcClosedError('gone later')),
    });
    let thrown: unknown;
    try {
      api.fail();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(IpcClosedError);
    expect((thrown as Error).name).toBe('Error');
    expect((thrown as Error).message).toBe('gone');
    expect((thrown as { code?: string }).code).toBeUndefined();
    const rejected = await api.reject().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(rejected).not.toBeInstanceOf(IpcClosedError);
    expect((rejected as Error).message).toBe('gone later');
    expect((rejected as { code?: string }).code).toBeUndefined();
  });
});
