// EventEmitter core vs node:events, eventemitter3 and tseep (issue 4, first row).
import { EventEmitter as NodeEmitter } from 'node:events';
import { EventEmitter as EE3 } from 'eventemitter3';
import { EventEmitter as TseepEmitter } from 'tseep';
import { EventEmitter } from '../../src/core/EventEmitter.js';
import { consume, quick, runSuite, type BenchCase, type BenchRow } from '../harness.js';

type Emitter = {
  on(name: string, fn: (...a: any[]) => void): unknown;
  off(name: string, fn: (...a: any[]) => void): unknown;
  once(name: string, fn: (...a: any[]) => void): unknown;
  emit(name: string, ...a: any[]): unknown;
};

const impls: Array<[string, () => Emitter]> = [
  ['rxipc', () => new EventEmitter() as unknown as Emitter],
  ['node:events', () => new NodeEmitter() as unknown as Emitter],
  ['eventemitter3', () => new EE3() as unknown as Emitter],
  ['tseep', () => new TseepEmitter() as unknown as Emitter],
];

const N = quick ? 200_000 : 1_000_000;
const listener0 = (): void => consume(1);
const listener1 = (a: number): void => consume(a);
const listener3 = (a: number, b: number, c: number): void => consume(a + b + c);

function emitRow(listeners: number, args: 0 | 1 | 3): BenchRow {
  return {
    row: `emit, ${listeners} listener${listeners > 1 ? 's' : ''}, ${args} arg${args === 1 ? '' : 's'}`,
    ops: N,
    cases: impls.map(([name, make]): BenchCase => {
      const ee = make();
      const fn = args === 0 ? listener0 : args === 1 ? listener1 : listener3;
      for (let i = 0; i < listeners; i++) ee.on('e', fn);
      return {
        name,
        run:
          args === 0
            ? (ops) => {
                for (let i = 0; i < ops; i++) ee.emit('e');
              }
            : args === 1
              ? (ops) => {
                  for (let i = 0; i < ops; i++) ee.emit('e', i);
                }
              : (ops) => {
                  for (let i = 0; i < ops; i++) ee.emit('e', i, 1, 2);
                },
      };
    }),
  };
}

const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const rows: BenchRow[] = [
  emitRow(1, 0),
  emitRow(1, 1),
  emitRow(1, 3),
  emitRow(10, 0),
  emitRow(10, 1),
  emitRow(10, 3),
  {
    row: 'emit cycling over 8 event names, 1 arg',
    ops: N,
    cases: impls.map(([name, make]) => {
      const ee = make();
      for (const n of names) ee.on(n, listener1);
      return {
        name,
        run: (ops: number) => {
          for (let i = 0; i < ops; i++) ee.emit(names[i & 7]!, i);
        },
      };
    }),
  },
  {
    row: 'on + off pair',
    ops: N,
    cases: impls.map(([name, make]) => {
      const ee = make();
      ee.on('e', listener0); // one resident listener, as in real use
      return {
        name,
        run: (ops: number) => {
          for (let i = 0; i < ops; i++) {
            ee.on('e', listener1);
            ee.off('e', listener1);
          }
        },
      };
    }),
  },
  {
    row: 'once + emit',
    ops: N,
    cases: impls.map(([name, make]) => {
      const ee = make();
      return {
        name,
        run: (ops: number) => {
          for (let i = 0; i < ops; i++) {
            ee.once('e', listener1);
            ee.emit('e', i);
          }
        },
      };
    }),
  },
];

await runSuite('EventEmitter core', rows);
