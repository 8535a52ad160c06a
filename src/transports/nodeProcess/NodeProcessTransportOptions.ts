import type { EndpointTransportOptions } from '../../endpoint/createEndpointTransport.js';

/**
 * Options of `childProcessTransport` and `processTransport`: the handshake and close timing,
 * the scheduler, coalescing, `highWaterMark` (compared with the characters of the frames handed
 * to `send` whose write has not finished) and `onIgnored` of `createEndpointTransport`. Two
 * processes share no memory, so there is no blocking `sendSync` between them.
 */
export type NodeProcessTransportOptions = Omit<EndpointTransportOptions, 'sync'>;
