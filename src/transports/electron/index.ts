/* Electron */
export { electronRendererTransport, type ElectronIpcRendererLike } from './electronRendererTransport.js';
export {
  electronMainTransports,
  type ElectronIpcMainEventLike,
  type ElectronIpcMainLike,
  type ElectronWebContentsLike,
} from './electronMainTransports.js';
export { ELECTRON_CHANNEL } from './ELECTRON_CHANNEL.js';
export type { ElectronTransportOptions } from './ElectronTransportOptions.js';
