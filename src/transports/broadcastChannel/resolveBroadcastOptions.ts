import { asyncScheduler, type SchedulerLike } from 'rxjs';
import { invalidArgType } from '../../core/nodeErrors.js';
import type { EndpointTransportOptions } from '../../endpoint/createEndpointTransport.js';
import { resolveHeartbeatOptions } from '../resolveHeartbeatOptions.js';
import type { BroadcastChannelConstructor, PageHideTarget } from './BroadcastChannelLike.js';
import type { BroadcastChannelTransportOptions } from './BroadcastChannelTransportOptions.js';

/** The checked options of the broadcastChannel transports. Internal. */
export interface BroadcastSettings {
  BroadcastChannel: BroadcastChannelConstructor;
  self: PageHideTarget | undefined;
  heartbeatInterval: number;
  heartbeatMisses: number;
  scheduler: SchedulerLike;
  /** What `createEndpointTransport` gets. */
  transport: EndpointTransportOptions;
}

/** Checks the channel name and the options; throws Node-style errors for bad ones. Internal. */
export function resolveBroadcastOptions(channelName: unknown, options: BroadcastChannelTransportOptions | undefined): BroadcastSettings {
  if (typeof channelName !== 'string') throw invalidArgType('channelName', 'string', channelName);
  const o = options ?? {};
  if (typeof o !== 'object' || o === null) throw invalidArgType('options', 'object', o);
  const Ctor = o.BroadcastChannel ?? (globalThis as { BroadcastChannel?: BroadcastChannelConstructor }).BroadcastChannel;
  if (typeof Ctor !== 'function') throw invalidArgType('options.BroadcastChannel', 'function', Ctor);
  if (o.self !== undefined && (typeof o.self !== 'object' || o.self === null || typeof o.self.addEventListener !== 'function')) {
    throw invalidArgType('options.self', 'Window', o.self);
  }
  const { heartbeatInterval, heartbeatMisses } = resolveHeartbeatOptions(o);
  const scheduler = o.scheduler ?? asyncScheduler;
  return {
    BroadcastChannel: Ctor,
    self: o.self,
    heartbeatInterval,
    heartbeatMisses,
    scheduler,
    transport: {
      scheduler,
      ...(o.handshakeTimeout === undefined ? {} : { handshakeTimeout: o.handshakeTimeout }),
      ...(o.highWaterMark === undefined ? {} : { highWaterMark: o.highWaterMark }),
    },
  };
}
