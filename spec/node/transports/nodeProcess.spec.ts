import { fork } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstValueFrom, interval, map, take, toArray } from 'rxjs';
import {
  IpcClosedError,
  IpcError,
  IpcMain,
  IpcRenderer,
  IpcTimeoutError,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from '../../../src/index.js';
import { childProcessTransport, IpcBackpressureError, processTransport } from '../../../src/transports/nodeProcess/index.js';
import { trackFacade } from '../../helpers/leaks.js';
import { sendUntilRefused } from '../../helpers/backpressure.js';
import { forkChild, type ForkedChild } from '../fixtures/childHarness.js';

/** Resolves with the args of the first `'result'` message named `name`. */
function result(ipcMain: IpcMain, name: string): Promise<any> {
  return new Promise((resolve) => {
    const listener = (_event: IpcMainEvent, got: string, payload: unknown): void => {
      if (got !== name) return;
      ipcMain.removeListener('result', listener);
      resolve(payload);
    };
    ipcMain.on('result', listener);
  });
}

/** Resolves with the args of the next message on `channel`. */
function next(ipcMain: IpcMain, channel: string): Promise<{ event: IpcMainEvent; args: any[] }> {
  return new Promise((resolve) => ipcMain.once(channel, (event: IpcMainEvent, ...args: any[]) => resolve({ event, args })));
}

/** A main in this process serving the child-renderer fixture. */
function serveChildRenderer(): { ipcMain: IpcMain; webContents: WebContents; forked: ForkedChild } {
  const forked = forkChild('child-renderer');
  const ipcMain = trackFacade('ipcMain', new IpcMain());
  const webContents = trackFacade('webContents', ipcMain.connect(childProcessTransport(forked.child)));
  return { ipcMain, webContents, forked };
}

describe('childProcessTransport', () => {
  it('should carry send, webContents.send and event.reply between a parent main and a forked child renderer', async () => {
    const { ipcMain, webContents, forked } = serveChildRenderer();
    const ready = next(ipcMain, 'ready');
    const echoed = next(ipcMain, 'echoed');
    // Sent before the child has even started: kept until the handshake, then delivered.
    webContents.send('echo', 1, { a: [2, 'three'] }, null);
    const hello = await ready;
    expect(hello.args).toEqual([forked.child.pid]);
    expect(hello.event.sender).toBe(webContents);
    expect((await echoed).args).toEqual([1, { a: [2, 'three'] }, null]);

    ipcMain.on('ask', (event: IpcMainEvent, n: number) => event.reply('answer', n * 2));
    const relaying = result(ipcMain, 'relaying');
    webContents.send('relay', 'answer');
    await relaying;
    const relayed = next(ipcMain, 'relayed');
    webContents.send('send', 'ask', 21);
    expect((await relayed).args).toEqual(['answer', 42]);
  });

  it("should answer the child's invoke, and reject it with the main-side error's code", async () => {
    const { ipcMain, webContents } = serveChildRenderer();
    ipcMain.handle('sum', (_event: IpcMainInvokeEvent, a: number, b: number) => a + b);
    ipcMain.handle('fail', () => {
      throw Object.assign(new Error('nope'), { code: 'E_NOPE' });
    });
    let answer = result(ipcMain, 'invoked');
    webContents.send('invoke', 'sum', 2, 3);
    expect(await answer).toEqual({ value: 5 });
    answer = result(ipcMain, 'invoked');
    webContents.send('invoke', 'fail');
    expect(await answer).toEqual({
      error: { type: 'IpcRemoteError', name: 'Error', code: 'E_NOPE', message: "Error invoking remote method 'fail': Error: nope" },
    });
  });

  it("should stream invoke$ to the child and abort main's event.signal when the child unsubscribes", async () => {
    const { ipcMain, webContents } = serveChildRenderer();
    let aborted!: Promise<unknown>;
    ipcMain.handle('ticks', (event: IpcMainInvokeEvent) => {
      aborted = new Promise((resolve) => event.signal.addEventListener('abort', () => resolve(event.signal.reason)));
      return interval(2).pipe(map((i) => i * 10));
    });
    const streamed = result(ipcMain, 'streamed');
    webContents.send('stream', 'ticks', 3);
    expect(await streamed).toEqual({ values: [0, 10, 20] });
    const reason = await aborted;
    expect(reason).toBeInstanceOf(IpcError);
    expect((reason as IpcError).code).toBe('ERR_IPC_CANCELLED');
    expect(webContents.pendingCount).toBe(0);
  });

  it('should keep the order of many messages both ways', async () => {
    const { ipcMain, webContents } = serveChildRenderer();
    const count = 300;
    const fromChild = firstValueFrom(
      ipcMain.channel('seq').pipe(
        map(({ args }) => args[0] as number),
        take(count),
        toArray(),
      ),
    );
    const toChild = firstValueFrom(
      ipcMain.channel('echoed').pipe(
        map(({ args }) => args[0] as number),
        take(count),
        toArray(),
      ),
    );
    webContents.send('burst', 'seq', count);
    for (let i = 0; i < count; i++) webContents.send('echo', i);
    const expected = Array.from({ length: count }, (_, i) => i);
    expect(await fromChild).toEqual(expected);
    expect(await toChild).toEqual(expected);
  });

  it('should make sendSync in the child throw IpcSyncUnsupportedError, pointing to invoke', async () => {
    const { ipcMain, webContents } = serveChildRenderer();
    const sync = jasmine.createSpy('sync main listener');
    ipcMain.on('config', sync);
    const answer = result(ipcMain, 'sendSync');
    webContents.send('sendSync', 'config');
    const { error } = await answer;
    expect(error.name).toBe('IpcSyncUnsupportedError');
    expect(error.code).toBe('ERR_IPC_SYNC_UNSUPPORTED');
    expect(error.message).toContain("invoke('config'");
    expect(sync).not.toHaveBeenCalled();
  });

  it('should destroy the WebContents when the child closes its renderer, and let the child exit by itself', async () => {
    const { ipcMain, webContents, forked } = serveChildRenderer();
    await next(ipcMain, 'ready');
    const destroyed = new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
    webContents.send('close');
    await destroyed;
    expect(webContents.isDestroyed()).toBeTrue();
    expect(() => webContents.send('late')).toThrowError(IpcClosedError);
    expect(await forked.exited).toEqual({ code: 0, signal: null });
    expect(forked.lines).toContain({ ended: { sendAfterwards: jasmine.objectContaining({ name: 'IpcClosedError' }) } });
  });

  it("should reject the child's pending invoke with IpcClosedError when main closes, and let the child exit", async () => {
    const { ipcMain, webContents, forked } = serveChildRenderer();
    const started = new Promise<AbortSignal>((resolve) =>
      ipcMain.handle('never', (event: IpcMainInvokeEvent) => {
        resolve(event.signal);
        return new Promise(() => undefined);
      }),
    );
    const hanging = result(ipcMain, 'hanging');
    webContents.send('hang', 'never');
    const signal = await started;
    await hanging;
    webContents.close();
    expect(signal.aborted).toBeTrue();
    expect(await forked.exited).toEqual({ code: 0, signal: null });
    expect(forked.lines).toContain({
      hang: { error: jasmine.objectContaining({ name: 'IpcClosedError', code: 'ERR_IPC_CLOSED' }) },
    });
    expect(forked.lines).toContain({ ended: { sendAfterwards: jasmine.objectContaining({ name: 'IpcClosedError' }) } });
  });

  it('should destroy the WebContents, abort running handlers and refuse sends when the child is killed', async () => {
    const { ipcMain, webContents, forked } = serveChildRenderer();
    const started = new Promise<AbortSignal>((resolve) =>
      ipcMain.handle('never', (event: IpcMainInvokeEvent) => {
        resolve(event.signal);
        return new Promise(() => undefined);
      }),
    );
    webContents.send('hang', 'never');
    const signal = await started;
    const destroyed = jasmine.createSpy('destroyed');
    webContents.on('destroyed', destroyed);
    const gone = new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
    forked.child.kill('SIGKILL');
    await gone;
    expect(destroyed).toHaveBeenCalledTimes(1);
    expect(signal.aborted).toBeTrue();
    expect(webContents.pendingCount).toBe(0);
    expect(() => webContents.send('late')).toThrowError(IpcClosedError);
    expect(ipcMain.getAllWebContents()).not.toContain(webContents);
  });

  it('should deliver everything the child sent before it exited, then destroy the WebContents', async () => {
    const { ipcMain, webContents, forked } = serveChildRenderer();
    await next(ipcMain, 'ready');
    // Enough data that the child exits while much of it is still in the channel.
    const count = 200;
    const received: number[] = [];
    ipcMain.on('last', (_event: IpcMainEvent, i: number) => received.push(i));
    const destroyed = new Promise<void>((resolve) => webContents.once('destroyed', () => resolve()));
    webContents.send('burst-die', 'last', count, 8 * 1024);
    await destroyed;
    expect(received.length).toBe(count);
    expect(received).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(await forked.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it("should leave the application's own messages on the IPC channel alone", async () => {
    const { ipcMain, webContents, forked } = serveChildRenderer();
    const reported: IpcError[] = [];
    const errors = ipcMain.errors$.subscribe((e) => reported.push(e));
    const appMessages: unknown[] = [];
    forked.child.on('message', (message) => appMessages.push(message));
    await next(ipcMain, 'ready');
    forked.child.send({ app: 'hello' });
    forked.child.send('plain text');
    const echoed = next(ipcMain, 'echoed');
    webContents.send('echo', 'still fine');
    expect((await echoed).args).toEqual(['still fine']);
    expect(reported).toEqual([]);
    expect(appMessages.length).toBeGreaterThan(0);
    errors.unsubscribe();
  });

  it('should end with the spawn error as the cause when the child cannot start', async () => {
    const child = fork(fileURLToPath(import.meta.url), [], { execPath: '/nonexistent/node' });
    const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(childProcessTransport(child)));
    const error = await ipcRenderer.invoke('anything').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IpcClosedError);
    expect(((error as IpcClosedError).cause as { code?: string }).code).toBe('ENOENT');
  });

  it('should error with IpcTimeoutError when the child never answers the handshake', async () => {
    const forked = forkChild('child-silent');
    const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(childProcessTransport(forked.child, { handshakeTimeout: 300 })));
    const error = await ipcRenderer.invoke('anything').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IpcClosedError);
    expect((error as IpcClosedError).cause).toBeInstanceOf(IpcTimeoutError);
  });
});

describe('processTransport', () => {
  function rendererToChildMain(): { ipcRenderer: IpcRenderer; forked: ForkedChild } {
    const forked = forkChild('child-main');
    const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(childProcessTransport(forked.child)));
    return { ipcRenderer, forked };
  }

  it('should refuse sends with IpcBackpressureError while the child main stops reading, and send again once it catches up', async () => {
    const forked = forkChild('child-main');
    const highWaterMark = 256 * 1024;
    const transport = childProcessTransport(forked.child, { highWaterMark });
    const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(transport));
    expect(await ipcRenderer.invoke('sum', 1, 2)).toBe(3);
    const flag = path.join(os.tmpdir(), `rxipc-stall-${process.pid}-${Date.now()}`);
    try {
      ipcRenderer.send('stall', flag);
      await forked.line((line: { stalling?: boolean }) => line.stalling === true);
      const chunk = 'y'.repeat(16 * 1024);
      let sent = 0;
      const filled = await sendUntilRefused({
        send: (i) => ipcRenderer.send('load', i, chunk),
        measure: () => transport.bufferedAmount(),
        max: 4000,
        from: sent,
        between: () => new Promise((resolve) => setImmediate(resolve)), // the channel writes what it can
      });
      sent = filled.accepted;
      const { error: refusal, measured: unwrittenAtRefusal } = filled;
      expect(refusal).toBeInstanceOf(IpcBackpressureError);
      expect(unwrittenAtRefusal).toBeGreaterThanOrEqual(highWaterMark);
      expect(unwrittenAtRefusal).toBeLessThan(highWaterMark + chunk.length + 1024); // the mark plus one frame
      await expectAsync(ipcRenderer.invoke('sum', 1, 2)).toBeRejectedWithError(IpcBackpressureError);
      writeFileSync(flag, ''); // the child reads again
      await firstValueFrom(transport.drained());
      ipcRenderer.send('load', sent, chunk);
      sent++;
      expect(await ipcRenderer.invoke('loads')).toEqual(Array.from({ length: sent }, (_, i) => i));
    } finally {
      rmSync(flag, { force: true });
    }
  });

  it('should serve invoke and ordered replies from a main in the child', async () => {
    const { ipcRenderer, forked } = rendererToChildMain();
    expect(await ipcRenderer.invoke('sum', 20, 22)).toBe(42);
    expect(await ipcRenderer.invoke('pid')).toBe(forked.child.pid);
    const ordered = firstValueFrom(
      ipcRenderer.channel('ordered').pipe(
        map(({ args }) => args[0] as number),
        take(100),
        toArray(),
      ),
    );
    for (let i = 0; i < 100; i++) ipcRenderer.send('order', i);
    expect(await ordered).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it("should abort the child main's event.signal when the parent renderer unsubscribes from invoke$", async () => {
    const { ipcRenderer } = rendererToChildMain();
    const aborted = firstValueFrom(ipcRenderer.channel('aborted'));
    const values = await firstValueFrom(ipcRenderer.invoke$<string>('ticks', 't').pipe(take(3), toArray()));
    expect(values).toEqual(['t:0', 't:1', 't:2']);
    expect((await aborted).args).toEqual(['t']);
  });

  it('should reject pending invokes and error invoke$ streams with IpcClosedError when the child is killed', async () => {
    const { ipcRenderer, forked } = rendererToChildMain();
    expect(await ipcRenderer.invoke('sum', 1, 1)).toBe(2);
    const pending = ipcRenderer.invoke('never').then(
      () => undefined,
      (e: unknown) => e,
    );
    const stream = firstValueFrom(ipcRenderer.invoke$('ticks', 's').pipe(toArray())).then(
      () => undefined,
      (e: unknown) => e,
    );
    const channelDone = firstValueFrom(ipcRenderer.channel('never-sent').pipe(toArray()));
    forked.child.kill('SIGKILL');
    expect(await pending).toBeInstanceOf(IpcClosedError);
    expect(await stream).toBeInstanceOf(IpcClosedError);
    expect(await channelDone).toEqual([]);
    expect(() => ipcRenderer.send('late')).toThrowError(IpcClosedError);
    await expectAsync(ipcRenderer.invoke('sum', 1, 1)).toBeRejectedWithError(IpcClosedError);
  });

  it('should end the connection when the child exits on its own, and when its main closes it', async () => {
    const first = rendererToChildMain();
    expect(await first.ipcRenderer.invoke('sum', 1, 2)).toBe(3);
    const lost = firstValueFrom(first.ipcRenderer.channel('x').pipe(toArray()));
    first.ipcRenderer.send('exit', 7);
    expect(await lost).toEqual([]);
    expect(await first.forked.exited).toEqual({ code: 7, signal: null });

    const second = rendererToChildMain();
    const pending = second.ipcRenderer.invoke('never').then(
      () => undefined,
      (e: unknown) => e,
    );
    second.ipcRenderer.send('close');
    expect(await pending).toBeInstanceOf(IpcClosedError);
    // The child's main stopped listening on the channel, so the child exits by itself.
    expect(await second.forked.exited).toEqual({ code: 0, signal: null });
    expect(second.forked.lines).toEqual([{ destroyed: jasmine.any(Number) }]);
  });

  it('should close a renderer whose process has no IPC channel at once', async () => {
    // This test process was not forked: it has no process.send.
    expect(process.send).toBeUndefined();
    const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(processTransport(process)));
    await expectAsync(ipcRenderer.invoke('anything')).toBeRejectedWithError(IpcClosedError);
    expect(() => ipcRenderer.send('x')).toThrowError(IpcClosedError);
    expect(process.listenerCount('message')).toBe(0);
  });

  it("should let a child's renderer close itself while the parent keeps running", async () => {
    const { ipcRenderer, forked } = rendererToChildMain();
    expect(await ipcRenderer.invoke('sum', 2, 2)).toBe(4);
    ipcRenderer.close();
    expect(await forked.exited).toEqual({ code: 0, signal: null });
    expect(forked.lines).toEqual([{ destroyed: jasmine.any(Number) }]);
  });
});
