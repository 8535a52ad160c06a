// Type tests for rxipc/angular: provideIpc takes any renderer with the shared surface, including
// the one ipcRendererFromBridge rebuilds behind Electron's context isolation.
import { provideIpc, type IpcRendererLike } from '../../src/angular/index.js';
import { ipcRendererFromBridge, type IpcBridge } from '../../src/bridge/index.js';
import { createIpc, type IpcRenderer } from '../../src/index.js';

declare const bridge: IpcBridge;
interface AppChannels {
  send: { log: [line: string] };
  invoke: { sum: { args: [number, number]; result: number } };
}
declare const typed: IpcRenderer<AppChannels>;

provideIpc(createIpc().ipcRenderer);
provideIpc(typed);
provideIpc(ipcRendererFromBridge(bridge));
provideIpc(() => ipcRendererFromBridge(bridge));
const like: IpcRendererLike = ipcRendererFromBridge(bridge);
like.channel('tick');

// @ts-expect-error an object that is not a renderer
provideIpc({});
// @ts-expect-error a factory that returns something else
provideIpc(() => 42);
