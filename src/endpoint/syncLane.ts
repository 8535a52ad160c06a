// The shared-memory side channel of `createEndpointTransport`'s blocking `nextSync` (internal).
//
// The side that blocks (say, a renderer in a worker) owns a "sync block": a SharedArrayBuffer
// whose first words are control words, optionally followed by a byte ring. It hands the block to
// its peer in the handshake. While the blocking side waits (`STATE` ≠ 0), the peer sends each
// frame through a "lane" the blocked side can read without its event loop:
//   - the ring in the block (works wherever SharedArrayBuffer works: browsers and Node), or
//   - a dedicated MessagePort drained with Node's `receiveMessageOnPort` (injected, Node only).
// After each record the peer bumps `SIGNAL` and `Atomics.notify`s it; the blocked side sleeps in
// `Atomics.wait` on `SIGNAL`. A frame the lane took is not posted as well: the writer publishes
// the record, then reads `STATE` again; still non-zero means the owner has not finished its call,
// and the owner drains the lane once more after clearing `STATE`, so the record is read. Zero
// means the owner may have finished before the record was there: the writer then posts the frame
// too (`write` returns false), and the blocked side drops whichever copy arrives second (records
// carry the frame's sequence number). Records that do not fit the ring yet, and frames too large
// for it, are always posted as well.

/** Control word: the id of the `nextSync` the owner is blocked in, 0 when it is not blocked. */
export const STATE = 0;
/** Control word: set to 1 by the peer once it has seen the owner's hello (it is listening). */
export const ACK = 1;
/** Control word: bumped by the peer after every copy; the owner waits on it. */
export const SIGNAL = 2;
/** Control word: bytes ever written into the ring (uint32, wraps). */
const WRITE = 3;
/** Control word: bytes ever read from the ring (uint32, wraps). */
const READ = 4;
/** Control word: the ring's capacity in bytes; 0 when the lane is a MessagePort. */
const CAPACITY = 5;
const HEADER_BYTES = 32;
/** A record is [float64 seq][uint32 byte length][UTF-8 bytes]. */
const RECORD_HEADER = 12;
/** The length written for a frame too large for the ring: it only travels by postMessage. */
const TOO_LARGE = 0xffffffff;

/** Reads the lane: calls `onRecord(seq, frame)` for each copy, `frame` undefined for a too-large one. */
export type RecordSink = (seq: number, frame: string | undefined) => void;

/** The blocking side's view of its own block. */
export interface LaneReader {
  readonly control: Int32Array;
  drain(onRecord: RecordSink): void;
  close(): void;
}

/** The answering side's view of its peer's block. */
export interface LaneWriter {
  readonly control: Int32Array;
  /**
   * Sends one frame through the lane while the owner is blocked (nothing otherwise).
   * @returns true when the owner is sure to read it (do not post it); false when it must be posted.
   */
  write(seq: number, frame: string): boolean;
  close(): void;
}

/** A MessagePort as far as the port lane needs it (DOM and Node ports both fit). */
export interface LanePort {
  postMessage(message: unknown): void;
  close(): void;
}

/** Node's `receiveMessageOnPort`. */
export type ReceiveMessageOnPort = (port: any) => { message: unknown } | undefined;

/** Tells whether this thread may block in `Atomics.wait` (never on a browser page's main thread). */
export function canBlock(): boolean {
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object' || typeof Atomics.wait !== 'function') {
    return false;
  }
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/** Tells whether `value` looks like a sync block a peer sent. */
export function isSyncBlock(value: unknown): value is SharedArrayBuffer {
  if (typeof SharedArrayBuffer !== 'function' || !(value instanceof SharedArrayBuffer) || value.byteLength < HEADER_BYTES) return false;
  const capacity = new Int32Array(value, 0, HEADER_BYTES / 4)[CAPACITY]!;
  // 0 (a port lane) or a power of two that fits: anything else is not one of ours.
  return capacity === 0 || (capacity > 0 && (capacity & (capacity - 1)) === 0 && HEADER_BYTES + capacity <= value.byteLength);
}

/** Tells whether `value` can be a lane port a peer sent. */
export function isLanePort(value: unknown): value is LanePort {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LanePort).postMessage === 'function' &&
    typeof (value as LanePort).close === 'function'
  );
}

function signal(control: Int32Array): void {
  Atomics.add(control, SIGNAL, 1);
  Atomics.notify(control, SIGNAL);
}

/** The peer's side: tells a blocked owner that its hello was seen. */
export function acknowledge(control: Int32Array): void {
  Atomics.store(control, ACK, 1);
  signal(control);
}

/** Creates a sync block with a ring of `capacity` bytes (a power of two), or none (port lane). */
export function createSyncBlock(capacity: number): SharedArrayBuffer {
  const size = capacity <= 0 ? 0 : 2 ** Math.ceil(Math.log2(Math.max(capacity, 64)));
  const buffer = new SharedArrayBuffer(HEADER_BYTES + size);
  new Int32Array(buffer, 0, HEADER_BYTES / 4)[CAPACITY] = size;
  return buffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The owner's reader over the ring of its block. */
export function ringReader(buffer: SharedArrayBuffer): LaneReader {
  const control = new Int32Array(buffer, 0, HEADER_BYTES / 4);
  const capacity = control[CAPACITY]!;
  const ring = new Uint8Array(buffer, HEADER_BYTES, capacity);
  const view = new DataView(buffer, HEADER_BYTES, capacity);
  const copyOut = (at: number, length: number): Uint8Array => {
    // A non-shared copy: TextDecoder refuses views on shared memory in browsers.
    const start = at & (capacity - 1);
    if (start + length <= capacity) return ring.slice(start, start + length);
    const out = new Uint8Array(length);
    const first = capacity - start;
    out.set(ring.subarray(start, capacity));
    out.set(ring.subarray(0, length - first), first);
    return out;
  };
  return {
    control,
    drain(onRecord) {
      let read = Atomics.load(control, READ) >>> 0;
      const written = Atomics.load(control, WRITE) >>> 0;
      // The writer publishes whole records only, so what is there is whole.
      while ((written - read) >>> 0 >= RECORD_HEADER) {
        const start = read & (capacity - 1);
        let seq: number;
        let length: number;
        if (start + RECORD_HEADER <= capacity) {
          seq = view.getFloat64(start);
          length = view.getUint32(start + 8);
        } else {
          const header = new DataView(copyOut(read, RECORD_HEADER).buffer);
          seq = header.getFloat64(0);
          length = header.getUint32(8);
        }
        read = (read + RECORD_HEADER) >>> 0;
        if (length === TOO_LARGE) {
          onRecord(seq, undefined);
          continue;
        }
        const text = decoder.decode(copyOut(read, length));
        read = (read + length) >>> 0;
        onRecord(seq, text);
      }
      Atomics.store(control, READ, read | 0);
    },
    close: () => undefined,
  };
}

/**
 * The peer's writer into the owner's ring. A frame is encoded with `encodeInto` when its record
 * fits without wrapping: straight into the ring where the platform allows it (Node), else into a
 * reused scratch buffer then copied (browsers refuse shared memory there); otherwise it is
 * encoded apart. A record that does not fit yet
 * waits in a queue and is retried through `retry` (a scheduler) while the owner stays blocked;
 * once it is not, queued records are dropped: their frames were posted as well.
 */
export function ringWriter(buffer: SharedArrayBuffer, retry: (again: () => void) => void): LaneWriter {
  const control = new Int32Array(buffer, 0, HEADER_BYTES / 4);
  const capacity = control[CAPACITY]!;
  const ring = new Uint8Array(buffer, HEADER_BYTES, capacity);
  const view = new DataView(buffer, HEADER_BYTES, capacity);
  const direct = encodesIntoShared(ring);
  let scratch = new Uint8Array(direct ? 0 : 1024);
  let queue: Uint8Array[] = [];
  let retrying = false;
  const copyIn = (at: number, bytes: Uint8Array): void => {
    const start = at & (capacity - 1);
    const first = Math.min(bytes.length, capacity - start);
    ring.set(bytes.subarray(0, first), start);
    if (bytes.length > first) ring.set(bytes.subarray(first), 0);
  };
  /** Writes what the queue holds while it fits; true when the queue is empty afterwards. */
  const pump = (): boolean => {
    retrying = false;
    if (Atomics.load(control, STATE) === 0) {
      queue = [];
      return false;
    }
    let written = Atomics.load(control, WRITE) >>> 0;
    let wrote = false;
    while (queue.length > 0) {
      const record = queue[0]!;
      const free = capacity - ((written - (Atomics.load(control, READ) >>> 0)) >>> 0);
      if (record.length > free) break;
      copyIn(written, record);
      written = (written + record.length) >>> 0;
      queue.shift();
      wrote = true;
    }
    if (wrote) {
      Atomics.store(control, WRITE, written | 0);
      signal(control);
    }
    if (queue.length > 0 && !retrying) {
      retrying = true;
      retry(pump);
    }
    return queue.length === 0;
  };
  return {
    control,
    write(seq, frame) {
      if (Atomics.load(control, STATE) === 0) return false;
      if (queue.length === 0) {
        // The fast path: encode in place when the largest possible record fits before the end.
        const written = Atomics.load(control, WRITE) >>> 0;
        const start = written & (capacity - 1);
        const free = capacity - ((written - (Atomics.load(control, READ) >>> 0)) >>> 0);
        const room = Math.min(free, capacity - start) - RECORD_HEADER;
        const worst = frame.length * 3; // UTF-8 bytes per UTF-16 code unit, at most
        if (worst <= room) {
          const at = start + RECORD_HEADER;
          let length: number;
          if (direct) {
            length = encoder.encodeInto(frame, ring.subarray(at, at + worst)).written;
          } else {
            if (scratch.length < worst) scratch = new Uint8Array(2 ** Math.ceil(Math.log2(worst)));
            length = encoder.encodeInto(frame, scratch).written;
            ring.set(scratch.subarray(0, length), at);
          }
          view.setFloat64(start, seq);
          view.setUint32(start + 8, length);
          Atomics.store(control, WRITE, (written + RECORD_HEADER + length) | 0);
          signal(control);
          return Atomics.load(control, STATE) !== 0;
        }
      }
      const bytes = encoder.encode(frame);
      const tooLarge = RECORD_HEADER + bytes.length > capacity;
      const record = new Uint8Array(RECORD_HEADER + (tooLarge ? 0 : bytes.length));
      const header = new DataView(record.buffer);
      header.setFloat64(0, seq);
      header.setUint32(8, tooLarge ? TOO_LARGE : bytes.length);
      if (!tooLarge) record.set(bytes, RECORD_HEADER);
      queue.push(record);
      // Taken only when it went in now, whole; a too-large marker or a queued record is not.
      const empty = !retrying && pump();
      return empty && !tooLarge && Atomics.load(control, STATE) !== 0;
    },
    close() {
      queue = [];
    },
  };
}

/** Whether `encodeInto` may write into a view of shared memory here (Node yes, browsers no). */
function encodesIntoShared(ring: Uint8Array): boolean {
  try {
    encoder.encodeInto('', ring.subarray(0, 0));
    return true;
  } catch {
    return false;
  }
}

/** Whether a peer's block expects copies on a MessagePort rather than in its ring. */
export function usesPortLane(buffer: SharedArrayBuffer): boolean {
  return new Int32Array(buffer, 0, HEADER_BYTES / 4)[CAPACITY] === 0;
}

/** The owner's reader over a lane port, drained synchronously with Node's `receiveMessageOnPort`. */
export function portReader(buffer: SharedArrayBuffer, port: LanePort, receive: ReceiveMessageOnPort): LaneReader {
  const control = new Int32Array(buffer, 0, HEADER_BYTES / 4);
  return {
    control,
    drain(onRecord) {
      for (let got = receive(port); got !== undefined; got = receive(port)) {
        const record = got.message as { seq?: unknown; frame?: unknown } | null;
        if (typeof record === 'object' && record !== null && typeof record.seq === 'number' && typeof record.frame === 'string') {
          onRecord(record.seq, record.frame);
        }
      }
    },
    close: () => port.close(),
  };
}

/** The peer's writer into the owner's lane port. */
export function portWriter(buffer: SharedArrayBuffer, port: LanePort): LaneWriter {
  const control = new Int32Array(buffer, 0, HEADER_BYTES / 4);
  return {
    control,
    write(seq, frame) {
      if (Atomics.load(control, STATE) === 0) return false;
      port.postMessage({ seq, frame });
      signal(control);
      return Atomics.load(control, STATE) !== 0;
    },
    close: () => port.close(),
  };
}
