/* Worker transports */
export {
  workerTransport,
  type NodeWorkerLike,
  type WebWorkerLike,
  type WorkerSideOptions,
  type WorkerTransportOptions,
} from './workerTransport.js';
export { parentPortTransport, type ParentPortLike } from './parentPortTransport.js';
export type { HeartbeatTransportOptions } from '../heartbeat.js';
export type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
