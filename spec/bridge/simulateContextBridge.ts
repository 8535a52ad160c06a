// A faithful stand-in for Electron's contextBridge, for specs that run without Electron (Node and
// Chromium). What `contextBridge.exposeInMainWorld(key, api)` does to an API, as documented and as
// electron/shell/renderer/api/electron_api_context_bridge.cc implements it:
//   - the API object is deep-copied into the other world and frozen;
//   - every function that crosses (in the API, in arguments, in return values, in either direction)
//     is replaced by a new proxy function, so identity never survives a crossing
//     (electron/electron#33328: removeListener(channel, fn) from the page never matches);
//   - every other value is copied: plain objects and arrays member by member (prototypes dropped),
//     other values with the structured clone algorithm (a Symbol cannot cross);
//   - a Promise crosses only as an argument or a return value, as a new Promise settled in the
//     destination world;
//   - an Error (thrown, returned or rejected) crosses as a bare `new Error(message)`: its class,
//     `name`, `code` and other fields are lost;
//   - a proxied function is called with `this` undefined.

/** How many proxies this simulated bridge has created (every crossing of a function creates one). */
export interface BridgeStats {
  proxies: number;
}

/**
 * Returns what the page would see of `api` after `contextBridge.exposeInMainWorld`.
 *
 * @param api The preload's API object.
 * @param stats Counts the function proxies created, if given.
 * @returns The frozen main-world copy.
 */
export function simulateContextBridge<T>(api: T, stats: BridgeStats = { proxies: 0 }): T {
  return deepFreeze(cross(api, true, stats, new Map())) as T;
}

function cross(value: unknown, top: boolean, stats: BridgeStats, seen: Map<object, unknown>): unknown {
  if (typeof value === 'function') return proxy(value as (...args: unknown[]) => unknown, stats);
  if (typeof value === 'symbol') throw new Error('An object could not be cloned.');
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Promise) {
    if (!top) return {};
    return new Promise((resolve, reject) => {
      value.then(
        (result) => {
          try {
            resolve(cross(result, true, stats, new Map()));
          } catch (error) {
            reject(crossError(error));
          }
        },
        (error: unknown) => reject(crossError(error)),
      );
    });
  }
  if (value instanceof Error) return crossError(value);
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(cross(item, false, stats, seen));
    return copy;
  }
  if (isCloneableBuiltin(value)) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const key of Object.keys(value)) copy[key] = cross((value as Record<string, unknown>)[key], false, stats, seen);
  return copy;
}

function proxy(fn: (...args: unknown[]) => unknown, stats: BridgeStats): (...args: unknown[]) => unknown {
  stats.proxies++;
  return function contextBridgeProxy(...args: unknown[]): unknown {
    let copied: unknown[];
    try {
      copied = args.map((arg) => cross(arg, true, stats, new Map()));
    } catch (error) {
      throw crossError(error);
    }
    let result: unknown;
    try {
      result = fn(...copied);
    } catch (error) {
      throw crossError(error);
    }
    return cross(result, true, stats, new Map());
  };
}

function crossError(error: unknown): Error {
  const message =
    typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
      ? (error as { message: string }).message
      : 'An unknown exception occurred in the isolated context, an error occurred but a valid exception was not thrown.';
  return new Error(message);
}

function isCloneableBuiltin(value: object): boolean {
  return (
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Map ||
    value instanceof Set ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value)
  );
}

function deepFreeze(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
