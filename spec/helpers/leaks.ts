// Leak check run after every spec (Node and Chromium): every facade a spec creates through
// `createTestIpc` / `trackFacade` must end with no pending call, no running handler, and, once
// closed, no live channel subscription; and no timer the spec started may still be live (Node
// counts its own; a browser cannot, so this file counts the timers of this window itself, see
// `browserTimers`). A spec that leaks fails with the list of what leaked.
import { createIpc, liveChannelSubscriptions, type CreateIpcOptions, type EmbeddedIpc } from '../../src/index.js';

interface Closable {
  close(): void;
  readonly pendingCount?: number;
}

const tracked: Array<{ label: string; facade: Closable }> = [];
let baseline = 0;
let timersBefore = 0;

/**
 * In a browser, which offers no way to list live timers: wraps this window's `setTimeout`,
 * `setInterval` and their `clear*` so that the ids of timers not yet fired or cleared are known.
 * Installed when this helper loads, before any spec runs; Jasmine keeps the functions it found
 * when it booted, so its own timers are not counted. `undefined` in Node.
 */
const browserTimers = ((): Set<unknown> | undefined => {
  const g = globalThis as unknown as {
    process?: { getActiveResourcesInfo?: unknown };
    setTimeout: (handler: unknown, ms?: number, ...args: unknown[]) => unknown;
    setInterval: (handler: unknown, ms?: number, ...args: unknown[]) => unknown;
    clearTimeout: (id: unknown) => void;
    clearInterval: (id: unknown) => void;
  };
  if (typeof g.process?.getActiveResourcesInfo === 'function') return undefined;
  const live = new Set<unknown>();
  const { setTimeout: realSetTimeout, setInterval: realSetInterval, clearTimeout: realClearTimeout, clearInterval: realClearInterval } = g;
  g.setTimeout = function (handler: unknown, ms?: number, ...args: unknown[]) {
    const id = realSetTimeout.call(
      globalThis,
      typeof handler === 'function'
        ? (...callArgs: unknown[]) => {
            live.delete(id);
            return (handler as (...a: unknown[]) => unknown)(...callArgs);
          }
        : handler,
      ms,
      ...args,
    );
    if (typeof handler === 'function') live.add(id);
    return id;
  };
  g.setInterval = function (handler: unknown, ms?: number, ...args: unknown[]) {
    const id = realSetInterval.call(globalThis, handler, ms, ...args);
    live.add(id);
    return id;
  };
  g.clearTimeout = function (id: unknown) {
    live.delete(id);
    realClearTimeout.call(globalThis, id);
  };
  g.clearInterval = function (id: unknown) {
    live.delete(id);
    realClearInterval.call(globalThis, id);
  };
  return live;
})();

/** Live timers (and, in Node, immediates). */
function liveTimers(): number {
  if (browserTimers !== undefined) return browserTimers.size;
  const info = (globalThis as unknown as { process: { getActiveResourcesInfo(): string[] } }).process.getActiveResourcesInfo();
  return info.filter((r) => r === 'Timeout' || r === 'Immediate').length;
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
  // Closing may finish on a timer of its own: an endpoint transport waits up to its closeTimeout
  // (1 s by default) for the peer's goodbye, which a crashed peer never sends.
  for (let i = 0; i < 150 && liveTimers() > timersBefore; i++) await settle(10);
  const extra = liveTimers() - timersBefore;
  if (extra > 0) leaks.push(`${extra} timer(s) still live after the spec and its facades ended`);
  if (leaks.length > 0) fail(`Leak check: ${leaks.join('; ')}`);
});
