import type { Unsubscribable } from 'rxjs';
import { createEndpointTransport, type Endpoint } from '../../endpoint/createEndpointTransport.js';
import { isFrameMessage, isGreeting, signalMessage } from '../../endpoint/EndpointMessage.js';
import type { SyncTransport } from '../../contract/SubjectLike.js';
import { ELECTRON_CHANNEL } from './ELECTRON_CHANNEL.js';
import { isPacket, type MainPacket, type RendererPacket } from './electronPacket.js';
import type { ElectronTransportOptions } from './ElectronTransportOptions.js';

/** The parts of Electron's `ipcRenderer` that `electronRendererTransport` uses. */
export interface ElectronIpcRendererLike {
  /** Sends to the main process, asynchronously. */
  send(channel: string, ...args: any[]): void;
  /** Sends to the main process and blocks until a main listener sets `event.returnValue`. */
  sendSync(channel: string, ...args: any[]): any;
  /** Listens to messages from the main process. */
  on(channel: string, listener: (event: any, ...args: any[]) => void): unknown;
  /** Stops listening. */
  removeListener(channel: string, listener: (event: any, ...args: any[]) => void): unknown;
}

/** Stands in for a frame that `nextSync` already returned, when its posted original arrives. */
const CONSUMED = '\u0000rxipc:consumed';

let sessions = 0;

/**
 * Creates the renderer's end of a transport to the Electron main process, carried on Electron's
 * own IPC (`ipcRenderer.send` / `webContents.send`) on one reserved channel,
 * `ELECTRON_CHANNEL` (`'rxipc:frame'`). The main process serves it with
 * `electronMainTransports`. This gives a real Electron app rxipc on top of Electron's IPC:
 * Observables, `invoke$` streams with cancellation, typed errors. `sendSync` works: it rides on
 * Electron's blocking `ipcRenderer.sendSync`, after everything sent before it; main answers
 * during the dispatch of the message (a main listener must set `event.returnValue`
 * synchronously, or `sendSync` throws `IpcNoReturnValueError`).
 *
 * Create it where `ipcRenderer` is Electron's own object: in a preload script, or a renderer
 * with `nodeIntegration` (a function passed through `contextBridge` is a copy, so listeners
 * could not be removed).
 *
 * ## Example
 * ```ts
 * // preload.ts
 * import { ipcRenderer as electronIpcRenderer } from 'electron';
 * import { IpcRenderer } from 'rxipc';
 * import { electronRendererTransport } from 'rxipc/transports/electron';
 *
 * const ipcRenderer = new IpcRenderer(electronRendererTransport(electronIpcRenderer));
 * ipcRenderer.invoke$('downloads').subscribe((progress) => console.log(progress));
 * const config = ipcRenderer.sendSync('config');
 * ```
 *
 * @param ipcRenderer Electron's `ipcRenderer`.
 * @param options The handshake and close timing, their scheduler, `onIgnored`.
 * @returns The renderer's end of the transport, with a blocking `nextSync`.
 * @see electronMainTransports
 */
export function electronRendererTransport(ipcRenderer: ElectronIpcRendererLike, options?: ElectronTransportOptions): SyncTransport<string> {
  const session = `${Date.now().toString(36)}-${(++sessions).toString(36)}-${Math.random().toString(36).slice(2)}`;
  /** Sequence numbers of frames `nextSync` returned, whose posted originals are still to come. */
  const consumed = new Set<number>();
  let greeted = false;
  let deliver: ((message: unknown) => void) | undefined;
  /** Set while `nextSync` sends its frame: the next post goes through `sendSync`. */
  let syncAnswer: { pending: boolean; messages?: unknown } | undefined;

  const receive = (message: unknown): void => {
    if (isGreeting(message)) greeted = true;
    if (isFrameMessage(message) && consumed.delete(message.seq)) {
      deliver?.({ ...message, data: CONSUMED });
      return;
    }
    deliver?.(message);
  };

  const endpoint: Endpoint = {
    post(message) {
      if (syncAnswer?.pending) {
        syncAnswer.pending = false;
        syncAnswer.messages = ipcRenderer.sendSync(ELECTRON_CHANNEL, { session, message, sync: true } satisfies RendererPacket);
        return;
      }
      ipcRenderer.send(ELECTRON_CHANNEL, { session, message } satisfies RendererPacket);
    },
    listen(onMessage) {
      const listener = (_event: unknown, packet: MainPacket): void => {
        if (isPacket(packet) && packet.session === session) receive(packet.message);
      };
      deliver = onMessage;
      ipcRenderer.on(ELECTRON_CHANNEL, listener);
      return () => {
        deliver = undefined;
        ipcRenderer.removeListener(ELECTRON_CHANNEL, listener);
      };
    },
  };
  // Each post must reach Electron as it is made: `nextSync` turns the next one into `sendSync`.
  const transport = createEndpointTransport(endpoint, { ...options, coalesce: false });

  /** Sends one message with Electron's blocking call; returns what main posted meanwhile. */
  const roundTrip = (send: () => void): unknown[] => {
    syncAnswer = { pending: true };
    try {
      send();
      const messages = syncAnswer.messages;
      return Array.isArray(messages) ? messages : [];
    } finally {
      syncAnswer = undefined;
    }
  };

  return {
    next: (frame) => transport.next(frame),
    complete: () => transport.complete(),
    subscribe(observer): Unsubscribable {
      return transport.subscribe({
        next: (frame) => {
          if (frame !== CONSUMED) observer.next?.(frame);
        },
        error: (error: unknown) => observer.error?.(error),
        complete: () => observer.complete?.(),
      });
    },
    nextSync(frame, isReply) {
      if (!greeted) {
        // Connect now: main answers the hello during the call, and the frames this side kept
        // until the handshake are posted (asynchronously, ahead of the blocking call below).
        // Frames main sent meanwhile are left to their posted originals, delivered later.
        for (const message of roundTrip(() => endpoint.post(signalMessage('hello')))) {
          if (isGreeting(message)) receive(message);
        }
      }
      for (const message of roundTrip(() => transport.next(frame))) {
        if (isFrameMessage(message) && message.data !== CONSUMED && isReplySafe(isReply, message.data)) {
          // Its original, posted as well, keeps its place in the order but is not delivered.
          consumed.add(message.seq);
          return message.data;
        }
      }
      return undefined;
    },
  };
}

function isReplySafe(isReply: (frame: string) => boolean, frame: string): boolean {
  try {
    return isReply(frame);
  } catch {
    return false;
  }
}
