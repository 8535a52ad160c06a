import type { Listener } from '../core/EventEmitter.js';
import type { EventArgs, EventChannel, ChannelSection, IsLooseMap } from './ChannelMap.js';
import type { ChannelMessage } from './fromChannel.js';

/**
 * What a facade's listeners receive, by channel: the full parameter list, event first
 * (`{ tick: [event: IpcRendererEvent<M>, n: number] }`). The facades derive it from their
 * {@link ChannelMap}; {@link LooseListeners} is the untyped default.
 */
export type ListenerMap = { [channel: string]: unknown[] };

/** The untyped listener map: every channel name, listeners `(...args: any[])`, as an untyped `EventEmitter`. */
export interface LooseListeners {
  [channel: string]: any[];
}

/** The channel names of a listener map. */
export type ListenerName<L> = keyof L & string;

/** The listener of a channel: `(event, ...args)` typed from the map, or `(...args: any[])` when untyped. */
export type ListenerFor<L, K> =
  IsLooseMap<L> extends true ? Listener : K extends keyof L ? (...args: L[K] extends unknown[] ? L[K] : never) => unknown : never;

/** What `channel(name)` emits: `{ event, args }` typed from the map, or `ChannelMessage<E>` when untyped. */
export type MessageFor<E, L, K> =
  IsLooseMap<L> extends true
    ? ChannelMessage<E>
    : K extends keyof L
      ? L[K] extends [infer Event extends E, ...infer Args]
        ? ChannelMessage<Event, Args>
        : never
      : never;

/** Node's meta events, which every emitter has besides its channels. */
export type MetaEventName = 'newListener' | 'removeListener';

/** A `'newListener'` / `'removeListener'` listener. */
export type MetaListener = (eventName: string | symbol, listener: Listener) => unknown;

/** Event names that are not channels: any name when untyped, only symbols when typed. */
export type OtherEventName<L> = IsLooseMap<L> extends true ? string | symbol : symbol;

/**
 * The listener map of a renderer-side facade for a channel map `M`: each `events` channel with
 * `[event: E, ...its arguments]`; untyped when `M`'s `events` section is.
 */
export type RendererListenerMap<M, E> =
  IsLooseMap<ChannelSection<M, 'events'>> extends true ? LooseListeners : { [K in EventChannel<M>]: [event: E, ...EventArgs<M, K>] };
