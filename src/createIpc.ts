import type { SchedulerLike } from 'rxjs';
import { pickCodecOptions } from './protocol/codec.js';
import type { AnyChannels, ChannelMap } from './channel/ChannelMap.js';
import { IpcHost } from './host/IpcHost.js';
import { IpcMain, type IpcMainOptions } from './main/IpcMain.js';
import type { WebContents } from './main/WebContents.js';
import { IpcRenderer } from './renderer/IpcRenderer.js';
import { createMemoryTransportPair } from './memory/createMemoryTransportPair.js';

/** Options of `createIpc`. */
export interface CreateIpcOptions<M extends ChannelMap = AnyChannels> extends IpcMainOptions<M> {
  /**
   * The scheduler that delivers every message. Inside `TestScheduler.run` the default is virtual.
   * @default asapScheduler
   */
  scheduler?: SchedulerLike;
  /**
   * Delivery latency in milliseconds, on `scheduler`.
   * @default 0
   */
  latency?: number;
}

/** What `createIpc` returns: the four ends of the embedded default, typed by the channel map `M`. */
export interface EmbeddedIpc<M extends ChannelMap = AnyChannels> {
  /** The main side. */
  ipcMain: IpcMain<M>;
  /** The renderer side. */
  ipcRenderer: IpcRenderer<M>;
  /** The main side's handle on that renderer. */
  webContents: WebContents<M>;
  /** What the renderer's `sendToHost` reaches. */
  host: IpcHost<M>;
}

/**
 * Creates the embedded default: a renderer, a main side and a host in one JavaScript realm,
 * connected by in-memory transports. Messages still go through the JSON codec (no shared
 * references) and are delivered asynchronously in order; `sendSync` works.
 *
 * ## Example
 * ```ts
 * import { createIpc } from 'rxipc';
 *
 * const { ipcMain, ipcRenderer, webContents, host } = createIpc();
 * ipcMain.on('hello', (event, name) => event.reply('greeting', `hello ${name}`));
 * ipcRenderer.on('greeting', (_event, text) => console.log(text));
 * ipcRenderer.send('hello', 'world'); // later: 'hello world'
 * ```
 *
 * With a channel map (`createIpc<AppChannels>()`, see `ChannelMap`), every channel name,
 * argument and result is checked at compile time on all four ends.
 *
 * @param options The scheduler and latency of delivery, and `IpcMain`'s options.
 * @returns `{ ipcMain, ipcRenderer, webContents, host }`.
 */
export function createIpc<M extends ChannelMap = AnyChannels>(options: CreateIpcOptions<M> = {}): EmbeddedIpc<M> {
  const { scheduler, latency, ...mainOptions } = options;
  const transportOptions = {
    ...(scheduler === undefined ? {} : { scheduler }),
    ...(latency === undefined ? {} : { latency }),
  };
  const [mainEnd, rendererEnd] = createMemoryTransportPair(transportOptions);
  const [hostEnd, guestEnd] = createMemoryTransportPair(transportOptions);
  const ipcMain = new IpcMain<M>(mainOptions);
  const webContents = ipcMain.connect(mainEnd);
  const codec = pickCodecOptions(mainOptions);
  const ipcRenderer = new IpcRenderer<M>(rendererEnd, { host: guestEnd, ...codec });
  const host = new IpcHost<M>(hostEnd, codec);
  return { ipcMain, ipcRenderer, webContents, host };
}
