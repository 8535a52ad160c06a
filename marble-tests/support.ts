// Shared by the marble tests: a fresh TestScheduler per test, and the kit's factories with every
// facade they create registered with the leak check of spec/helpers/leaks.ts.
import { catchError, throwError, type MonoTypeOperatorFunction } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { IpcRenderer } from '../src/index.js';
import { createMarbleIpc, TestTransport, type MarbleIpc, type MarbleIpcOptions, type TestTransportOptions } from '../src/testing/index.js';
import { trackFacade } from '../spec/helpers/leaks.js';

/** A new TestScheduler comparing with Jasmine's deep equality. */
export function createTestScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** `createMarbleIpc` whose four ends are leak-checked and closed after the spec. */
export function trackedMarbleIpc(options: MarbleIpcOptions): MarbleIpc {
  const ipc = createMarbleIpc(options);
  trackFacade('ipcRenderer', ipc.ipcRenderer);
  trackFacade('webContents', ipc.webContents);
  trackFacade('host', ipc.host);
  trackFacade('ipcMain', ipc.ipcMain);
  return ipc;
}

/** A `TestTransport` and the leak-checked `IpcRenderer` on it. */
export function trackedTestRenderer(options: TestTransportOptions): { transport: TestTransport; ipcRenderer: IpcRenderer } {
  const transport = new TestTransport(options);
  const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(transport));
  return { transport, ipcRenderer };
}

/** The comparable part of an error, for the error value of a marble diagram. */
export interface ErrorShape {
  name: string;
  message: string;
  code?: unknown;
}

/** Replaces an error notification's Error by its `ErrorShape`, so marbles compare name, message and code. */
export function errorShape<T>(): MonoTypeOperatorFunction<T> {
  return catchError((error: unknown) => {
    const e = error as { name?: unknown; message?: unknown; code?: unknown };
    const shape: ErrorShape = { name: String(e.name), message: String(e.message) };
    if (e.code !== undefined) shape.code = e.code;
    return throwError(() => shape);
  });
}
