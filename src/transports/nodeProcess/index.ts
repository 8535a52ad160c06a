/* Node child processes */
export { childProcessTransport, type ChildProcessLike } from './childProcessTransport.js';
export { processTransport, type ProcessLike } from './processTransport.js';
export type { NodeProcessTransportOptions } from './NodeProcessTransportOptions.js';
