// Runs in Node and in Chromium: MessageChannel is a global in both.
import { TestScheduler } from 'rxjs/testing';
import { IpcTimeoutError, isSyncTransport, type SubjectLike } from '../../src/index.js';
import { createEndpointTransport, type Endpoint } from '../../src/transport/createEndpointTransport.js';
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
    port1.postMessage({ rxipc: 'frame', seq: 4, data: 'end' }); // once here, every duplicate was seen
    await until(() => atB.events.includes('end'));
    expect(atB.events).toEqual(['a', 'b', 'c', 'd', 'end']);
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

  it('should not offer nextSync unless asked to', () => {
    const { port1 } = channel();
    const a = createEndpointTransport(portEndpoint(port1), { handshakeTimeout: 10 });
    expect(isSyncTransport(a)).toBe(false);
    a.complete();
  });
});
