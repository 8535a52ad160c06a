import { bindOwn, ChannelEmitter } from '../channel/ChannelEmitter.js';
import { invalidArgType } from '../core/nodeErrors.js';
import { IpcHandlerExistsError } from '../errors/IpcHandlerExistsError.js';
import type { IpcMainEvent, IpcMainInvokeEvent } from './events.js';

/** What `handle` accepts: it may return a value, a Promise, or an Observable (streamed by `invoke$`). */
export type IpcMainHandler = (event: IpcMainInvokeEvent, ...args: any[]) => unknown;

/** A main-side listener: `(event, ...args)`. */
export type IpcMainListener = (event: IpcMainEvent, ...args: any[]) => void;

const BOUND = [
  'handle',
  'handleOnce',
  'removeHandler',
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
  'off',
  'removeListener',
  'removeAllListeners',
] as const;

/**
 * Listeners and invoke handlers for messages from renderers: the base of `IpcMain`, and the type
 * of `webContents.ipc` (scoped to one renderer and checked before `ipcMain`, as in Electron).
 *
 * ## Example
 * ```ts
 * import { createIpc } from 'rxipc';
 *
 * const { ipcMain, webContents, ipcRenderer } = createIpc();
 * ipcMain.handle('whoami', () => 'any renderer');
 * webContents.ipc.handle('whoami', (event) => `renderer #${event.sender.id}`);
 * await ipcRenderer.invoke('whoami'); // 'renderer #1': the scoped handler wins
 * ```
 */
export class IpcScope extends ChannelEmitter<IpcMainEvent> {
  private readonly handlers = new Map<string, IpcMainHandler>();

  constructor() {
    super();
    const self = this as unknown as Record<string, unknown>;
    for (const key of BOUND) bindOwn(self, key);
  }

  /**
   * Registers the handler `ipcRenderer.invoke(channel, ...)` and `invoke$` call. Only one per channel.
   *
   * @param channel The channel.
   * @param handler `(event, ...args)`; returns a value, a Promise or an Observable; may throw.
   * @throws IpcHandlerExistsError `Attempted to register a second handler for '<channel>'`.
   */
  handle(channel: string, handler: IpcMainHandler): void {
    if (typeof channel !== 'string') throw invalidArgType('channel', 'string', channel);
    if (typeof handler !== 'function') throw invalidArgType('handler', 'function', handler);
    if (this.handlers.has(channel)) {
      throw new IpcHandlerExistsError(`Attempted to register a second handler for '${channel}'`, { channel });
    }
    this.handlers.set(channel, handler);
  }

  /**
   * Like `handle`, for one call only: the handler is removed before it runs.
   *
   * @param channel The channel.
   * @param handler As for `handle`.
   */
  handleOnce(channel: string, handler: IpcMainHandler): void {
    if (typeof handler !== 'function') throw invalidArgType('handler', 'function', handler);
    const once: IpcMainHandler = (event, ...args) => {
      if (this.handlers.get(channel) === once) this.handlers.delete(channel);
      return handler(event, ...args);
    };
    this.handle(channel, once);
  }

  /**
   * Removes the handler of `channel`, if any.
   *
   * @param channel The channel.
   */
  removeHandler(channel: string): void {
    if (typeof channel !== 'string') throw invalidArgType('channel', 'string', channel);
    this.handlers.delete(channel);
  }

  /** @internal The handler of `channel`, if any. */
  handlerFor(channel: string): IpcMainHandler | undefined {
    return this.handlers.get(channel);
  }

  /** How many channels have a handler. */
  get handlerCount(): number {
    return this.handlers.size;
  }

  /** @internal Completes this scope's channel Observables. */
  shutdownScope(): void {
    this.closeSignal.close();
  }
}
