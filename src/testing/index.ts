/* Marble tests against a real main side */
export { createMarbleIpc, type MarbleIpc, type MarbleIpcOptions } from './createMarbleIpc.js';

/* Renderer tests without a main side */
export {
  TestTransport,
  type TestFrameMatch,
  type TestFrameMatcher,
  type TestTransportOptions,
  type TestTransportVerifyOptions,
} from './TestTransport.js';
export { TestIpcRequest, type TestRequestKind } from './TestIpcRequest.js';
