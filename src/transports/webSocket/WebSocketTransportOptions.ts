import type { EndpointTransportOptions } from '../../transport/createEndpointTransport.js';

/**
 * Options of `webSocketTransport` and `acceptWebSockets`: the handshake and close timing, the
 * scheduler and `onIgnored` of `createEndpointTransport` (the handshake timeout counts from
 * creation, so it includes the time the socket takes to open). A WebSocket cannot block, so
 * there is no `sync`.
 */
export type WebSocketTransportOptions = Omit<EndpointTransportOptions, 'sync'>;
