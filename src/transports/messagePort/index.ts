/* MessagePort transport */
export { messagePortTransport, type MessagePortLike, type MessagePortTransportOptions } from './messagePortTransport.js';
export type { HeartbeatTransportOptions } from '../heartbeat.js';
export type { EndpointTransportOptions } from '../../endpoint/createEndpointTransport.js';
export type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
