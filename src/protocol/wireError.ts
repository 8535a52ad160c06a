import { IpcRemoteError } from '../errors/IpcRemoteError.js';
import { isEncodable } from './codec.js';
import type { WireError } from './Envelope.js';
import { safeString } from '../errors/errorText.js';

const RESERVED = new Set(['name', 'message', 'stack', 'code', 'cause']);
const MAX_CAUSE_DEPTH = 8;

/**
 * Turns anything a handler threw into a JSON-safe `WireError`: name, message, text, code, own
 * enumerable fields (those JSON can encode), the cause chain, and the stack only when asked.
 *
 * @param thrown What the handler threw or rejected with.
 * @param exposeStack Whether the stack may leave this side.
 * @returns A plain object safe to put in an `error` frame.
 */
export function toWireError(thrown: unknown, exposeStack: boolean, depth = 0): WireError {
  if (!(thrown instanceof Error)) {
    const text = safeString(thrown);
    return { name: 'Error', message: text, text };
  }
  const wire: WireError = {
    name: safeString(thrown.name),
    message: safeString(thrown.message),
    text: safeString(thrown),
  };
  const code = (thrown as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') wire.code = code;
  const fields: Record<string, unknown> = {};
  let hasFields = false;
  for (const key of Object.keys(thrown)) {
    if (RESERVED.has(key)) continue;
    const value = (thrown as unknown as Record<string, unknown>)[key];
    if (isEncodable(value)) {
      fields[key] = value;
      hasFields = true;
    }
  }
  if (hasFields) wire.fields = fields;
  const cause = thrown.cause;
  if (cause !== undefined && depth < MAX_CAUSE_DEPTH) wire.cause = toWireError(cause, exposeStack, depth + 1);
  if (exposeStack && typeof thrown.stack === 'string') wire.stack = thrown.stack;
  return wire;
}

/**
 * Revives a `WireError` as the `IpcRemoteError` an `invoke` rejects with, using Electron's text
 * `Error invoking remote method '<channel>': <remote text>` (or, for `sendSync`,
 * `Error in sendSync('<channel>'): <remote text>`).
 *
 * @param wire The error from an `error` frame.
 * @param channel The channel that was invoked.
 * @param call Which call failed.
 * @returns The error to reject with.
 */
export function fromWireError(wire: WireError, channel: string, call: 'invoke' | 'sendSync' = 'invoke'): IpcRemoteError {
  const message =
    call === 'invoke' ? `Error invoking remote method '${channel}': ${wire.text}` : `Error in sendSync('${channel}'): ${wire.text}`;
  const code = wire.code === undefined ? undefined : String(wire.code);
  const cause = wire.cause === undefined ? undefined : reviveCause(wire.cause, 0);
  const error = new IpcRemoteError(message, code, { channel, ...(cause === undefined ? {} : { cause }) });
  copyFields(error, wire);
  error.name = wire.name;
  if (wire.stack !== undefined) error.remoteStack = wire.stack;
  return error;
}

function reviveCause(wire: WireError, depth: number): Error {
  const cause = wire.cause !== undefined && depth < MAX_CAUSE_DEPTH ? reviveCause(wire.cause, depth + 1) : undefined;
  const error = new Error(wire.message, cause === undefined ? undefined : { cause });
  copyFields(error, wire);
  Object.defineProperty(error, 'name', { value: wire.name, writable: true, configurable: true, enumerable: false });
  if (wire.code !== undefined) (error as { code?: unknown }).code = wire.code;
  if (wire.stack !== undefined) Object.defineProperty(error, 'stack', { value: wire.stack, writable: true, configurable: true });
  return error;
}

function copyFields(target: Error, wire: WireError): void {
  if (typeof wire.fields !== 'object' || wire.fields === null) return;
  for (const key of Object.keys(wire.fields)) {
    // Own fields never overwrite what rxipc itself sets, and never touch prototypes.
    if (RESERVED.has(key) || key === '__proto__' || key === 'channel' || key === 'remoteStack' || key in target) continue;
    Object.defineProperty(target, key, { value: wire.fields[key], writable: true, configurable: true, enumerable: true });
  }
}
