// What travels on the reserved Electron channel (internal): one transport message of
// `createEndpointTransport`, addressed to one renderer session. A renderer picks a fresh session
// id each time its page loads, so the main side can tell a reload from the same renderer.

/** A renderer's packet; `sync` marks the one `ipcRenderer.sendSync` carries. */
export interface RendererPacket {
  session: string;
  message: unknown;
  sync?: true;
}

/** A main-side packet. */
export interface MainPacket {
  session: string;
  message: unknown;
}

/** What main sets as `event.returnValue` of a sync packet: the messages it posted meanwhile. */
export type SyncAnswer = unknown[];

export function isPacket(value: unknown): value is RendererPacket {
  return typeof value === 'object' && value !== null && typeof (value as { session?: unknown }).session === 'string' && 'message' in value;
}

/** Whether a transport message is the frame `{ rxipc: 'frame', seq, data }`. */
export function isFrameMessage(message: unknown): message is { rxipc: 'frame'; seq: number; data: string } {
  if (typeof message !== 'object' || message === null) return false;
  const { rxipc, seq, data } = message as { rxipc?: unknown; seq?: unknown; data?: unknown };
  return rxipc === 'frame' && typeof seq === 'number' && typeof data === 'string';
}

/** Whether a transport message is the peer's hello or ack: it is listening. */
export function isGreeting(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const { rxipc } = message as { rxipc?: unknown };
  return rxipc === 'hello' || rxipc === 'ack';
}
