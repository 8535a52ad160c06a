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
