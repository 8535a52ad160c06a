/** What the broadcastChannel transports need of a `BroadcastChannel` (the DOM's or Node's). */
export interface BroadcastChannelLike {
  /** Posts a message to every other `BroadcastChannel` object of the same name and origin. */
  postMessage(message: unknown): void;
  /** Adds a `'message'` listener. */
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Removes it. */
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Closes this object: it neither sends nor receives any more. */
  close(): void;
}

/** A `BroadcastChannel` constructor, such as `globalThis.BroadcastChannel`. */
export type BroadcastChannelConstructor = new (name: string) => BroadcastChannelLike;

/** What the broadcastChannel transports need of a window to say goodbye when it goes away. */
export interface PageHideTarget {
  /** Adds the `'pagehide'` listener. */
  addEventListener(type: 'pagehide', listener: () => void): void;
  /** Removes it. */
  removeEventListener(type: 'pagehide', listener: () => void): void;
}
