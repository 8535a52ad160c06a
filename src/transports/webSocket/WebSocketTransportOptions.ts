import type { EndpointTransportOptions } from '../../endpoint/createEndpointTransport.js';
import type { HeartbeatTransportOptions } from '../heartbeat.js';

/**
 * Options of `webSocketTransport` and `acceptWebSockets`: the handshake and close timing, the
 * scheduler, coalescing, `highWaterMark` (compared with the socket's `bufferedAmount`, in bytes,
 * plus the characters of the frames the transport holds) and `onIgnored` of
 * `createEndpointTransport` (the handshake timeout counts from creation, so it includes the time
 * the socket takes to open), and the opt-in heartbeat (`heartbeatInterval`, `heartbeatMisses`),
 * which notices a peer that vanished without closing the socket. A WebSocket cannot block, so
 * there is no `sync`.
 */
export type WebSocketTransportOptions = Omit<EndpointTransportOptions, 'sync'> & HeartbeatTransportOptions;
