/* MessagePort transport */
export { messagePortTransport, type MessagePortLike } from './messagePortTransport.js';
export type { EndpointTransportOptions } from '../../transport/createEndpointTransport.js';
export type { EndpointTransport } from '../../transport/EndpointTransport.js';
