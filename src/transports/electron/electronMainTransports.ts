import type { Unsubscribable } from 'rxjs';
import { createEndpointTransport, type Endpoint } from '../../endpoint/createEndpointTransport.js';
import type { SubjectLike } from '../../contract/SubjectLike.js';
import { ELECTRON_CHANNEL } from './ELECTRON_CHANNEL.js';
import { isPacket, type MainPacket, type SyncAnswer } from './electronPacket.js';
import type { ElectronTransportOptions } from './ElectronTransportOptions.js';

/** The parts of Electron's `webContents` that `electronMainTransports` uses. */
export interface ElectronWebContentsLike {
  /** Sends to the renderer, asynchronously. */
  send(channel: string, ...args: any[]): void;
  /** Whether the page is gone for good. */
  isDestroyed(): boolean;
  /** `'destroyed'`: the window closed. */
  on(event: 'destroyed', listener: () => void): unknown;
  /** `'render-process-gone'`: the renderer crashed or was killed. */
  on(event: 'render-process-gone', listener: (event: any, details: any) => void): unknown;
  removeListener(event: 'destroyed', listener: () => void): unknown;
  removeListener(event: 'render-process-gone', listener: (event: any, details: any) => void): unknown;
}

/** The parts of Electron's `IpcMainEvent` that `electronMainTransports` uses. */
export interface ElectronIpcMainEventLike<W> {
  /** The `webContents` that sent the message. */
  sender: W;
  /** The answer to `ipcRenderer.sendSync`. */
  returnValue: any;
}

/** The parts of Electron's `ipcMain` that `electronMainTransports` uses. */
export interface ElectronIpcMainLike<W> {
  /** Listens to messages from renderers. */
  on(channel: string, listener: (event: ElectronIpcMainEventLike<W>, ...args: any[]) => void): unknown;
  /** Stops listening. */
  removeListener(channel: string, listener: (event: ElectronIpcMainEventLike<W>, ...args: any[]) => void): unknown;
}

interface Connection {
  session: string;
  /** Collects what this side posts while it answers a `sendSync`. */
  capture: SyncAnswer | undefined;
  receive(message: unknown): void;
  lose(cause: unknown): void;
  transport: SubjectLike<string>;
}

/**
 * Serves rxipc renderers from the Electron main process, on Electron's own IPC (one reserved
 * channel, `ELECTRON_CHANNEL`). Each renderer that creates an `electronRendererTransport` gets
 * one transport here, handed to `onTransport` with its `webContents` (usually passed on to
 * `ipcMain.connect` of an rxipc `IpcMain`, which gives one rxipc `WebContents` per renderer).
 * The window closing (`'destroyed'`), its renderer crashing (`'render-process-gone'`) or the
 * page reloading ends that transport, so the rxipc `WebContents` emits `'destroyed'` and its
 * running handlers are aborted; a reloaded page connects again as a new transport.
 * Unsubscribing stops serving and closes every transport it made.
 *
 * ## Example
 * ```ts
 * // main.ts
 * import { app, BrowserWindow, ipcMain as electronIpcMain } from 'electron';
 * import { interval } from 'rxjs';
 * import { IpcMain } from 'rxipc';
 * import { electronMainTransports } from 'rxipc/transports/electron';
 *
 * const ipcMain = new IpcMain();
 * ipcMain.handle('downloads', () => interval(1000));
 * ipcMain.on('config', (event) => { event.returnValue = { theme: 'dark' }; });
 * electronMainTransports(electronIpcMain, (transport) => ipcMain.connect(transport));
 *
 * app.whenReady().then(() => new BrowserWindow({ webPreferences: { preload: '/path/to/preload.js' } }));
 * ```
 *
 * @param ipcMain Electron's `ipcMain`.
 * @param onTransport Called once per renderer page that connects, with its transport and its
 *   Electron `webContents`.
 * @param options The handshake and close timing, their scheduler, `onIgnored`.
 * @returns A subscription: `unsubscribe()` stops serving and closes the transports.
 * @see electronRendererTransport
 */
export function electronMainTransports<W extends ElectronWebContentsLike>(
  ipcMain: ElectronIpcMainLike<W>,
  onTransport: (transport: SubjectLike<string>, webContents: W) => void,
  options?: ElectronTransportOptions,
): Unsubscribable {
  const connections = new Map<W, Connection>();
  let serving = true;
  let listening = true;

  const stopListening = (): void => {
    if (!listening) return;
    listening = false;
    ipcMain.removeListener(ELECTRON_CHANNEL, onPacket);
  };

  const open = (webContents: W, session: string): Connection => {
    let onMessage: ((message: unknown) => void) | undefined;
    const endpoint: Endpoint = {
      post(message) {
        if (webContents.isDestroyed()) return;
        connection.capture?.push(message);
        // Posted as well while answering a sendSync: the renderer keeps the order with the
        // original and skips the one it already returned.
        webContents.send(ELECTRON_CHANNEL, { session, message } satisfies MainPacket);
      },
      listen(deliver, onLost) {
        onMessage = deliver;
        const onDestroyed = (): void => onLost(new Error('The webContents was destroyed'));
        const onGone = (_event: unknown, details: unknown): void => {
          const reason = (details as { reason?: unknown } | undefined)?.reason;
          onLost(new Error(`The renderer process is gone (${typeof reason === 'string' ? reason : 'unknown reason'})`));
        };
        webContents.on('destroyed', onDestroyed);
        webContents.on('render-process-gone', onGone);
        lose = onLost;
        return () => {
          onMessage = undefined;
          lose = () => undefined;
          webContents.removeListener('destroyed', onDestroyed);
          webContents.removeListener('render-process-gone', onGone);
        };
      },
      close() {
        if (connections.get(webContents) === connection) connections.delete(webContents);
        if (!serving && connections.size === 0) stopListening();
      },
    };
    let lose: (cause: unknown) => void = () => undefined;
    const connection: Connection = {
      session,
      capture: undefined,
      receive: (message) => onMessage?.(message),
      lose: (cause) => lose(cause),
      transport: undefined as unknown as SubjectLike<string>,
    };
    connections.set(webContents, connection);
    // Each post must be made at once: while answering a `sendSync`, posts are captured for it.
    connection.transport = createEndpointTransport(endpoint, { ...options, coalesce: false });
    onTransport(connection.transport, webContents);
    return connection;
  };

  function onPacket(event: ElectronIpcMainEventLike<W>, packet: unknown): void {
    const answer: SyncAnswer = [];
    let connection: Connection | undefined;
    try {
      const webContents = event.sender;
      if (!isPacket(packet) || webContents.isDestroyed()) return;
      connection = connections.get(webContents);
      if (connection !== undefined && connection.session !== packet.session) {
        // A new page in the same webContents (a reload or a navigation): the old one is gone.
        connection.lose(new Error('The renderer page was replaced (reload or navigation)'));
        connection = connections.get(webContents);
      }
      if (connection === undefined) {
        if (!serving) return;
        connection = open(webContents, packet.session);
      }
      if (packet.sync === true) connection.capture = answer;
      connection.receive(packet.message);
    } finally {
      if (connection !== undefined) connection.capture = undefined;
      // Always answered, so a renderer blocked in sendSync never hangs on rxipc's channel.
      event.returnValue = answer;
    }
  }

  ipcMain.on(ELECTRON_CHANNEL, onPacket);
  return {
    unsubscribe() {
      if (!serving) return;
      serving = false;
      const remaining = [...connections.values()];
      if (remaining.length === 0) stopListening();
      // The goodbyes are acknowledged on the channel: keep listening until every one is closed.
      for (const connection of remaining) connection.transport.complete();
    },
  };
}
