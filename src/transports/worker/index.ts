/* Worker transports */
export {
  workerTransport,
  type NodeWorkerLike,
  type WebWorkerLike,
  type WorkerSideOptions,
  type WorkerTransportOptions,
} from './workerTransport.js';
export { parentPortTransport, type ParentPortLike } from './parentPortTransport.js';
export type { PortHeartbeatOptions } from '../portHeartbeat.js';
export type { EndpointTransport } from '../../transport/EndpointTransport.js';
