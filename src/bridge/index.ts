/* Preload side */
export { exposeIpcBridge, type BridgeableRenderer, type IpcBridgeAllowList } from './exposeIpcBridge.js';

/* Page side */
export { ipcRendererFromBridge } from './ipcRendererFromBridge.js';
export { BridgedIpcRenderer, type BridgedIpcRendererEvent } from './BridgedIpcRenderer.js';

/* The bridge API */
export type { IpcBridge, IpcBridgeChannels, IpcBridgeError, IpcBridgeResult, IpcBridgeStatus, IpcBridgeStreamEvent } from './IpcBridge.js';

/* Errors */
export { IpcBridgeRefusedError } from '../errors/IpcBridgeRefusedError.js';
