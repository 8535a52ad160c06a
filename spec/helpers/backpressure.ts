// Shared by the backpressure specs of every transport: send until the transport refuses a frame.

/** What `sendUntilRefused` saw. */
export interface Refusal {
  /** How many sends were accepted before the refusal (or before giving up). */
  accepted: number;
  /** What the refused send threw; `undefined` when nothing was refused within `max` sends. */
  error: unknown;
  /** What `measure()` read right after the refusal. */
  measured: number;
}

/**
 * Calls `send(i)` for i = 0, 1, … until it throws, at most `max` times, awaiting `between()` after
 * each call when given (to let the platform write what it can). Returns the count accepted, the
 * error, and `measure()` at the refusal (the transport's or the socket's buffered amount).
 */
export async function sendUntilRefused(options: {
  send(i: number): void;
  measure(): number;
  max: number;
  between?: () => Promise<unknown>;
  from?: number;
}): Promise<Refusal> {
  let accepted = options.from ?? 0;
  while (accepted < options.max) {
    try {
      options.send(accepted);
    } catch (error) {
      return { accepted, error, measured: options.measure() };
    }
    accepted++;
    if (options.between !== undefined) await options.between();
  }
  return { accepted, error: undefined, measured: options.measure() };
}
