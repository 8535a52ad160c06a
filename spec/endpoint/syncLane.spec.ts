// The shared ring of the blocking nextSync, writer and reader in one thread (Node and Chromium).
import { createSyncBlock, ringReader, ringWriter, STATE } from '../../src/endpoint/syncLane.js';

describe('syncLane (ring)', () => {
  function lane(capacity: number) {
    const block = createSyncBlock(capacity);
    const retries: Array<() => void> = [];
    const writer = ringWriter(block, (again) => retries.push(again));
    const reader = ringReader(block);
    const read = (): Array<[number, string | undefined]> => {
      const got: Array<[number, string | undefined]> = [];
      reader.drain((seq, frame) => got.push([seq, frame]));
      return got;
    };
    return { writer, reader, read, retries };
  }

  it('should carry records in order across many wrap-arounds, with non-ASCII text intact', () => {
    const { writer, reader, read } = lane(64);
    Atomics.store(reader.control, STATE, 1);
    const got: Array<[number, string | undefined]> = [];
    for (let seq = 0; seq < 200; seq++) {
      writer.write(seq, `é${seq}✓`);
      if (seq % 3 === 2) got.push(...read());
    }
    got.push(...read());
    expect(got).toEqual(Array.from({ length: 200 }, (_, seq) => [seq, `é${seq}✓`] as [number, string]));
  });

  it('should mark a frame larger than the ring as too large, and carry the next ones', () => {
    const { writer, reader, read } = lane(64);
    Atomics.store(reader.control, STATE, 1);
    writer.write(0, 'x'.repeat(100));
    writer.write(1, 'small');
    expect(read()).toEqual([
      [0, undefined],
      [1, 'small'],
    ]);
  });

  it('should hold a record that does not fit yet until the reader makes room', () => {
    const { writer, reader, read, retries } = lane(64);
    Atomics.store(reader.control, STATE, 1);
    writer.write(0, 'a'.repeat(40));
    writer.write(1, 'b'.repeat(40)); // does not fit behind the first
    expect(retries.length).toBe(1);
    expect(read()).toEqual([[0, 'a'.repeat(40)]]);
    retries.shift()!();
    expect(read()).toEqual([[1, 'b'.repeat(40)]]);
  });

  it('should copy nothing, and drop what waits, while the reader is not blocked', () => {
    const { writer, reader, read, retries } = lane(64);
    writer.write(0, 'ignored');
    expect(read()).toEqual([]);
    Atomics.store(reader.control, STATE, 1);
    writer.write(1, 'a'.repeat(40));
    writer.write(2, 'b'.repeat(40));
    Atomics.store(reader.control, STATE, 0);
    retries.shift()!();
    expect(read()).toEqual([[1, 'a'.repeat(40)]]);
  });

  it('should say which frames the reader is sure to get: only those written whole while it is blocked', () => {
    const { writer, reader, read } = lane(64);
    expect(writer.write(0, 'not blocked')).toBe(false);
    Atomics.store(reader.control, STATE, 1);
    expect(writer.write(1, 'a'.repeat(10))).toBe(true);
    expect(writer.write(2, 'x'.repeat(100))).toBe(false); // too large: a marker only
    expect(writer.write(3, 'b'.repeat(40))).toBe(false); // does not fit yet: queued
    expect(writer.write(4, 'c')).toBe(false); // behind a queued record
    expect(read()).toEqual([
      [1, 'a'.repeat(10)],
      [2, undefined],
    ]);
  });

  it('should carry multi-byte text written in place and across the end of the ring alike', () => {
    const { writer, reader, read } = lane(128);
    Atomics.store(reader.control, STATE, 1);
    const frames = ['😀é✓ascii', '\u0000\uffff', 'x'.repeat(30), '日本語のテキスト', ''];
    const got: Array<[number, string | undefined]> = [];
    for (let seq = 0; seq < 60; seq++) {
      expect(writer.write(seq, frames[seq % frames.length]!)).toBe(true);
      got.push(...read());
    }
    expect(got).toEqual(Array.from({ length: 60 }, (_, seq) => [seq, frames[seq % frames.length]!] as [number, string]));
  });
});
