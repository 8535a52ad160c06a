import type { EventEmitter } from '../core/EventEmitter.js';

/**
 * Calls every listener of `name` with `args`, like `emit`, except that a throwing listener does
 * not stop the others: each error goes to `onError`. Listeners added or removed meanwhile do not
 * change this delivery. Nothing is thrown for `'error'` without a listener: an IPC channel named
 * `'error'` is just a channel. This is how the facades deliver incoming messages; the core's own
 * `emit` keeps Node's semantics.
 *
 * @param emitter The facade.
 * @param name The channel or event name.
 * @param args The listener's arguments (`event, ...args` for IPC channels).
 * @param onError Receives what a listener threw.
 * @returns How many listeners were called.
 */
export function deliver(
  emitter: EventEmitter,
  name: string,
  args: readonly unknown[],
  onError: (error: unknown) => void,
): number {
  const listeners = emitter.rawListeners(name) as Array<(...a: unknown[]) => unknown>;
  const count = listeners.length;
  for (let i = 0; i < count; i++) {
    try {
      listeners[i]!.apply(emitter, args as unknown[]);
    } catch (error) {
      onError(error);
    }
  }
  return count;
}
