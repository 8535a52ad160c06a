/* WebSocket clients and servers */
export { webSocketTransport } from './webSocketTransport.js';
export { acceptWebSockets } from './acceptWebSockets.js';
export type { WebSocketLike } from './WebSocketLike.js';
export type { WebSocketServerLike } from './WebSocketServerLike.js';
export type { WebSocketTransportOptions } from './WebSocketTransportOptions.js';
export type { HeartbeatTransportOptions } from '../heartbeat.js';
export type { EndpointTransport } from '../../endpoint/EndpointTransport.js';

/* Errors */
export { IpcBackpressureError } from '../../errors/IpcBackpressureError.js';
