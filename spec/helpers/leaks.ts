// Leak check run after every spec (Node and Chromium): every facade a spec creates through
// `createTestIpc` / `trackFacade` must end with no pending call, no running handler, and, once
// closed, no live channel subscription. A spec that leaks fails with the list of what leaked.
import {
  createIpc,
  liveChannelSubscriptions,
  type CreateIpcOptions,
  type EmbeddedIpc,
} from '../../src/index.js';

interface Closable {
  close(): void;
  readonly pendingCount?: number;
}

const tracked: Array<{ label: string; facade: Closable }> = [];
let baseline = 0;

/** `createIpc` whose four ends are leak-checked and closed after the spec. */
export function createTestIpc(options?: CreateIpcOptions): EmbeddedIpc {
  const ipc = createIpc(options);
  trackFacade('ipcRenderer', ipc.ipcRenderer);
  trackFacade('webContents', ipc.webContents);
  trackFacade('host', ipc.host);
  trackFacade('ipcMain', ipc.ipcMain);
  return ipc;
}

/** Leak-checks and closes `facade` after the spec. */
export function trackFacade<T extends Closable>(label: string, facade: T): T {
  tracked.push({ label, facade });
  return facade;
}

/** Resolves after every queued microtask and macrotask of the memory transport has run. */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

beforeEach(() => {
  baseline = liveChannelSubscriptions();
});

afterEach(() => {
  const leaks: string[] = [];
  for (const { label, facade } of tracked) {
    if (facade.pendingCount) leaks.push(`${label} has ${facade.pendingCount} pending call(s)`);
  }
  for (const { facade } of tracked) facade.close();
  tracked.length = 0;
  const live = liveChannelSubscriptions() - baseline;
  if (live !== 0) leaks.push(`${live} channel subscription(s) still live after every facade closed`);
  if (leaks.length > 0) fail(`Leak check: ${leaks.join('; ')}`);
});
