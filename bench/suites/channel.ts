// channel() fan-out vs a raw EventEmitter listener and fromEvent(ee).pipe(share()) (issue 4).
import { EventEmitter as NodeEmitter } from 'node:events';
import { fromEvent, share, type Subscription } from 'rxjs';
import { IpcMain } from '../../src/index.js';
import { EventEmitter } from '../../src/core/EventEmitter.js';
import { consume, quick, runSuite, type BenchCase, type BenchRow } from '../harness.js';

const N = quick ? 100_000 : 500_000;
const event = { sender: null };

function row(subscribers: number): BenchRow {
  let subs: Subscription[] = [];
  const ipcMain = new IpcMain();
  const raw = new EventEmitter();
  const node = new NodeEmitter();
  const cases: BenchCase[] = [
    {
      name: 'rxipc',
      setup: () => {
        for (let i = 0; i < subscribers; i++) subs.push(ipcMain.channel('c').subscribe(({ args }) => consume(args[0])));
      },
      // An incoming message is delivered to the channel's listeners, as the facades do.
      run: (ops) => {
        for (let i = 0; i < ops; i++) ipcMain.emit('c', event, i);
      },
      teardown: () => {
        subs.forEach((s) => s.unsubscribe());
        subs = [];
      },
    },
    {
      name: 'raw EventEmitter listener',
      setup: () => {
        for (let i = 0; i < subscribers; i++) raw.on('c', (_e: unknown, a: number) => consume(a));
      },
      run: (ops) => {
        for (let i = 0; i < ops; i++) raw.emit('c', event, i);
      },
    },
    {
      name: 'fromEvent+share',
      setup: () => {
        const shared = fromEvent(node, 'c', (_e: unknown, a: number) => a).pipe(share());
        for (let i = 0; i < subscribers; i++) subs.push(shared.subscribe((a) => consume(a)));
      },
      run: (ops) => {
        for (let i = 0; i < ops; i++) node.emit('c', event, i);
      },
    },
  ];
  return { row: `one message to ${subscribers} subscriber${subscribers > 1 ? 's' : ''}`, ops: N, cases };
}

await runSuite('channel fan-out', [row(1), row(10)]);
