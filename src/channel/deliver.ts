import type { EventEmitter } from '../core/EventEmitter.js';

/**
 * Calls every listener of `name` with `args`, like `emit`, except that a throwing listener does
 * not stop the others: each error goes to `onError`. Listeners added or removed meanwhile do not
 * change this delivery. Nothing is thrown for `'error'` without a listener: an IPC channel named
 * `'error'` is just a channel. This is how the facades deliver incoming messages; the core's own
 * `emit` keeps Node's semantics.
 *
 * It reads the core's listener table the way `emit` does, with no copy: a list being delivered
 * has its `emitting` count raised, and the core never changes such a list in place (an `on` or
 * `off` meanwhile replaces it), so this delivery keeps the listeners it started with.
 *
 * @param emitter The facade.
 * @param name The channel or event name.
 * @param args The listener's arguments (`event, ...args` for IPC channels).
 * @param onError Receives what a listener threw, and `name`.
 * @returns How many listeners were called.
 */
export function deliver(
  emitter: EventEmitter,
  name: string,
  args: readonly unknown[],
  onError: (error: unknown, name: string) => void,
): number {
  const handler = emitter._events?.[name];
  if (handler === undefined) return 0;
  if (typeof handler === 'function') {
    try {
      handler.apply(emitter, args as unknown[]);
    } catch (error) {
      onError(error, name);
    }
    return 1;
  }
  const count = handler.length;
  handler.emitting++;
  try {
    for (let i = 0; i < count; i++) {
      try {
        handler[i]!.apply(emitter, args as unknown[]);
      } catch (error) {
        onError(error, name);
      }
    }
  } finally {
    handler.emitting--;
  }
  return count;
}
