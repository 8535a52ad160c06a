import type { Observable } from 'rxjs';
import type { ChannelMessage } from '../channel/fromChannel.js';

/**
 * What `rxipc/angular` needs of a renderer: the surface shared by `IpcRenderer` (any transport)
 * and the page-side renderer `ipcRendererFromBridge(...)` rebuilds behind Electron's context
 * isolation, so either can be provided with `provideIpc`.
 *
 * ## Example
 * ```ts
 * import { ipcRendererFromBridge } from 'rxipc/bridge';
 * import { provideIpc, type IpcRendererLike } from 'rxipc/angular';
 *
 * const renderer: IpcRendererLike = ipcRendererFromBridge(window.ipc);
 * bootstrapApplication(AppComponent, { providers: [provideIpc(renderer)] });
 * ```
 */
export interface IpcRendererLike {
  /** A channel as a hot Observable of `{ event, args }`. */
  channel(name: string): Observable<ChannelMessage<any, any[]>>;
  /** A cold Observable of a call to main's handler. */
  invoke$<T = any>(channel: string, ...args: any[]): Observable<T>;
  /** A call to main's handler. */
  invoke(channel: string, ...args: any[]): Promise<any>;
  /** A message to main. */
  send(channel: string, ...args: any[]): void;
  /** Adds a listener `(event, ...args)`. */
  on(channel: string, listener: (event: any, ...args: any[]) => void): unknown;
  /** Removes a listener. */
  removeListener(channel: string, listener: (event: any, ...args: any[]) => void): unknown;
  /** How many listeners `channel` has. */
  listenerCount(channel: string): number;
  /** Closes the renderer. */
  close(): void;
}
