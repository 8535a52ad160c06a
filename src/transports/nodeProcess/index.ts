/* Node child processes */
export { childProcessTransport, type ChildProcessLike } from './childProcessTransport.js';
export { processTransport, type ProcessLike } from './processTransport.js';
export type { NodeProcessTransportOptions } from './NodeProcessTransportOptions.js';
export type { EndpointTransport } from '../../endpoint/EndpointTransport.js';

/* Errors */
export { IpcBackpressureError } from '../../errors/IpcBackpressureError.js';
