// invoke round trip over one MessageChannel (issue 4), both ends in this thread (so the figure is
// the whole CPU cost of a call, client and server, without thread wake-ups): rxipc invoke ↔ handle
// over messagePortTransport vs a hand-rolled id correlation on the raw ports (JSON text), birpc and
// comlink. Sequential: each call awaits the previous one. 100 in flight: batches of 100 calls
// awaited together.
import { consume, quick, runSuite, type BenchCase, type BenchRow } from '../harness.js';
import { peers, type RpcPeer } from '../fixtures/rpcPeers.js';

const add = (a: number, b: number): number => a + b;

function cases(run: (peer: RpcPeer, ops: number) => Promise<void>): BenchCase[] {
  return peers.map(([name, create]) => {
    let peer: RpcPeer;
    return {
      name,
      setup: () => void (peer = create(add as (...args: any[]) => unknown)),
      run: (ops) => run(peer, ops),
      teardown: () => peer.close(),
    };
  });
}

async function sequential(peer: RpcPeer, ops: number): Promise<void> {
  for (let i = 0; i < ops; i++) consume(await peer.call(i, 1));
}

async function inFlight(peer: RpcPeer, ops: number): Promise<void> {
  const batch: Array<Promise<unknown>> = new Array(100);
  for (let done = 0; done < ops; done += 100) {
    for (let j = 0; j < 100; j++) batch[j] = peer.call(done + j, 1);
    for (const value of await Promise.all(batch)) consume(value);
  }
}

const rows: BenchRow[] = [
  { row: 'invoke round trip, sequential', ops: quick ? 1_000 : 4_000, cases: cases(sequential) },
  { row: 'invoke round trip, 100 in flight', ops: quick ? 5_000 : 20_000, cases: cases(inFlight) },
];

await runSuite('invoke over one MessageChannel (same thread)', rows);
