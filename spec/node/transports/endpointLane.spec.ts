// The blocking lane of createEndpointTransport across a real worker_threads boundary, at the edge
// of a blocking call (see spec/node/fixtures/endpoint-lane-worker.ts).
import { createEndpointTransport } from '../../../src/endpoint/createEndpointTransport.js';
import type { SubjectLike } from '../../../src/contract/SubjectLike.js';
import { startWorker, type StartedWorker } from '../fixtures/workerHarness.js';

describe('createEndpointTransport (blocking lane)', () => {
  let started: StartedWorker | undefined;
  let transport: SubjectLike<string> | undefined;

  afterEach(async () => {
    transport?.complete();
    if (started !== undefined) {
      await started.worker.terminate();
      await started.exited;
    }
    started = undefined;
    transport = undefined;
  });

  for (const lane of ['port', 'ring'] as const) {
    it(`should deliver, after the call, frames the lane took while the blocked side was finishing (${lane} lane)`, async () => {
      const gate = new SharedArrayBuffer(4);
      const flag = new Int32Array(gate);
      started = startWorker('./endpoint-lane-worker.ts', { gate, lane });
      const { worker } = started;
      const main = createEndpointTransport({
        post: (message, transfer) => worker.postMessage(message, (transfer ?? []) as never),
        listen: (onMessage, onLost) => {
          const exit = (): void => onLost();
          worker.on('message', onMessage);
          worker.on('exit', exit);
          return () => {
            worker.off('message', onMessage);
            worker.off('exit', exit);
          };
        },
      });
      transport = main;
      const requests: string[] = [];
      main.subscribe({ next: (frame) => requests.push(frame) });
      // Answers each request at once; sends more when the worker holds the reply in its hands.
      main.subscribe({ next: (frame) => main.next(frame.replace('request', 'reply')) });
      worker.on('message', (message: { report?: string; round?: number }) => {
        if (message.report !== 'hold') return;
        const round = message.round!;
        main.next(`after ${round}.a`);
        main.next(`after ${round}.b`);
        Atomics.store(flag, 0, round);
        Atomics.notify(flag, 0);
      });
      await started.report('started');
      for (let round = 1; round <= 3; round++) {
        worker.postMessage({ go: round });
        const result = await started.report('round');
        expect(result).toEqual({ report: 'round', round, reply: `reply ${round}`, received: [`after ${round}.a`, `after ${round}.b`] });
      }
      expect(requests).toEqual(['request 1', 'request 2', 'request 3']);
    });
  }
});
