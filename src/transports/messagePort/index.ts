/* MessagePort transport */
export { messagePortTransport, type MessagePortLike, type MessagePortTransportOptions } from './messagePortTransport.js';
export type { HeartbeatTransportOptions } from '../heartbeat.js';
export type { EndpointTransportOptions } from '../../transport/createEndpointTransport.js';
export type { EndpointTransport } from '../../transport/EndpointTransport.js';
