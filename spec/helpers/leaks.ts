// Leak check run after every spec (Node and Chromium): every facade a spec creates through
// `createTestIpc` / `trackFacade` must end with no pending call, no running handler, and, once
// closed, no live channel subscription; in Node, no timer the spec started may still be live
// (browsers offer no way to count timers). A spec that leaks fails with the list of what leaked.
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
let timersBefore = 0;

/** Live timers and immediates, where the platform can tell (Node); -1 elsewhere. */
function liveTimers(): number {
  const info = (globalThis as { process?: { getActiveResourcesInfo?: () => string[] } }).process?.getActiveResourcesInfo;
  if (typeof info !== 'function') return -1;
  return info().filter((r) => r === 'Timeout' || r === 'Immediate').length;
}

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
  timersBefore = liveTimers();
});

afterEach(async () => {
  const leaks: string[] = [];
  for (const { label, facade } of tracked) {
    if (facade.pendingCount) leaks.push(`${label} has ${facade.pendingCount} pending call(s)`);
  }
  for (const { facade } of tracked) facade.close();
  tracked.length = 0;
  const live = liveChannelSubscriptions() - baseline;
  if (live !== 0) leaks.push(`${live} channel subscription(s) still live after every facade closed`);
  if (timersBefore >= 0) {
    // Closing may finish on a timer of its own: an endpoint transport waits up to its closeTimeout
    // (1 s by default) for the peer's goodbye, which a crashed peer never sends.
    for (let i = 0; i < 150 && liveTimers() > timersBefore; i++) await settle(10);
    const extra = liveTimers() - timersBefore;
    if (extra > 0) leaks.push(`${extra} timer(s) still live after the spec and its facades ended`);
  }
  if (leaks.length > 0) fail(`Leak check: ${leaks.join('; ')}`);
});
