// The short version of `npm run soak`: real worker_threads renderers over MessagePorts, mixed
// send / invoke / sendSync, exactly once and in order per renderer; and 100 renderers on one main.
import { runSoak } from './soakScenario.js';

describe('soak (short)', () => {
  it('should deliver 40 000 mixed messages from 4 worker renderers exactly once and in order', async () => {
    const result = await runSoak({ workers: 2, renderersPerWorker: 2, messagesPerRenderer: 10_000 });
    expect(result.outOfOrder).toEqual([]);
    expect(result.incomplete).toEqual([]);
    expect(result.wrongAnswers).toBe(0);
    expect(result.messages).toBe(40_000);
    expect(result.destroyed).toBe(4);
  }, 60_000);

  it('should serve 100 renderers on one main', async () => {
    const result = await runSoak({ workers: 4, renderersPerWorker: 25, messagesPerRenderer: 200 });
    expect(result.outOfOrder).toEqual([]);
    expect(result.incomplete).toEqual([]);
    expect(result.wrongAnswers).toBe(0);
    expect(result.messages).toBe(20_000);
    expect(result.destroyed).toBe(100);
  }, 60_000);

  it('should keep serving the other renderers when a worker is terminated mid-traffic', async () => {
    const result = await runSoak({ workers: 3, renderersPerWorker: 2, messagesPerRenderer: 5_000, terminateFirstWorkerAt: 2_000 });
    expect(result.lost).toBe(2);
    expect(result.lostWorkerHandled).toBeGreaterThanOrEqual(2_000); // it really died mid-traffic
    expect(result.lostWorkerHandled).toBeLessThan(10_000);
    expect(result.outOfOrder).toEqual([]);
    expect(result.incomplete).toEqual([]);
    expect(result.wrongAnswers).toBe(0);
    // Every connection ends: the 4 survivors close, the 2 lost ones are detected as gone.
    expect(result.destroyed).toBe(6);
  }, 60_000);
});
