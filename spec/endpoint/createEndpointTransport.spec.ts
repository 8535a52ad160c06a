// Runs in Node and in Chromium: MessageChannel is a global in both.
import { firstValueFrom } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { IpcClosedError, IpcTimeoutError, isSyncTransport, type SubjectLike } from '../../src/index.js';
import { IpcBackpressureError } from '../../src/errors/IpcBackpressureError.js';
import { createEndpointTransport, type Endpoint } from '../../src/endpoint/createEndpointTransport.js';
import { createSyncBlock, ringReader, STATE } from '../../src/endpoint/syncLane.js';
import { settle } from '../helpers/leaks.js';

/** A real MessagePort as an Endpoint. */
function portEndpoint(port: MessagePort): Endpoint & { closed: boolean } {
  const endpoint = {
    closed: false,
    post: (message: unknown) => port.postMessage(message),
    listen: (onMessage: (message: unknown) => void, onLost: (cause?: unknown) => void) => {
      const message = (event: MessageEvent) => onMessage(event.data);
      const close = () => onLost();
      port.addEventListener('message', message);
      port.addEventListener('close', close);
      port.start();
      return () => {
        port.removeEventListener('message', message);
        port.removeEventListener('close', close);
      };
    },
    close: () => {
      endpoint.closed = true;
      port.close();
    },
  };
  return endpoint;
}

interface Recorder {
  events: string[];
  done: Promise<void>;
}

function record(transport: SubjectLike<string>): Recorder {
  const events: string[] = [];
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  transport.subscribe({
    next: (frame) => events.push(frame),
    error: (error: unknown) => {
      events.push(`error:${(error as Error).name}`);
      resolve();
    },
    complete: () => {
      events.push('complete');
      resolve();
    },
  });
  return { events, done };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await settle(5);
}

/** A real port endpoint that also records every message it posts. */
function recordingEndpoint(port: MessagePort): Endpoint & { posted: unknown[] } {
  const inner = portEndpoint(port);
  const posted: unknown[] = [];
  return { ...inner, posted, post: (message: unknown) => (posted.push(message), inner.post(message)) };
}

/** What an endpoint posted, as `frame <seq> <data>` / `frames <seq> <data,...>` lines (no handshake). */
function frameMessages(posted: unknown[]): string[] {
  return posted.flatMap((m) => {
    const { rxipc, seq, data } = m as { rxipc: string; seq: number; data: string | string[] };
    if (rxipc === 'frame') return [`frame ${seq} ${data as string}`];
    if (rxipc === 'frames') return [`frames ${seq} ${(data as string[]).join(',')}`];
    return [];
  });
}

/** Two connected transports over a real MessageChannel, the first one's posts recorded. */
async function connectedPair(
  channel: () => MessageChannel,
  options?: Parameters<typeof createEndpointTransport>[1],
): Promise<{ a: SubjectLike<string>; b: SubjectLike<string>; posted: unknown[]; atB: Recorder }> {
  const { port1, port2 } = channel();
  const endA = recordingEndpoint(port1);
  const a = createEndpointTransport(endA, options);
  const b = createEndpointTransport(portEndpoint(port2));
  const atB = record(b);
  a.next('ready?');
  await until(() => atB.events.length === 1);
  atB.events.length = 0;
  endA.posted.length = 0;
  return { a, b, posted: endA.posted, atB };
}

describe('createEndpointTransport', () => {
  let channels: MessageChannel[] = [];
  const channel = (): MessageChannel => {
    const created = new MessageChannel();
    channels.push(created);
    return created;
  };

  afterEach(() => {
    for (const { port1, port2 } of channels) {
      port1.close();
      port2.close();
    }
    channels = [];
  });

  it('should carry strings both ways, in order, over a real MessageChannel', async () => {
    const { port1, port2 } = channel();
    const a = createEndpointTransport(portEndpoint(port1));
    const b = createEndpointTransport(portEndpoint(port2));
    const atA = record(a);
    const atB = record(b);
    for (let i = 0; i < 50; i++) a.next(`a${i}`);
    b.next('b0');
    b.next('b1');
    await until(() => atB.events.length === 50 && atA.events.length === 2);
    expect(atB.events).toEqual(Array.from({ length: 50 }, (_, i) => `a${i}`));
    expect(atA.events).toEqual(['b0', 'b1']);
    a.complete();
    await Promise.all([atA.done, atB.done]);
  });

  it('should keep frames sent before the peer listens and deliver them in order once it does', async () => {
    const { port1, port2 } = channel();
    // port2 is started, so what reaches it before b's transport exists is dispatched to nobody and lost.
    let lost = 0;
    port2.onmessage = () => lost++;
    const a = createEndpointTransport(portEndpoint(port1), { handshakeRetry: 10 });
    a.next('one');
    a.next('two');
    await until(() => lost >= 2); // hellos that went nowhere
    a.next('three');
    port2.onmessage = null;
    const b = createEndpointTransport(portEndpoint(port2), { handshakeRetry: 10 });
    const atB = record(b);
    await until(() => atB.events.length === 3);
    expect(atB.events).toEqual(['one', 'two', 'three']);
    a.complete();
    await atB.done;
    expect(atB.events).toEqual(['one', 'two', 'three', 'complete']);
  });

  it('should error subscribers with IpcTimeoutError and release the endpoint when the peer never answers', async () => {
    const { port1 } = channel();
    const endpoint = portEndpoint(port1);
    const a = createEndpointTransport(endpoint, { handshakeTimeout: 30, handshakeRetry: 5 });
    let failure: unknown;
    a.subscribe({ error: (error: unknown) => (failure = error) });
    a.next('lost');
    await until(() => failure !== undefined);
    expect(failure).toBeInstanceOf(IpcTimeoutError);
    expect((failure as IpcTimeoutError).code).toBe('ERR_IPC_TIMEOUT');
    expect(endpoint.closed).toBe(true);
    let late: unknown;
    a.subscribe({ error: (error: unknown) => (late = error) });
    expect(late).toBe(failure);
  });

  it('should time the handshake out on the given scheduler', () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    testScheduler.run(({ flush }) => {
      const { port1 } = channel();
      const a = createEndpointTransport(portEndpoint(port1), { scheduler: testScheduler, handshakeTimeout: 250 });
      let at = -1;
      a.subscribe({ error: () => (at = testScheduler.now()) });
      flush();
      expect(at).toBe(250);
    });
  });

  it('should deliver what was sent before complete(), then complete the peer and release both ends', async () => {
    const { port1, port2 } = channel();
    const endA = portEndpoint(port1);
    const endB = portEndpoint(port2);
    const a = createEndpointTransport(endA);
    const b = createEndpointTransport(endB);
    const atA = record(a);
    const atB = record(b);
    a.next('x');
    a.next('y');
    a.complete();
    expect(atA.events).toEqual(['complete']);
    a.next('after'); // ignored
    await atB.done;
    expect(atB.events).toEqual(['x', 'y', 'complete']);
    await until(() => endA.closed && endB.closed);
    expect(endA.closed && endB.closed).toBe(true);
  });

  it('should complete subscribers when the endpoint reports the peer lost, and error them with the cause', async () => {
    const { port1, port2 } = channel();
    let lose!: (cause?: unknown) => void;
    const endA: Endpoint = {
      ...portEndpoint(port1),
      listen: (onMessage, onLost) => {
        lose = onLost;
        return portEndpoint(port1).listen(onMessage, onLost);
      },
    };
    const a = createEndpointTransport(endA);
    const b = createEndpointTransport(portEndpoint(port2));
    const atA = record(a);
    const atB = record(b);
    a.next('hi');
    await until(() => atB.events.length === 1);
    const cause = new Error('gone');
    lose(cause);
    await atA.done;
    expect(atA.events).toEqual(['error:Error']);
    b.complete();
    await atB.done;
    expect(atB.events).toEqual(['hi', 'complete']);
  });

  it('should ignore malformed and foreign messages without throwing, and report them', async () => {
    const { port1, port2 } = channel();
    const ignored: unknown[] = [];
    const b = createEndpointTransport(portEndpoint(port2), { onIgnored: (message) => ignored.push(message) });
    const atB = record(b);
    const garbage: unknown[] = [
      'raw string',
      null,
      42,
      { rxipc: 'frame', seq: -1, data: 'negative' },
      { rxipc: 'frame', seq: 0, data: { not: 'a string' } },
      { rxipc: 'frame', seq: 1.5, data: 'fraction' },
      { rxipc: 'frame', data: 'no seq' },
      { rxipc: 'frames', seq: 0, data: 'not an array' },
      { rxipc: 'frames', seq: 0, data: ['a', 1] },
      { rxipc: 'frames', seq: -1, data: ['a'] },
      { rxipc: 'frames', seq: Number.MAX_SAFE_INTEGER, data: ['a', 'b'] },
      { rxipc: 'frames', data: ['no seq'] },
      { rxipc: 'launch-missiles' },
      { rxipc: 7 },
      { __proto__: { rxipc: 'bye' } },
    ];
    for (const message of garbage) port1.postMessage(message);
    port1.postMessage({ rxipc: 'hello' });
    port1.postMessage({ rxipc: 'frame', seq: 0, data: 'valid' });
    await until(() => atB.events.length === 1);
    expect(atB.events).toEqual(['valid']); // not completed by an inherited 'bye' either
    expect(ignored.length).toBe(garbage.length);
    b.complete();
  });

  it('should post frames and batches as one string each when the endpoint says textFrames, and the peer should read them', async () => {
    const { port1, port2 } = channel();
    const endA = { ...recordingEndpoint(port1), textFrames: true };
    const a = createEndpointTransport(endA);
    const b = createEndpointTransport(portEndpoint(port2)); // posts objects; reads both forms
    const atA = record(a);
    const atB = record(b);
    a.next('first');
    await until(() => atB.events.length === 1);
    a.next('one');
    a.next('two');
    a.next('three:with:colons');
    b.next('back');
    await until(() => atB.events.length === 4 && atA.events.length === 1);
    expect(atB.events).toEqual(['first', 'one', 'two', 'three:with:colons']);
    expect(atA.events).toEqual(['back']);
    const frames = endA.posted.filter((m) => typeof m === 'string');
    expect(frames).toEqual(['rxipc:frame:0:first', 'rxipc:frame:1:one', 'rxipc:frames:2:3,17:twothree:with:colons']);
    expect(
      endA.posted.filter((m) => (m as { rxipc?: string })?.rxipc === 'frame' || (m as { rxipc?: string })?.rxipc === 'frames'),
    ).toEqual([]);
    a.complete();
    await atB.done;
    await atA.done;
  });

  it('should ignore malformed text messages without throwing, report each as it came, and keep working', async () => {
    const { port1, port2 } = channel();
    const ignored: unknown[] = [];
    const b = createEndpointTransport(portEndpoint(port2), { onIgnored: (message) => ignored.push(message) });
    const atB = record(b);
    const garbage = [
      'rxipc:',
      'rxipc:frame:',
      'rxipc:frame:0',
      'rxipc:frame::empty seq',
      'rxipc:frame:-1:negative',
      'rxipc:frame:1.5:fraction',
      'rxipc:frame:0x1:hex',
      'rxipc:frame:9007199254740993:unsafe',
      'rxipc:frames:0:1,x:ab',
      'rxipc:frames:0:1,1:abc',
      'rxipc:frames:0:2,2:abc',
      'rxipc:frames::1:a',
      'rxipc:frames:0:',
      'rxipc:frames:0:1e3:a',
      'rxipc:launch-missiles',
      'rxipc:__proto__',
      'rxipc:constructor',
      'RXIPC:frame:0:shouting',
    ];
    for (const message of garbage) port1.postMessage(message);
    port1.postMessage('rxipc:hello');
    port1.postMessage('rxipc:frame:0:valid');
    port1.postMessage('rxipc:frames:1:2,3:okyes');
    await until(() => atB.events.length === 3);
    expect(atB.events).toEqual(['valid', 'ok', 'yes']);
    expect(ignored).toEqual(garbage);
    expect(({} as Record<string, unknown>)['frame']).toBeUndefined();
    b.complete();
  });

  it('should ignore a hostile sync block and lane without throwing', async () => {
    const { port1, port2 } = channel();
    const b = createEndpointTransport(portEndpoint(port2));
    const atB = record(b);
    const atA: unknown[] = [];
    port1.onmessage = (event) => atA.push(event.data);
    const bogus = new SharedArrayBuffer(40);
    const control = new Int32Array(bogus);
    control[0] = 1; // "blocked"
    control[5] = 4096; // a ring larger than the buffer
    port1.postMessage({ rxipc: 'hello', block: bogus });
    port1.postMessage({ rxipc: 'frame', seq: 0, data: 'a', sync: 1, lane: 'not a port' });
    await until(() => atB.events.length === 1);
    expect(() => b.next('still fine')).not.toThrow();
    await until(() => atA.some((m) => (m as { data?: string }).data === 'still fine'));
    expect(atB.events).toEqual(['a']);
    b.complete();
  });

  it('should deliver frames in sequence order and drop duplicates', async () => {
    const { port1, port2 } = channel();
    const b = createEndpointTransport(portEndpoint(port2));
    const atB = record(b);
    port1.postMessage({ rxipc: 'hello' });
    port1.postMessage({ rxipc: 'frame', seq: 2, data: 'c' });
    port1.postMessage({ rxipc: 'frame', seq: 0, data: 'a' });
    port1.postMessage({ rxipc: 'frame', seq: 0, data: 'a again' });
    port1.postMessage({ rxipc: 'frame', seq: 1, data: 'b' });
    port1.postMessage({ rxipc: 'frame', seq: 2, data: 'c again' });
    port1.postMessage({ rxipc: 'frame', seq: 3, data: 'd' });
    port1.postMessage({ rxipc: 'frame', seq: 1, data: 'b again' });
    port1.postMessage({ rxipc: 'frames', seq: 5, data: ['f', 'g'] });
    port1.postMessage({ rxipc: 'frames', seq: 3, data: ['d again', 'e', 'f again'] });
    port1.postMessage({ rxipc: 'frame', seq: 7, data: 'end' }); // once here, every duplicate was seen
    await until(() => atB.events.includes('end'));
    expect(atB.events).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'end']);
    b.complete();
  });

  it('should complete a subscriber that comes after the end at once', async () => {
    const { port1, port2 } = channel();
    const a = createEndpointTransport(portEndpoint(port1));
    createEndpointTransport(portEndpoint(port2));
    a.complete();
    const late = jasmine.createSpy('complete');
    a.subscribe({ complete: late });
    expect(late).toHaveBeenCalledTimes(1);
    await settle(10);
  });

  it('should post the first frame of a tick at once and the rest of the tick as one message, in order', async () => {
    const { a, posted, atB } = await connectedPair(channel);
    for (let i = 0; i < 5; i++) a.next(`f${i}`);
    expect(frameMessages(posted)).toEqual(['frame 1 f0']);
    await settle(0);
    expect(frameMessages(posted)).toEqual(['frame 1 f0', 'frames 2 f1,f2,f3,f4']);
    a.next('next tick');
    expect(frameMessages(posted)).toEqual(['frame 1 f0', 'frames 2 f1,f2,f3,f4', 'frame 6 next tick']);
    await until(() => atB.events.length === 6);
    expect(atB.events).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'next tick']);
    a.complete();
  });

  it('should post a batch early once it holds 64 Ki characters, without waiting for the tick to end', async () => {
    const { a, posted, atB } = await connectedPair(channel);
    const big = (c: string): string => c.repeat(40 * 1024);
    a.next('first');
    a.next(big('x'));
    expect(frameMessages(posted).length).toBe(1);
    a.next(big('y')); // 80 Ki characters waiting: posted now
    a.next('z');
    expect(frameMessages(posted)).toEqual(['frame 1 first', `frames 2 ${big('x')},${big('y')}`]);
    await until(() => atB.events.length === 4);
    expect(atB.events).toEqual(['first', big('x'), big('y'), 'z']);
    a.complete();
  });

  it('should post every frame as a message of its own with coalesce: false', async () => {
    const { a, posted, atB } = await connectedPair(channel, { coalesce: false });
    for (let i = 0; i < 3; i++) a.next(`f${i}`);
    expect(frameMessages(posted)).toEqual(['frame 1 f0', 'frame 2 f1', 'frame 3 f2']);
    await until(() => atB.events.length === 3);
    expect(atB.events).toEqual(['f0', 'f1', 'f2']);
    a.complete();
  });

  it('should end a tick on the scheduler given as coalesce', async () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    const { a, posted, atB } = await connectedPair(channel, { coalesce: testScheduler });
    a.next('f0');
    a.next('f1');
    a.next('f2');
    await settle(5);
    expect(frameMessages(posted)).toEqual(['frame 1 f0']);
    testScheduler.flush();
    expect(frameMessages(posted)).toEqual(['frame 1 f0', 'frames 2 f1,f2']);
    await until(() => atB.events.length === 3);
    expect(atB.events).toEqual(['f0', 'f1', 'f2']);
    a.complete();
  });

  it('should post at once the first frame after a message from the peer, scheduling nothing, and batch a later lone frame', async () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    const { a, b, posted, atB } = await connectedPair(channel, { coalesce: testScheduler });
    const atA = record(a);
    a.next('lone');
    expect(frameMessages(posted)).toEqual(['frame 1 lone']);
    b.next('question');
    await until(() => atA.events.length === 1);
    a.next('answer'); // a new task began with the peer's message: posted now
    expect(frameMessages(posted)).toEqual(['frame 1 lone', 'frame 2 answer']);
    await settle(5);
    a.next('later'); // no message since the last frame: it waits for the end of its tick
    expect(frameMessages(posted)).toEqual(['frame 1 lone', 'frame 2 answer']);
    testScheduler.flush();
    expect(frameMessages(posted)).toEqual(['frame 1 lone', 'frame 2 answer', 'frame 3 later']);
    a.next('after the tick'); // the tick ended with that batch
    expect(frameMessages(posted)).toEqual(['frame 1 lone', 'frame 2 answer', 'frame 3 later', 'frame 4 after the tick']);
    await until(() => atB.events.length === 4);
    expect(atB.events).toEqual(['lone', 'answer', 'later', 'after the tick']);
    a.complete();
  });

  it('should post what the tick holds before the goodbye, and the frames kept before the handshake as one message', async () => {
    const { port1, port2 } = channel();
    const endA = recordingEndpoint(port1);
    const a = createEndpointTransport(endA);
    for (let i = 0; i < 3; i++) a.next(`early${i}`);
    const b = createEndpointTransport(portEndpoint(port2));
    const atB = record(b);
    await until(() => atB.events.length === 3);
    a.next('late0');
    a.next('late1');
    a.next('late2');
    a.complete();
    await atB.done;
    expect(frameMessages(endA.posted)).toEqual(['frames 0 early0,early1,early2', 'frame 3 late0', 'frames 4 late1,late2']);
    expect(atB.events).toEqual(['early0', 'early1', 'early2', 'late0', 'late1', 'late2', 'complete']);
  });

  it("should send a frame through a blocked peer's lane only, and post it once the peer is not blocked", async () => {
    const { port1, port2 } = channel();
    const endA = recordingEndpoint(port1);
    const a = createEndpointTransport(endA);
    // The peer, by hand: a blocking side whose sync block has a ring.
    const block = createSyncBlock(1024);
    const reader = ringReader(block);
    const read = (): Array<[number, string | undefined]> => {
      const got: Array<[number, string | undefined]> = [];
      reader.drain((seq, frame) => got.push([seq, frame]));
      return got;
    };
    port2.postMessage({ rxipc: 'hello', block });
    await until(() => endA.posted.some((m) => (m as { rxipc: string }).rxipc === 'ack'));
    Atomics.store(reader.control, STATE, 1); // the peer blocks
    a.next('lane0');
    a.next('lane1');
    await settle(0);
    expect(frameMessages(endA.posted)).toEqual([]);
    expect(read()).toEqual([
      [0, 'lane0'],
      [1, 'lane1'],
    ]);
    Atomics.store(reader.control, STATE, 0); // it returns
    a.next('post2');
    a.next('post3');
    await settle(0);
    expect(frameMessages(endA.posted)).toEqual(['frame 2 post2', 'frame 3 post3']);
    a.next('post4');
    a.next('batched5');
    Atomics.store(reader.control, STATE, 1); // it blocks while a batch waits: the batch goes first, by the lane
    a.next('lane6');
    await settle(0);
    expect(frameMessages(endA.posted)).toEqual(['frame 2 post2', 'frame 3 post3', 'frame 4 post4']);
    expect(read()).toEqual([
      [5, 'batched5'],
      [6, 'lane6'],
    ]);
    Atomics.store(reader.control, STATE, 0);
    a.complete();
  });

  it("should refuse frames with IpcBackpressureError while the endpoint's queue is at the high-water mark, and take them again once it drains", async () => {
    const { port1, port2 } = channel();
    let platform = 0;
    const endA = { ...recordingEndpoint(port1), bufferedAmount: () => platform };
    const a = createEndpointTransport(endA, { highWaterMark: 100 });
    const b = createEndpointTransport(portEndpoint(port2));
    const atB = record(b);
    a.next('first');
    await until(() => atB.events.length === 1);
    platform = 99;
    a.next('just below the mark');
    platform = 100;
    expect(() => a.next('refused')).toThrowMatching(
      (e) => e instanceof IpcBackpressureError && e.code === 'ERR_IPC_BACKPRESSURE' && /100 queued.*highWaterMark 100/.test(e.message),
    );
    expect(a.bufferedAmount()).toBe(100);
    let drained = 0;
    const waiting = a.drained().subscribe(() => drained++);
    platform = 51; // still above half the mark
    await settle(30);
    expect(drained).toBe(0);
    platform = 50;
    await until(() => drained === 1);
    expect(waiting.closed).toBe(true);
    a.next('second');
    await until(() => atB.events.length === 3);
    // The refused frame took no sequence number: nothing waits for it, nothing follows it late.
    expect(atB.events).toEqual(['first', 'just below the mark', 'second']);
    expect(frameMessages(endA.posted).some((m) => m.includes('refused'))).toBe(false);
    a.complete();
  });

  it('should bound the frames kept before the handshake by the high-water mark, on any endpoint', async () => {
    const { port1, port2 } = channel();
    const a = createEndpointTransport(portEndpoint(port1), { highWaterMark: 10, handshakeRetry: 10 });
    a.next('12345');
    a.next('67890');
    expect(a.bufferedAmount()).toBe(10);
    expect(() => a.next('x')).toThrowError(IpcBackpressureError, /before the handshake/);
    const b = createEndpointTransport(portEndpoint(port2));
    const atB = record(b);
    await firstValueFrom(a.drained());
    expect(a.bufferedAmount()).toBe(0);
    a.next('after');
    await until(() => atB.events.length === 3);
    expect(atB.events).toEqual(['12345', '67890', 'after']);
    a.complete();
  });

  it('should error drained() with IpcClosedError once the transport is closed', async () => {
    const { port1 } = channel();
    const a = createEndpointTransport(portEndpoint(port1), { highWaterMark: 4, handshakeTimeout: 1000 });
    a.next('full');
    const waiting = firstValueFrom(a.drained());
    a.complete();
    await expectAsync(waiting).toBeRejectedWithError(IpcClosedError);
  });

  it('should refuse a high-water mark that is not a positive number', () => {
    const { port1 } = channel();
    for (const highWaterMark of [0, -1, Number.NaN, '1' as unknown as number]) {
      expect(() => createEndpointTransport(portEndpoint(port1), { highWaterMark })).toThrowMatching(
        (e) => e instanceof RangeError && (e as RangeError & { code: string }).code === 'ERR_OUT_OF_RANGE',
      );
    }
  });

  it('should not offer nextSync unless asked to', () => {
    const { port1 } = channel();
    const a = createEndpointTransport(portEndpoint(port1), { handshakeTimeout: 10 });
    expect(isSyncTransport(a)).toBe(false);
    a.complete();
  });
});
