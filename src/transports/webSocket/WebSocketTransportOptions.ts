import type { EndpointTransportOptions } from '../../transport/createEndpointTransport.js';

/**
 * Options of `webSocketTransport` and `acceptWebSockets`: the handshake and close timing, the
 * scheduler, coalescing, `highWaterMark` (compared with the socket's `bufferedAmount`, in bytes,
 * plus the characters of the frames the transport holds) and `onIgnored` of
 * `createEndpointTransport` (the handshake timeout counts from creation, so it includes the time
 * the socket takes to open). A WebSocket cannot block, so there is no `sync`.
 */
export type WebSocketTransportOptions = Omit<EndpointTransportOptions, 'sync'>;
