import type { Subscribable, Unsubscribable } from 'rxjs';
import type { AnyChannels, ChannelMap, EventChannel, HostChannel, InvokeChannel, SendChannel, SyncChannel } from '../channel/ChannelMap.js';
import { invalidArgType } from '../core/nodeErrors.js';
import { IpcBridgeRefusedError } from '../errors/IpcBridgeRefusedError.js';
import type { IpcRenderer } from '../renderer/IpcRenderer.js';
import { toBridgeError } from './bridgeError.js';
import type { IpcBridge, IpcBridgeChannels, IpcBridgeResult, IpcBridgeStatus, IpcBridgeStreamEvent } from './IpcBridge.js';

/**
 * What `exposeIpcBridge` needs from the preload's renderer: an rxipc `IpcRenderer`, or Electron's
 * own `ipcRenderer` (without `invoke$`, a streamed call answers once; without `errors$`, `watch`
 * reports nothing).
 */
export interface BridgeableRenderer {
  send(channel: any, ...args: any[]): void;
  sendSync(channel: any, ...args: any[]): any;
  sendToHost?(channel: any, ...args: any[]): void;
  invoke(channel: any, ...args: any[]): Promise<any>;
  invoke$?(channel: any, ...args: any[]): Subscribable<any>;
  on(channel: any, listener: (event: any, ...args: any[]) => void): unknown;
  removeListener(channel: any, listener: (event: any, ...args: any[]) => void): unknown;
  readonly errors$?: Subscribable<unknown>;
}

/**
 * Which channels the page may use, per kind of call. A kind left out allows no channel. With a
 * typed renderer the names are checked against its channel map.
 */
export interface IpcBridgeAllowList<M extends ChannelMap = AnyChannels> {
  /** Channels the page may `send` on. */
  send?: readonly SendChannel<M>[];
  /** Channels the page may `sendSync` on. */
  sendSync?: readonly SyncChannel<M>[];
  /** Channels the page may `sendToHost` on. */
  sendToHost?: readonly HostChannel<M>[];
  /** Channels the page may `invoke` and `invoke$`. */
  invoke?: readonly InvokeChannel<M>[];
  /** Channels the page may listen to. */
  on?: readonly EventChannel<M>[];
}

const KINDS = ['send', 'sendSync', 'sendToHost', 'invoke', 'on'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Builds the narrow, allow-listed API a preload script hands to
 * `contextBridge.exposeInMainWorld`: plain functions and frozen data that survive Electron's
 * context isolation, never exposing the renderer, `event.sender` or the event object. Channels
 * outside the allow-list are refused with `IpcBridgeRefusedError` (returned as data by `send`,
 * `sendSync`, `sendToHost`, `invoke`, `invokeStream`; thrown by `on`). The page rebuilds a full
 * renderer on it with `ipcRendererFromBridge`.
 *
 * ## Example
 * ```ts
 * // preload.ts (isolated world)
 * import { contextBridge } from 'electron';
 * import { exposeIpcBridge } from 'rxipc/bridge';
 *
 * contextBridge.exposeInMainWorld(
 *   'ipc',
 *   exposeIpcBridge(ipcRenderer, { send: ['log'], invoke: ['sum', 'ticks'], on: ['tick'] }),
 * );
 * ```
 *
 * @param ipcRenderer The preload's renderer: an rxipc `IpcRenderer` (over the Electron transport) or Electron's `ipcRenderer`.
 * @param allow The channels the page may use, per kind of call.
 * @returns The bridge API (a frozen plain object).
 * @throws TypeError `ERR_INVALID_ARG_TYPE` when the renderer or an allow-list is malformed.
 */
export function exposeIpcBridge<M extends ChannelMap = AnyChannels>(
  ipcRenderer: IpcRenderer<M> | BridgeableRenderer,
  allow: IpcBridgeAllowList<M>,
): IpcBridge<M> {
  const renderer = ipcRenderer as BridgeableRenderer;
  if (typeof renderer !== 'object' || renderer === null) throw invalidArgType('ipcRenderer', 'object', renderer);
  for (const method of ['send', 'sendSync', 'invoke', 'on', 'removeListener'] as const) {
    if (typeof renderer[method] !== 'function') throw invalidArgType(`ipcRenderer.${method}`, 'function', renderer[method]);
  }
  if (typeof allow !== 'object' || allow === null) throw invalidArgType('allow', 'object', allow);

  const lists = {} as Record<Kind, readonly string[]>;
  const sets = {} as Record<Kind, ReadonlySet<string>>;
  for (const kind of KINDS) {
    const list = (allow as Record<string, unknown>)[kind];
    if (list !== undefined && !Array.isArray(list)) throw invalidArgType(`allow.${kind}`, 'Array', list);
    const names = [...((list as unknown[] | undefined) ?? [])];
    for (const name of names) if (typeof name !== 'string') throw invalidArgType(`allow.${kind}[]`, 'string', name);
    lists[kind] = Object.freeze(names as string[]);
    sets[kind] = new Set(names as string[]);
  }
  const channels: IpcBridgeChannels = Object.freeze({ ...lists });

  function check(kind: Kind, channel: unknown): asserts channel is string {
    if (typeof channel !== 'string') throw invalidArgType('channel', 'string', channel);
    if (!sets[kind].has(channel)) {
      throw new IpcBridgeRefusedError(`The preload bridge does not allow ${kind}('${channel}')`, { channel });
    }
  }

  const bridge = {
    version: 1 as const,
    channels,
    send: (channel: unknown, ...args: unknown[]): IpcBridgeResult<undefined> =>
      attempt(() => {
        check('send', channel);
        renderer.send(channel, ...args);
        return undefined;
      }),
    sendSync: (channel: unknown, ...args: unknown[]): IpcBridgeResult<unknown> =>
      attempt(() => {
        check('sendSync', channel);
        return renderer.sendSync(channel, ...args) as unknown;
      }),
    sendToHost: (channel: unknown, ...args: unknown[]): IpcBridgeResult<undefined> =>
      attempt(() => {
        check('sendToHost', channel);
        if (typeof renderer.sendToHost !== 'function') throw invalidArgType('ipcRenderer.sendToHost', 'function', renderer.sendToHost);
        renderer.sendToHost(channel, ...args);
        return undefined;
      }),
    invoke: (channel: unknown, ...args: unknown[]): Promise<IpcBridgeResult<unknown>> => {
      let answer: Promise<unknown>;
      try {
        check('invoke', channel);
        answer = Promise.resolve(renderer.invoke(channel, ...args));
      } catch (error) {
        return Promise.resolve(failure(error));
      }
      return answer.then((value): IpcBridgeResult<unknown> => ({ ok: true, value }), failure);
    },
    invokeStream: (channel: unknown, args: unknown, sink: (event: IpcBridgeStreamEvent) => void): (() => void) => {
      if (typeof sink !== 'function') throw invalidArgType('sink', 'function', sink);
      let ended = false;
      const emit = (event: IpcBridgeStreamEvent): void => {
        if (ended) return;
        if (event.kind !== 'next') ended = true;
        sink(event);
      };
      let subscription: Unsubscribable | undefined;
      try {
        check('invoke', channel);
        if (!Array.isArray(args)) throw invalidArgType('args', 'Array', args);
        if (typeof renderer.invoke$ === 'function') {
          subscription = renderer.invoke$(channel, ...(args as unknown[])).subscribe({
            next: (value: unknown) => emit({ kind: 'next', value }),
            error: (error: unknown) => emit({ kind: 'error', error: toBridgeError(error) }),
            complete: () => emit({ kind: 'complete' }),
          });
        } else {
          Promise.resolve(renderer.invoke(channel, ...(args as unknown[]))).then(
            (value: unknown) => {
              emit({ kind: 'next', value });
              emit({ kind: 'complete' });
            },
            (error: unknown) => emit({ kind: 'error', error: toBridgeError(error) }),
          );
        }
      } catch (error) {
        emit({ kind: 'error', error: toBridgeError(error) });
      }
      return () => {
        ended = true;
        subscription?.unsubscribe();
        subscription = undefined;
      };
    },
    on: (channel: unknown, listener: (...args: unknown[]) => void): (() => void) => {
      check('on', channel);
      if (typeof listener !== 'function') throw invalidArgType('listener', 'function', listener);
      // The event (and its sender) stays here: the page gets the arguments only.
      const forward = (_event: unknown, ...args: unknown[]): void => {
        listener(...args);
      };
      renderer.on(channel, forward);
      let listening = true;
      return () => {
        if (!listening) return;
        listening = false;
        renderer.removeListener(channel, forward);
      };
    },
    watch: (callback: (status: IpcBridgeStatus) => void): (() => void) => {
      if (typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
      const errors$ = renderer.errors$;
      if (typeof errors$ !== 'object' || errors$ === null || typeof errors$.subscribe !== 'function') return () => undefined;
      const subscription = errors$.subscribe({
        next: (error: unknown) => callback({ kind: 'error', error: toBridgeError(error) }),
        complete: () => callback({ kind: 'closed' }),
      });
      return () => subscription.unsubscribe();
    },
  };
  return Object.freeze(bridge) as unknown as IpcBridge<M>;
}

function attempt<T>(fn: () => T): IpcBridgeResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): { ok: false; error: ReturnType<typeof toBridgeError> } {
  return { ok: false, error: toBridgeError(error) };
}
