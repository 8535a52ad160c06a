/* Providers */
export { provideIpc } from './provideIpc.js';
export { IPC_RENDERER } from './IPC_RENDERER.js';

/* Services */
export { IpcService, type IpcChannelOptions } from './IpcService.js';
export type { IpcRendererLike } from './IpcRendererLike.js';
