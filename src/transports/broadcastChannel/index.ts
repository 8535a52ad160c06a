/* One main, many renderers on a BroadcastChannel name */
export { broadcastChannelMain, type BroadcastChannelMain, type BroadcastRendererInfo } from './broadcastChannelMain.js';
export { broadcastChannelTransport } from './broadcastChannelTransport.js';
export type { BroadcastChannelConstructor, BroadcastChannelLike, PageHideTarget } from './BroadcastChannelLike.js';
export type { BroadcastChannelTransportOptions } from './BroadcastChannelTransportOptions.js';
export type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
