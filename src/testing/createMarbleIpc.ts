import type { SchedulerLike } from 'rxjs';
import { createIpc, type CreateIpcOptions, type EmbeddedIpc } from '../createIpc.js';

/** Options of `createMarbleIpc`: those of `createIpc`, with delivery meant for virtual time. */
export interface MarbleIpcOptions extends CreateIpcOptions {
  /**
   * The scheduler that delivers every frame, both ways. Pass the `TestScheduler` whose `run` you
   * are in; inside `run` the default is virtual too.
   * @default asapScheduler
   */
  scheduler?: SchedulerLike;
  /**
   * Virtual milliseconds (frames of a marble diagram) between sending a frame and its delivery.
   * A request and its answer each take `latency`, so an `invoke$` answered at once arrives
   * `2 * latency` after the subscription.
   * @default 0
   */
  latency?: number;
}

/** What `createMarbleIpc` returns: the four ends of `createIpc`, and one `close()` for all of them. */
export interface MarbleIpc extends EmbeddedIpc {
  /** Closes the renderer, its `WebContents`, the host and `ipcMain`. Idempotent. */
  close(): void;
}

/**
 * Creates a connected renderer, main side and host whose delivery runs on a scheduler, for marble
 * tests: inside `TestScheduler.run`, every frame arrives `latency` virtual milliseconds after it
 * was sent, in order, so an app's effect that sends and listens can be described with marble
 * diagrams. It is `createIpc` with a `close()` that tears the four ends down, and a check that the
 * latency is a whole number of frames. Main-side handlers should answer with values or
 * Observables (`of`, `timer`, `cold(...)`): Promises settle outside virtual time.
 *
 * ## Example
 * ```ts
 * import { TestScheduler } from 'rxjs/testing';
 * import { map, timer } from 'rxjs';
 * import { createMarbleIpc } from 'rxipc/testing';
 *
 * const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
 * testScheduler.run(({ expectObservable }) => {
 *   const ipc = createMarbleIpc({ scheduler: testScheduler, latency: 1 });
 *   ipc.ipcMain.handle('double', (_event, n: number) => timer(2).pipe(map(() => n * 2)));
 *   // request: 1 frame; handler: 2 frames; answer: 1 frame.
 *   expectObservable(ipc.ipcRenderer.invoke$('double', 21)).toBe('----(a|)', { a: 42 });
 * });
 * ```
 *
 * @param options The scheduler and latency of delivery, and `createIpc`'s other options.
 * @returns `{ ipcMain, ipcRenderer, webContents, host, close }`.
 * @throws RangeError when `latency` is not a non-negative whole number.
 * @see TestTransport, createIpc
 */
export function createMarbleIpc(options: MarbleIpcOptions = {}): MarbleIpc {
  const latency = options.latency;
  if (latency !== undefined && !(Number.isInteger(latency) && latency >= 0)) {
    throw new RangeError(`createMarbleIpc: latency must be a non-negative whole number of frames, received ${String(latency)}`);
  }
  const ipc = createIpc(options);
  return {
    ...ipc,
    close: () => {
      ipc.ipcRenderer.close();
      ipc.webContents.close();
      ipc.host.close();
      ipc.ipcMain.close();
    },
  };
}
