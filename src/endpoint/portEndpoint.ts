import type { Endpoint } from './createEndpointTransport.js';

/** A port-like object: a DOM or Node `MessagePort`, Node's `parentPort`, a Web Worker's `self`. */
export interface PortLike {
  postMessage(message: any, transfer?: any): void;
  addEventListener(type: string, listener: (event: any) => void): void;
  removeEventListener(type: string, listener: (event: any) => void): void;
}

/**
 * The `post` and `listen` of an `Endpoint` over a port-like object: messages are posted as they
 * are (with the transfer list only when there is one), frames in their text form (one string
 * clones faster than an object), each `'message'` event's `data` is
 * delivered, and a `'close'` event (where the platform fires one) means the peer is gone. Shared
 * by the messagePort and worker transports (internal).
 *
 * @param port The port-like object.
 * @returns An endpoint without `close` (what to release on close differs per transport).
 */
export function portEndpoint(port: PortLike): Endpoint {
  return {
    textFrames: true,
    post: (message, transfer) => (transfer === undefined ? port.postMessage(message) : port.postMessage(message, transfer)),
    listen: (onMessage, onLost) => {
      const message = (event: { data: unknown }): void => onMessage(event.data);
      const close = (): void => onLost();
      port.addEventListener('message', message);
      port.addEventListener('close', close);
      return () => {
        port.removeEventListener('message', message);
        port.removeEventListener('close', close);
      };
    },
  };
}
