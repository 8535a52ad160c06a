/* Windows: iframes, parents, popups and openers over postMessage */
export { windowTransport } from './windowTransport.js';
export type { WindowTransportOptions } from './WindowTransportOptions.js';
export type { TargetWindowLike, WindowLike } from './WindowLike.js';
export type { WindowRejection, WindowRejectionReason } from './WindowRejection.js';

/* Errors */
export { IpcUnsafeOriginError } from '../../errors/IpcUnsafeOriginError.js';
export type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
