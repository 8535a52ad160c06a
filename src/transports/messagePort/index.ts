/* MessagePort transport */
export { messagePortTransport, type MessagePortLike } from './messagePortTransport.js';
