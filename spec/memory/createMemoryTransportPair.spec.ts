import { createMemoryTransportPair, isSyncTransport } from '../../src/index.js';
import { TestScheduler } from 'rxjs/testing';
import { settle } from '../helpers/leaks.js';

describe('createMemoryTransportPair', () => {
  it('should deliver asynchronously, in order, to every subscriber of the other end', async () => {
    const [a, b] = createMemoryTransportPair();
    const got: string[] = [];
    const s1 = b.subscribe({ next: (f) => got.push(`1:${f}`) });
    const s2 = b.subscribe({ next: (f) => got.push(`2:${f}`) });
    a.next('x');
    a.next('y');
    expect(got).toEqual([]);
    await settle();
    expect(got).toEqual(['1:x', '2:x', '1:y', '2:y']);
    s1.unsubscribe();
    s2.unsubscribe();
    a.complete();
  });

  it('should deliver on virtual time with latency inside TestScheduler.run', () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    testScheduler.run(({ flush }) => {
      const [a, b] = createMemoryTransportPair({ latency: 5 });
      const got: Array<[string, number]> = [];
      b.subscribe({ next: (f) => got.push([f, testScheduler.now()]) });
      a.next('first');
      testScheduler.schedule(() => a.next('second'), 3);
      flush();
      expect(got).toEqual([
        ['first', 5],
        ['second', 8],
      ]);
    });
  });

  it('should complete the peer after delivering what was sent before complete', async () => {
    const [a, b] = createMemoryTransportPair();
    const events: string[] = [];
    b.subscribe({ next: (f) => events.push(f), complete: () => events.push('complete') });
    a.subscribe({ complete: () => events.push('own complete') });
    a.next('last words');
    a.complete();
    a.next('ignored');
    await settle();
    expect(events).toEqual(['own complete', 'last words', 'complete']);
  });

  it('should support nextSync: deliver earlier frames first, then take the matching reply', () => {
    const [a, b] = createMemoryTransportPair();
    expect(isSyncTransport(a)).toBeTrue();
    const seen: string[] = [];
    b.subscribe({
      next: (f) => {
        seen.push(f);
        if (f === 'request') {
          b.next('unrelated');
          b.next('answer');
        }
      },
    });
    const laterDelivered: string[] = [];
    a.subscribe({ next: (f) => laterDelivered.push(f) });
    a.next('earlier');
    const reply = a.nextSync('request', (f) => f === 'answer', 1000);
    expect(reply).toBe('answer');
    expect(seen).toEqual(['earlier', 'request']);
    expect(a.nextSync('request2', (f) => f === 'never', 1000)).toBeUndefined();
    a.complete();
    expect(laterDelivered).toEqual([]);
  });
});
