import { map } from 'rxjs';
import type { TestIpcRequest } from '../src/testing/index.js';
import { createTestScheduler, errorShape, trackedTestRenderer } from './support.js';

describe('TestTransport (marbles)', () => {
  it('should deliver streamed answers latency frames after they are given, in order', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const { transport, ipcRenderer } = trackedTestRenderer({ scheduler: testScheduler, latency: 2 });
      let request: TestIpcRequest | undefined;
      const answers = hot('-a-bc--');
      const expected = '---a-b(c|)';
      answers.subscribe((step) => {
        request ??= transport.expectOne({ kind: 'invoke-stream', channel: 'load' });
        if (step === 'a') request.next('a');
        if (step === 'b') request.next('b');
        if (step === 'c') request.flush('c');
      });
      expectObservable(ipcRenderer.invoke$('load')).toBe(expected);
    });
  });

  it('should deliver send() messages to channel subscribers after the answers given before them', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const { transport, ipcRenderer } = trackedTestRenderer({ scheduler: testScheduler, latency: 1 });
      ipcRenderer.invoke$('load').subscribe();
      const trigger = hot('--x--');
      const expected = '---a-';
      trigger.subscribe(() => {
        transport.expectOne({ kind: 'invoke-stream', channel: 'load' }).flush('loaded');
        transport.send('changed', 'after load');
      });
      expectObservable(ipcRenderer.channel('changed').pipe(map(({ args }) => args[0]))).toBe(expected, { a: 'after load' });
    });
  });

  it('should mark a request cancelled in the frame the renderer unsubscribes', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const { transport, ipcRenderer } = trackedTestRenderer({ scheduler: testScheduler, latency: 1 });
      const sub = '^--!';
      const probe = cold('-a-b|');
      expectObservable(ipcRenderer.invoke$('load'), sub).toBe('----');
      expectObservable(probe.pipe(map(() => transport.sent[0]?.cancelled))).toBe('-a-b|', { a: false, b: true });
    });
  });

  it("should error a live invoke$ with the test's error, latency frames after error()", () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const { transport, ipcRenderer } = trackedTestRenderer({ scheduler: testScheduler, latency: 2 });
      const trigger = hot('-x---');
      const expected = '---#';
      trigger.subscribe(() =>
        transport.expectOne({ kind: 'invoke-stream', channel: 'load' }).error(Object.assign(new Error('denied'), { code: 'EACCES' })),
      );
      expectObservable(ipcRenderer.invoke$('load').pipe(errorShape())).toBe(expected, undefined, {
        name: 'Error',
        message: "Error invoking remote method 'load': Error: denied",
        code: 'EACCES',
      });
    });
  });

  it('should complete channels and error live calls latency frames after disconnect()', () => {
    const testScheduler = createTestScheduler();
    testScheduler.run(({ hot, expectObservable }) => {
      const { transport, ipcRenderer } = trackedTestRenderer({ scheduler: testScheduler, latency: 1 });
      const trigger = hot('--x--');
      const channel = '---|';
      const call = '---#';
      trigger.subscribe(() => transport.disconnect('main crashed'));
      expectObservable(ipcRenderer.channel('changed')).toBe(channel);
      expectObservable(ipcRenderer.invoke$('load').pipe(errorShape())).toBe(call, undefined, {
        name: 'IpcClosedError',
        message: "The connection to the main side was lost while 'load' was pending",
        code: 'ERR_IPC_CLOSED',
      });
    });
  });
});
