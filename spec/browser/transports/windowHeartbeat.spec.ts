// The liveness rule of the window and broadcastChannel transports, on virtual time: the detection
// delay documented in docs/transports.md is exactly what the Heartbeat does.
import { TestScheduler } from 'rxjs/testing';
import { IpcTimeoutError } from '../../../src/index.js';
import { Heartbeat } from '../../../src/endpoint/Heartbeat.js';

describe('Heartbeat', () => {
  function run(
    spec: (tools: { scheduler: TestScheduler; heartbeat: Heartbeat; pings: number[]; lost: Array<[number, Error]> }) => void,
    options: { interval?: number; misses?: number; check?: () => Error | undefined } = {},
  ): void {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ flush }) => {
      const pings: number[] = [];
      const lost: Array<[number, Error]> = [];
      const heartbeat = new Heartbeat({
        scheduler,
        interval: options.interval ?? 10,
        misses: options.misses ?? 3,
        ping: () => pings.push(scheduler.now()),
        ...(options.check === undefined ? {} : { check: options.check }),
        lost: (cause) => lost.push([scheduler.now(), cause]),
      });
      spec({ scheduler, heartbeat, pings, lost });
      flush();
    });
  }

  it('should never declare a peer lost that answers every ping', () => {
    let seen: Array<[number, Error]> = [];
    run(({ scheduler, heartbeat, lost }) => {
      heartbeat.start();
      for (let t = 5; t < 200; t += 10) scheduler.schedule(() => heartbeat.heard(), t);
      scheduler.schedule(() => heartbeat.stop(), 200);
      seen = lost;
    });
    expect(seen).toEqual([]);
  });

  it('should declare a silent peer lost after `misses` unanswered ticks: between misses and misses + 1 intervals after its last word', () => {
    let pingsSeen: number[] = [];
    let lostSeen: Array<[number, Error]> = [];
    run(({ heartbeat, pings, lost }) => {
      heartbeat.start(); // the peer was just heard (t = 0)
      pingsSeen = pings;
      lostSeen = lost;
    });
    expect(pingsSeen).toEqual([10, 20, 30]);
    expect(lostSeen.map(([t]) => t)).toEqual([40]); // 4 intervals after the last word at t = 0
    expect(lostSeen[0]![1]).toBeInstanceOf(IpcTimeoutError);

    run(({ scheduler, heartbeat, lost }) => {
      heartbeat.start();
      scheduler.schedule(() => heartbeat.heard(), 9); // last word just before the first tick
      lostSeen = lost;
    });
    expect(lostSeen.map(([t]) => t)).toEqual([40]); // 31 ms after the last word: > 3 intervals
  });

  it('should end at the next tick with the cause `check` returns', () => {
    const gone = new Error('closed');
    let closed = false;
    let lostSeen: Array<[number, Error]> = [];
    run(
      ({ scheduler, heartbeat, lost }) => {
        heartbeat.start();
        for (let t = 5; t < 100; t += 10) scheduler.schedule(() => heartbeat.heard(), t);
        scheduler.schedule(() => (closed = true), 22);
        lostSeen = lost;
      },
      { check: () => (closed ? gone : undefined) },
    );
    expect(lostSeen).toEqual([[30, gone]]);
  });

  it('should do nothing when disabled (interval 0) or stopped', () => {
    let lostSeen: Array<[number, Error]> = [];
    let pingsSeen: number[] = [];
    run(
      ({ heartbeat, pings, lost }) => {
        heartbeat.start();
        pingsSeen = pings;
        lostSeen = lost;
      },
      { interval: 0 },
    );
    expect([pingsSeen, lostSeen]).toEqual([[], []]);
    run(({ scheduler, heartbeat, pings, lost }) => {
      heartbeat.start();
      scheduler.schedule(() => heartbeat.stop(), 15);
      pingsSeen = pings;
      lostSeen = lost;
    });
    expect([pingsSeen, lostSeen]).toEqual([[10], []]);
  });
});
