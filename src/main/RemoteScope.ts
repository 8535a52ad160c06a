import type { IpcMainHandler } from './IpcScope.js';
import type { WebContents } from './WebContents.js';

/**
 * @internal What a layer that joins several `IpcMain`s (the cluster) plugs into one of them with
 * `ipcMain.attachRemote(remote)`: handlers that live on other nodes, consulted only when neither
 * `webContents.ipc` nor `ipcMain` has one for the channel, and a word on each renderer that
 * connects. Local handlers and listeners always come first.
 */
export interface RemoteScope {
  /**
   * A handler for `channel` that runs the call elsewhere (it returns an Observable, so errors,
   * streaming and cancellation through `event.signal` work exactly as for a local one), or
   * `undefined` when no other node handles it either.
   */
  handlerFor(channel: string): IpcMainHandler<any> | undefined;
  /**
   * For a `sendSync` that no local listener answered: the error to answer with when another node
   * listens on `channel` (`sendSync` never leaves its node), or `undefined`.
   */
  syncError?(channel: string): Error | undefined;
  /** Called once for each renderer `ipcMain.connect` serves, after it is connected. */
  connected?(contents: WebContents<any>): void;
}
