import type { EndpointTransportOptions } from '../../endpoint/createEndpointTransport.js';

/**
 * Options of `electronRendererTransport` and `electronMainTransports`: the handshake and close
 * timing, the scheduler and `onIgnored` of `createEndpointTransport`. `sync` does not apply:
 * the renderer's `sendSync` uses Electron's own blocking `ipcRenderer.sendSync`, and frames are
 * never coalesced: each travels as one Electron message, as it is sent.
 */
export type ElectronTransportOptions = Omit<EndpointTransportOptions, 'sync' | 'coalesce'>;
