/* Endpoint adapter: build a transport from any postMessage-shaped endpoint */
export {
  createEndpointTransport,
  type Endpoint,
  type EndpointSyncOptions,
  type EndpointTransportOptions,
} from '../../endpoint/createEndpointTransport.js';
export type { EndpointTransport } from '../../endpoint/EndpointTransport.js';

/* Errors */
export { IpcBackpressureError } from '../../errors/IpcBackpressureError.js';
