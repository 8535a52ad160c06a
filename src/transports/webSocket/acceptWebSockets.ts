import type { Unsubscribable } from 'rxjs';
import type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
import type { WebSocketLike } from './WebSocketLike.js';
import type { WebSocketServerLike } from './WebSocketServerLike.js';
import type { WebSocketTransportOptions } from './WebSocketTransportOptions.js';
import { webSocketTransport } from './webSocketTransport.js';

/**
 * Serves WebSocket clients from a Node main side: every socket the server accepts becomes one
 * transport, handed to `onTransport` (usually `ipcMain.connect`, which gives one `WebContents`
 * per connection). Clients use `webSocketTransport(new WebSocket(url))`. Unsubscribing stops
 * accepting connections and closes the ones it accepted that are still open; the server itself
 * stays yours to close.
 *
 * ## Example
 * ```ts
 * import { WebSocketServer } from 'ws';
 * import { IpcMain } from 'rxipc';
 * import { acceptWebSockets } from 'rxipc/transports/webSocket';
 *
 * const ipcMain = new IpcMain();
 * ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
 * ipcMain.on('hello', (event) => event.reply('welcome', event.sender.id));
 *
 * const wss = new WebSocketServer({ host: '127.0.0.1', port: 8080 });
 * const serving = acceptWebSockets(wss, (transport) => ipcMain.connect(transport));
 * // later: serving.unsubscribe(); wss.close();
 * ```
 *
 * @param server The `ws` `WebSocketServer` (or anything with its `'connection'` event).
 * @param onTransport Called once per accepted socket, in its `'connection'` event, with the
 *   transport, the socket and the HTTP upgrade request.
 * @param options The transport options, for every connection.
 * @returns A subscription: `unsubscribe()` stops accepting and closes the accepted connections.
 * @see webSocketTransport
 */
export function acceptWebSockets(
  server: WebSocketServerLike,
  onTransport: (transport: EndpointTransport, socket: WebSocketLike, request: unknown) => void,
  options?: WebSocketTransportOptions,
): Unsubscribable {
  const open = new Map<WebSocketLike, EndpointTransport>();
  const onConnection = (socket: WebSocketLike, request: unknown): void => {
    const transport = webSocketTransport(socket, options);
    open.set(socket, transport);
    const forget = (): void => {
      socket.removeEventListener('close', forget);
      open.delete(socket);
    };
    socket.addEventListener('close', forget);
    onTransport(transport, socket, request);
  };
  server.on('connection', onConnection);
  return {
    unsubscribe() {
      server.off('connection', onConnection);
      const transports = [...open.values()];
      open.clear();
      for (const transport of transports) transport.complete();
    },
  };
}
