// The app's channels, shared by main.ts, preload.ts and renderer.ts (types only).
import type { ChannelMap } from '../../src/index.js'; // published as 'rxipc'

export interface AppChannels extends ChannelMap {
  send: { log: [text: string] };
  sync: { 'config:get': { args: [key: string]; result: string } };
  invoke: {
    sum: { args: [a: number, b: number]; result: number };
    progress: { args: [every: number]; result: number }; // a stream, through invoke$
  };
  events: { status: [text: string] };
}
