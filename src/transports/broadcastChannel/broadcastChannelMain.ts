import { IpcClosedError } from '../../errors/IpcClosedError.js';
import { createEndpointTransport, type Endpoint } from '../../endpoint/createEndpointTransport.js';
import type { SubjectLike } from '../../contract/SubjectLike.js';
import { invalidArgType } from '../../core/nodeErrors.js';
import { newInstanceId } from '../../endpoint/newInstanceId.js';
import type { BroadcastChannelLike } from './BroadcastChannelLike.js';
import type { BroadcastChannelTransportOptions } from './BroadcastChannelTransportOptions.js';
import { BROADCAST_FRAME_MARK, parseBroadcastFrame, pipeName, type BroadcastFrame } from './BroadcastFrame.js';
import { pipeLifecycle } from './pipeLifecycle.js';
import { resolveBroadcastOptions, type BroadcastSettings } from './resolveBroadcastOptions.js';

/** What `broadcastChannelMain` tells `onTransport` about a renderer. */
export interface BroadcastRendererInfo {
  /** The renderer's random id, as written in its transport-level messages. */
  rendererId: string;
}

/** The handle `broadcastChannelMain` returns. */
export interface BroadcastChannelMain {
  /** The ids of the renderers connected now. */
  readonly rendererIds: readonly string[];
  /**
   * Stops accepting renderers and closes every connection (each renderer gets a goodbye, each
   * `WebContents` is destroyed). Idempotent.
   */
  close(): void;
}

const REMEMBERED_CLOSED = 256;

interface Connection {
  endpoint: Endpoint & { deliver(message: unknown): void; gone(): void };
  transport: SubjectLike<string>;
}

/**
 * The main side of a `BroadcastChannel` name: every renderer that announces itself there
 * (`broadcastChannelTransport(channelName)`, in any tab, frame or worker of the same origin) gets
 * a transport of its own, handed to `onTransport`, typically `ipcMain.connect`. Each renderer
 * has a channel of its own (`<name>#<renderer id>`) and every transport-level message carries the
 * renderer's and the main's ids, so `event.reply` and `webContents.send` reach exactly that
 * renderer. A renderer's goodbye (`close()`, its window's `'pagehide'`) completes its transport
 * at once; a renderer that vanishes (a crashed tab) is noticed after missed heartbeats.
 * Run one main per channel name.
 *
 * ## Example
 * ```ts
 * import { IpcMain } from 'rxipc';
 * import { broadcastChannelMain } from 'rxipc/transports/broadcastChannel';
 *
 * const ipcMain = new IpcMain();
 * ipcMain.handle('user', () => ({ name: 'Ada' }));
 * ipcMain.on('hello', (event) => event.reply('welcome', event.sender.id));
 * const main = broadcastChannelMain('my-app', (transport) => {
 *   const webContents = ipcMain.connect(transport);
 *   webContents.once('destroyed', () => console.log('renderer', webContents.id, 'left'));
 * }, { self: window });
 * // later: main.close();
 * ```
 *
 * @param channelName The channel name renderers announce themselves on.
 * @param onTransport Called with the transport of each new renderer.
 * @param options The `BroadcastChannel` constructor, a window for `'pagehide'`, heartbeat and handshake settings.
 * @returns A handle to list the renderers and to close everything.
 * @throws TypeError (`ERR_INVALID_ARG_TYPE`, `ERR_OUT_OF_RANGE`) for bad arguments, or when there
 * is no `BroadcastChannel`.
 * @see broadcastChannelTransport
 */
export function broadcastChannelMain(
  channelName: string,
  onTransport: (transport: SubjectLike<string>, renderer: BroadcastRendererInfo) => void,
  options?: BroadcastChannelTransportOptions,
): BroadcastChannelMain {
  const settings = resolveBroadcastOptions(channelName, options);
  if (typeof onTransport !== 'function') throw invalidArgType('onTransport', 'function', onTransport);
  const mainId = newInstanceId();
  const connections = new Map<string, Connection>();
  const closedIds = new Set<string>();
  let closed = false;

  const forget = (rendererId: string): void => {
    connections.delete(rendererId);
    closedIds.add(rendererId);
    if (closedIds.size > REMEMBERED_CLOSED) closedIds.delete(closedIds.values().next().value as string);
  };

  const onAnnounce = (event: { data: unknown }): void => {
    if (closed) return;
    const frame = parseBroadcastFrame(event.data);
    if (frame === undefined || frame.ctl !== undefined || frame.to !== undefined) return;
    let connection = connections.get(frame.from);
    if (connection === undefined) {
      if (closedIds.has(frame.from)) return; // A late hello of a renderer that has already left.
      connection = connect(frame.from);
      if (connection === undefined) return;
    }
    connection.endpoint.deliver(frame.body);
  };

  const connect = (rendererId: string): Connection | undefined => {
    const endpoint = mainConnectionEndpoint(channelName, mainId, rendererId, settings, () => forget(rendererId));
    const transport = createEndpointTransport(endpoint, settings.transport);
    const connection: Connection = { endpoint, transport };
    connections.set(rendererId, connection);
    try {
      onTransport(transport, { rendererId });
    } catch (error) {
      transport.complete();
      settings.scheduler.schedule(() => {
        throw error;
      });
      return undefined;
    }
    return connections.get(rendererId);
  };

  const onPageHide = (): void => {
    for (const { endpoint } of [...connections.values()]) endpoint.gone();
    close();
  };

  const announce = new settings.BroadcastChannel(channelName);
  announce.addEventListener('message', onAnnounce);
  settings.self?.addEventListener('pagehide', onPageHide);

  const close = (): void => {
    if (closed) return;
    closed = true;
    announce.removeEventListener('message', onAnnounce);
    announce.close();
    settings.self?.removeEventListener('pagehide', onPageHide);
    const open = [...connections.values()];
    connections.clear();
    for (const { transport } of open) transport.complete();
  };

  return {
    get rendererIds() {
      return [...connections.keys()];
    },
    close,
  };
}

/** The main's `Endpoint` for one renderer, on that renderer's pipe. */
function mainConnectionEndpoint(
  channelName: string,
  mainId: string,
  rendererId: string,
  settings: BroadcastSettings,
  onFinish: () => void,
): Connection['endpoint'] {
  let pipe: BroadcastChannelLike | undefined;

  const post = (frame: BroadcastFrame): void => pipe?.postMessage(frame);
  const control = (ctl: 'ping' | 'pong' | 'gone'): void => post({ rxipc: BROADCAST_FRAME_MARK, from: mainId, to: rendererId, ctl });
  const lifecycle = pipeLifecycle(
    settings,
    () => control('ping'),
    () => {
      pipe?.removeEventListener('message', onPipe);
      pipe?.close();
      pipe = undefined;
      onFinish();
    },
  );
  const { heartbeat } = lifecycle;
  const onPipe = (event: { data: unknown }): void => {
    if (lifecycle.finished) return;
    const frame = parseBroadcastFrame(event.data);
    if (frame === undefined || frame.from !== rendererId || frame.to !== mainId) return;
    if (
      heartbeat.receive(
        frame.ctl,
        () => control('pong'),
        () => new IpcClosedError(`Renderer ${rendererId} went away (pagehide)`),
      )
    )
      return;
    lifecycle.handlers?.onMessage(frame.body);
  };

  return {
    post(message) {
      if (!lifecycle.finished) post({ rxipc: BROADCAST_FRAME_MARK, from: mainId, to: rendererId, body: message });
    },
    listen(onMessage, onLost) {
      lifecycle.handlers = { onMessage, onLost };
      if (!lifecycle.finished && pipe === undefined) {
        pipe = new settings.BroadcastChannel(pipeName(channelName, rendererId));
        pipe.addEventListener('message', onPipe);
        heartbeat.start();
      }
      return () => {
        lifecycle.handlers = undefined;
        lifecycle.finish();
      };
    },
    close() {
      lifecycle.finish();
    },
    deliver(message) {
      if (lifecycle.finished) return;
      heartbeat.heard();
      lifecycle.handlers?.onMessage(message);
    },
    gone() {
      if (lifecycle.finished) return;
      control('gone');
      lifecycle.lose(new IpcClosedError('This window is going away (pagehide)'));
    },
  };
}
