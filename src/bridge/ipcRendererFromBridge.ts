import type { AnyChannels, ChannelMap } from '../channel/ChannelMap.js';
import { BridgedIpcRenderer } from './BridgedIpcRenderer.js';
import type { IpcBridge } from './IpcBridge.js';

/**
 * Rebuilds a full rxipc renderer on the page side of a preload bridge (the API a preload exposed
 * with `exposeIpcBridge` through Electron's `contextBridge`): `on` / `once` / `removeListener` /
 * `removeAllListeners` that really remove (the page keeps its own listener registry and holds one
 * bridge subscription per channel with listeners), `channel()` Observables, `send`, `sendSync`,
 * `sendToHost`, `invoke`, `invoke$` with cancellation, usable with `sendTo` and `invokeOn`. Typed
 * by the bridge's channel map, if it has one.
 *
 * ## Example
 * ```ts
 * // page (main world)
 * import { ipcRendererFromBridge, type IpcBridge } from 'rxipc/bridge';
 * import { invokeOn } from 'rxipc/operators';
 * import { of } from 'rxjs';
 *
 * const ipcRenderer = ipcRendererFromBridge((window as unknown as { ipc: IpcBridge }).ipc);
 * const sub = ipcRenderer.channel('tick').subscribe(({ args: [n] }) => console.log('tick', n));
 * of(1, 2, 3).pipe(invokeOn(ipcRenderer, 'square')).subscribe(console.log);
 * sub.unsubscribe(); // the preload's listener for 'tick' is gone too
 * ```
 *
 * @param bridge The preload's bridge API, as it arrived on the page (`window.<key>`).
 * @returns The page-side renderer.
 * @throws TypeError `ERR_INVALID_ARG_TYPE` when `bridge` is not an rxipc bridge.
 */
export function ipcRendererFromBridge<M extends ChannelMap = AnyChannels>(bridge: IpcBridge<M>): BridgedIpcRenderer<M> {
  return new BridgedIpcRenderer<M>(bridge);
}
