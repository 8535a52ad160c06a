// Large payloads, round trip (issue 4): a 1 MB string and 1 MB of JSON objects sent with invoke to
// an echo handler and back, over one MessageChannel with both ends in this thread. rxipc invoke ↔
// handle over messagePortTransport vs the hand-rolled id correlation on the raw ports with
// JSON.stringify / JSON.parse on each side (see ../fixtures/rpcPeers.ts).
import type { CodecOptions } from '../../src/index.js';
import { handRolledPeer, rxipcPeer, type RpcPeer } from '../fixtures/rpcPeers.js';
import { rowsPayload, stringPayload } from '../fixtures/payloads.js';
import { consume, quick, runSuite, type BenchCase, type BenchRow } from '../harness.js';

const MB = 1024 * 1024;
const echo = (value: unknown): unknown => value;

function cases(payload: unknown, codec: CodecOptions = {}): BenchCase[] {
  return (
    [
      ['rxipc', (fn: typeof echo) => rxipcPeer(fn, codec)],
      ['raw MessagePort+JSON', handRolledPeer],
    ] as const
  ).map(([name, create]) => {
    let peer: RpcPeer;
    return {
      name,
      setup: () => void (peer = create(echo)),
      run: async (ops) => {
        for (let i = 0; i < ops; i++) consume(await peer.call(payload));
      },
      teardown: () => peer.close(),
    };
  });
}

const ops = quick ? 4 : 10;
const rows: BenchRow[] = [
  { row: 'invoke round trip, 1 MB string', ops, cases: cases(stringPayload(MB)) },
  { row: 'invoke round trip, 1 MB of JSON objects', ops, cases: cases(rowsPayload(MB)) },
  // The same with the depth check off (maxDepth: Infinity), as for a peer trusted like one's own
  // code: what the default's protection costs (docs/semantics.md).
  { row: 'invoke round trip, 1 MB of JSON objects, maxDepth ∞', ops, cases: cases(rowsPayload(MB), { maxDepth: Infinity }) },
];

await runSuite('large payloads (same thread)', rows, { rounds: quick ? 5 : 11, warmup: quick ? 1 : 2 });
