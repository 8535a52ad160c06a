/* Operators */
export { sendTo, type SendTarget } from './sendTo.js';
export { invokeOn, type InvokeTarget } from './invokeOn.js';
export { enterZone, type ZoneLike } from './enterZone.js';
