import { createEndpointTransport } from '../../endpoint/createEndpointTransport.js';
import type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
import type { BroadcastChannelTransportOptions } from './BroadcastChannelTransportOptions.js';
import { broadcastRendererEndpoint } from './broadcastRendererEndpoint.js';
import { resolveBroadcastOptions } from './resolveBroadcastOptions.js';

/**
 * A renderer's transport to the main side that `broadcastChannelMain` runs on the same channel
 * name, in another tab, frame or worker of the same origin. The renderer announces itself with a
 * random id; the main answers on a channel of this renderer's own (`<name>#<id>`), so what main
 * sends to it (`event.reply`, `webContents.send`) reaches this renderer only, and other
 * renderers never see its traffic. Frames sent before the main answers are kept and delivered in
 * order; with no main on the name, the transport errors with `IpcTimeoutError` after the
 * handshake timeout. `complete()` says goodbye; a main that goes away without one (a crashed or
 * frozen tab) is noticed after missed heartbeats.
 *
 * ## Example
 * ```ts
 * import { IpcRenderer } from 'rxipc';
 * import { broadcastChannelTransport } from 'rxipc/transports/broadcastChannel';
 *
 * // In any tab, frame or worker of the origin that runs the main side:
 * const ipcRenderer = new IpcRenderer(broadcastChannelTransport('my-app', { self: window }));
 * ipcRenderer.on('theme', (_event, theme) => applyTheme(theme));
 * console.log(await ipcRenderer.invoke('user'));
 * ```
 *
 * @param channelName The channel name the main listens on.
 * @param options The `BroadcastChannel` constructor, a window for `'pagehide'`, heartbeat and handshake settings.
 * @returns The renderer's end, for `new IpcRenderer` (or an `IpcRenderer`'s `host` option when the
 * other end is an `IpcHost`).
 * @throws TypeError (`ERR_INVALID_ARG_TYPE`, `ERR_OUT_OF_RANGE`) for a bad name or options, or when
 * there is no `BroadcastChannel`.
 * @see broadcastChannelMain
 */
export function broadcastChannelTransport(channelName: string, options?: BroadcastChannelTransportOptions): EndpointTransport {
  const settings = resolveBroadcastOptions(channelName, options);
  return createEndpointTransport(broadcastRendererEndpoint(channelName, settings), settings.transport);
}
