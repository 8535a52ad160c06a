import { IpcClosedError } from './IpcClosedError.js';

/**
 * `String(value)`, or `Object.prototype.toString` for a value whose own conversion throws (a
 * hostile `toString`, a null-prototype object): text for messages, never an exception.
 *
 * @param value Anything.
 * @returns Its text.
 */
export function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * The message of an `Error`, or the text of any other thrown value.
 *
 * @param error What was thrown.
 * @returns Text for a message.
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : safeString(error);
}

/**
 * The error a pending call on `channel` gets when its facade closes for `error`'s reason.
 *
 * @param error Why the facade closed.
 * @param channel The pending call's channel.
 * @returns A new `IpcClosedError` naming the channel, with the same cause.
 */
export function closedWhilePending(error: IpcClosedError, channel: string): IpcClosedError {
  return new IpcClosedError(`${error.message} while '${channel}' was pending`, {
    channel,
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  });
}
