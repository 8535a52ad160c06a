// Internal: errors as plain data across the bridge, and back to the same rxipc classes.
import { IpcBadFrameError } from '../errors/IpcBadFrameError.js';
import { IpcBridgeRefusedError } from '../errors/IpcBridgeRefusedError.js';
import { IpcCancelledError } from '../errors/IpcCancelledError.js';
import { IpcClosedError } from '../errors/IpcClosedError.js';
import { IpcError, type IpcErrorOptions } from '../errors/IpcError.js';
import { IpcHandlerExistsError } from '../errors/IpcHandlerExistsError.js';
import { IpcListenerError } from '../errors/IpcListenerError.js';
import { IpcNoHandlerError } from '../errors/IpcNoHandlerError.js';
import { IpcNoReturnValueError } from '../errors/IpcNoReturnValueError.js';
import { IpcRemoteError } from '../errors/IpcRemoteError.js';
import { IpcSerializationError } from '../errors/IpcSerializationError.js';
import { IpcSyncUnsupportedError } from '../errors/IpcSyncUnsupportedError.js';
import { IpcTimeoutError } from '../errors/IpcTimeoutError.js';
import { isEncodable } from '../protocol/codec.js';
import type { IpcBridgeError } from './IpcBridge.js';
import { safeString } from '../errors/errorText.js';

type Named = new (message: string, options?: IpcErrorOptions) => IpcError;

// Most specific first: the first class an error is an instance of names its kind.
const NAMED: ReadonlyArray<readonly [string, Named]> = [
  ['IpcBridgeRefusedError', IpcBridgeRefusedError],
  ['IpcClosedError', IpcClosedError],
  ['IpcTimeoutError', IpcTimeoutError],
  ['IpcSerializationError', IpcSerializationError],
  ['IpcSyncUnsupportedError', IpcSyncUnsupportedError],
  ['IpcNoReturnValueError', IpcNoReturnValueError],
  ['IpcNoHandlerError', IpcNoHandlerError],
  ['IpcHandlerExistsError', IpcHandlerExistsError],
  ['IpcCancelledError', IpcCancelledError],
  ['IpcBadFrameError', IpcBadFrameError],
  ['IpcListenerError', IpcListenerError],
];

const RESERVED = new Set(['name', 'message', 'stack', 'code', 'cause', '__proto__', 'constructor', 'prototype']);
const MAX_CAUSE_DEPTH = 8;

/**
 * Turns anything thrown on the preload side into plain, structured-clonable data.
 *
 * @param thrown The error.
 * @returns Its kind (rxipc class), name, message, code, JSON-safe own fields and cause chain.
 */
export function toBridgeError(thrown: unknown, depth = 0): IpcBridgeError {
  if (!(thrown instanceof Error)) {
    const text = safeString(thrown);
    return { kind: 'Error', name: 'Error', message: text };
  }
  const data: IpcBridgeError = { kind: kindOf(thrown), name: safeString(thrown.name), message: safeString(thrown.message) };
  const code = (thrown as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') data.code = code;
  let fields: Record<string, unknown> | undefined;
  for (const key of Object.keys(thrown)) {
    if (RESERVED.has(key)) continue;
    const value = (thrown as unknown as Record<string, unknown>)[key];
    if (value !== undefined && isEncodable(value)) (fields ??= {})[key] = value;
  }
  if (fields !== undefined) data.fields = fields;
  if (thrown.cause !== undefined && depth < MAX_CAUSE_DEPTH) data.cause = toBridgeError(thrown.cause, depth + 1);
  return data;
}

/**
 * Revives bridge error data on the page side as the same class, with its name, code and fields.
 *
 * @param data What crossed the bridge.
 * @returns The error to throw or reject with.
 */
export function fromBridgeError(data: IpcBridgeError, depth = 0): Error {
  const cause = data.cause !== undefined && depth < MAX_CAUSE_DEPTH ? fromBridgeError(data.cause, depth + 1) : undefined;
  const fields = typeof data.fields === 'object' && data.fields !== null ? data.fields : {};
  const channel = typeof fields['channel'] === 'string' ? fields['channel'] : undefined;
  const options: IpcErrorOptions = {
    ...(cause === undefined ? {} : { cause }),
    ...(channel === undefined ? {} : { channel }),
  };
  const message = String(data.message);
  const code = data.code === undefined ? undefined : String(data.code);
  let error: Error;
  const named = NAMED.find(([kind]) => kind === data.kind);
  if (named !== undefined) error = new named[1](message, options);
  else if (data.kind === 'IpcRemoteError') error = new IpcRemoteError(message, code, options);
  else if (data.kind === 'IpcError') error = new IpcError(message, code, options);
  else if (data.kind === 'TypeError') error = new TypeError(message, cause === undefined ? undefined : { cause });
  else if (data.kind === 'RangeError') error = new RangeError(message, cause === undefined ? undefined : { cause });
  else error = new Error(message, cause === undefined ? undefined : { cause });
  if (error.name !== data.name) {
    // Error subclasses keep `name` on the prototype; rxipc classes as an own field: set it where it lives.
    if (error instanceof IpcError) error.name = String(data.name);
    else Object.defineProperty(error, 'name', { value: String(data.name), writable: true, configurable: true, enumerable: false });
  }
  if (code !== undefined) (error as { code?: string | number }).code = data.code!;
  for (const key of Object.keys(fields)) {
    if (RESERVED.has(key) || key === 'channel') continue;
    // Fill fields the class declares but left unset (`remoteStack`); never shadow what is set or inherited.
    const own = Object.prototype.hasOwnProperty.call(error, key);
    if (own ? (error as unknown as Record<string, unknown>)[key] !== undefined : key in error) continue;
    Object.defineProperty(error, key, { value: fields[key], writable: true, configurable: true, enumerable: true });
  }
  return error;
}

function kindOf(error: Error): string {
  for (const [kind, type] of NAMED) if (error instanceof type) return kind;
  if (error instanceof IpcRemoteError) return 'IpcRemoteError';
  if (error instanceof IpcError) return 'IpcError';
  if (error instanceof TypeError) return 'TypeError';
  if (error instanceof RangeError) return 'RangeError';
  return 'Error';
}
