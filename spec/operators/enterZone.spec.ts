import { config, EMPTY, NEVER, of, Subject, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { enterZone, type ZoneLike } from '../../src/operators/index.js';
import { createTestIpc, settle } from '../helpers/leaks.js';

/** A zone whose contract is the whole of `{ run(fn) }`: it records each call and whether code runs inside it. */
class RecordingZone implements ZoneLike {
  runs = 0;
  depth = 0;
  get inside(): boolean {
    return this.depth > 0;
  }
  run<R>(fn: () => R): R {
    this.runs++;
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }
}

describe('enterZone', () => {
  let scheduler: TestScheduler;

  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('should mirror values, timing and completion', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b--c|');
      const subs = /*  */ '^------!';
      const expected = '  -a-b--c|';
      expectObservable(source.pipe(enterZone(new RecordingZone()))).toBe(expected);
      expectSubscriptions(source.subscriptions).toBe(subs);
    });
  });

  it('should mirror an error', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-a-#', undefined, 'boom').pipe(enterZone(new RecordingZone()))).toBe('-a-#', undefined, 'boom');
    });
  });

  it('should unsubscribe from its source on early unsubscribe', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-c-d-|');
      const unsub = '      ----!';
      const subs = '       ^---!';
      expectObservable(source.pipe(enterZone(new RecordingZone())), unsub).toBe('-a-b');
      expectSubscriptions(source.subscriptions).toBe(subs);
    });
  });

  it('should never emit and never run the zone for a source that never emits', () => {
    const zone = new RecordingZone();
    const sub = NEVER.pipe(enterZone(zone)).subscribe();
    expect(sub.closed).toBeFalse();
    sub.unsubscribe();
    expect(zone.runs).toBe(0);
  });

  it('should deliver each value inside zone.run, one run per value', () => {
    const zone = new RecordingZone();
    const seen: Array<[number, boolean]> = [];
    const source = new Subject<number>();
    source.pipe(enterZone(zone)).subscribe((value) => seen.push([value, zone.inside]));
    source.next(1);
    source.next(2);
    expect(seen).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(zone.runs).toBe(2);
    expect(zone.inside).toBeFalse();
  });

  it('should deliver completion inside zone.run', () => {
    const zone = new RecordingZone();
    let completedInside: boolean | undefined;
    EMPTY.pipe(enterZone(zone)).subscribe({ complete: () => (completedInside = zone.inside) });
    expect(completedInside).toBeTrue();
    expect(zone.runs).toBe(1);
  });

  it('should deliver one value and completion in separate runs', () => {
    const zone = new RecordingZone();
    const log: string[] = [];
    of('x')
      .pipe(enterZone(zone))
      .subscribe({ next: (v) => log.push(`${v}:${zone.inside}`), complete: () => log.push(`done:${zone.inside}`) });
    expect(log).toEqual(['x:true', 'done:true']);
    expect(zone.runs).toBe(2);
  });

  it('should deliver an error inside zone.run', () => {
    const zone = new RecordingZone();
    let errorInside: boolean | undefined;
    let got: unknown;
    throwError(() => new Error('nope'))
      .pipe(enterZone(zone))
      .subscribe({
        error: (error: unknown) => {
          errorInside = zone.inside;
          got = error;
        },
      });
    expect(errorInside).toBeTrue();
    expect((got as Error).message).toBe('nope');
  });

  it('should leave the zone and keep delivering when a subscriber callback throws', async () => {
    const zone = new RecordingZone();
    const reported: unknown[] = [];
    const previous = config.onUnhandledError;
    // RxJS reports a throwing consumer later, on its timeout provider, never into the zone's caller.
    config.onUnhandledError = (error) => reported.push(error);
    try {
      const source = new Subject<number>();
      const seen: number[] = [];
      source.pipe(enterZone(zone)).subscribe((value) => {
        seen.push(value);
        if (value === 1) throw new Error('listener bug');
      });
      source.next(1);
      expect(zone.inside).toBeFalse();
      source.next(2);
      expect(seen).toEqual([1, 2]);
      expect(zone.runs).toBe(2);
      await settle();
      expect(reported.map((e) => (e as Error).message)).toEqual(['listener bug']);
    } finally {
      config.onUnhandledError = previous;
    }
  });

  it('should deliver channel messages and the close of an IpcRenderer inside the zone', async () => {
    const { ipcRenderer, webContents } = createTestIpc();
    const zone = new RecordingZone();
    const log: string[] = [];
    ipcRenderer
      .channel('status')
      .pipe(enterZone(zone))
      .subscribe({ next: ({ args }) => log.push(`${String(args[0])}:${zone.inside}`), complete: () => log.push(`closed:${zone.inside}`) });
    webContents.send('status', 'ready');
    await settle();
    ipcRenderer.close();
    expect(log).toEqual(['ready:true', 'closed:true']);
    expect(ipcRenderer.listenerCount('status')).toBe(0);
  });
});
