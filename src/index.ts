/* Embedded default */
export { createIpc, type CreateIpcOptions, type EmbeddedIpc } from './createIpc.js';

/* Facades */
export { IpcRenderer, type IpcRendererEvent, type IpcRendererListener, type IpcRendererOptions } from './renderer/IpcRenderer.js';
export {
  IpcMain,
  type ChannelAllowList,
  type ConnectOptions,
  type IpcMainOptions,
  type RendererChannel,
  type SenderCheck,
} from './main/IpcMain.js';
export { IpcScope, type IpcMainHandler, type IpcMainListener } from './main/IpcScope.js';
export { WebContents } from './main/WebContents.js';
export type { IpcMainEvent, IpcMainInvokeEvent } from './main/events.js';
export { IpcHost, type IpcHostMessageEvent } from './host/IpcHost.js';

/* Channels */
export { ChannelEmitter } from './channel/ChannelEmitter.js';
export { fromChannel, liveChannelSubscriptions, type ChannelMessage, type CloseNotifier } from './channel/fromChannel.js';

/* Core */
export { EventEmitter } from './core/EventEmitter.js';

/* Operators */
export { sendTo, type SendTarget } from './operators/sendTo.js';
export { invokeOn, type InvokeTarget } from './operators/invokeOn.js';

/* Transports */
export { isSyncTransport, type SubjectLike, type SyncTransport } from './contract/SubjectLike.js';
export { createMemoryTransportPair, type MemoryTransportOptions } from './memory/createMemoryTransportPair.js';

/* Protocol */
export { PROTOCOL_VERSION, type Envelope, type EnvelopeKind, type WireError } from './protocol/Envelope.js';
export { encodeFrame, decodeFrame, isEncodable, DEFAULT_MAX_DEPTH, DEFAULT_MAX_FRAME_LENGTH, type CodecOptions } from './protocol/codec.js';

/* Errors */
export { IpcError, type IpcErrorOptions } from './errors/IpcError.js';
export { IpcBackpressureError } from './errors/IpcBackpressureError.js';
export { IpcBadFrameError } from './errors/IpcBadFrameError.js';
export { IpcBridgeRefusedError } from './errors/IpcBridgeRefusedError.js';
export { IpcCancelledError } from './errors/IpcCancelledError.js';
export { IpcClosedError } from './errors/IpcClosedError.js';
export { IpcHandlerExistsError } from './errors/IpcHandlerExistsError.js';
export { IpcListenerError } from './errors/IpcListenerError.js';
export { IpcNoHandlerError } from './errors/IpcNoHandlerError.js';
export { IpcNoReturnValueError } from './errors/IpcNoReturnValueError.js';
export { IpcRefusedError } from './errors/IpcRefusedError.js';
export { IpcRemoteError } from './errors/IpcRemoteError.js';
export { IpcSerializationError } from './errors/IpcSerializationError.js';
export { IpcSyncUnsupportedError } from './errors/IpcSyncUnsupportedError.js';
export { IpcTimeoutError } from './errors/IpcTimeoutError.js';
export { IpcUnsafeOriginError } from './errors/IpcUnsafeOriginError.js';

/* Typed channels */
export type {
  AnyChannels,
  CallArgs,
  CallResult,
  ChannelCall,
  ChannelMap,
  ChannelSection,
  ChannelTypes,
  EventArgs,
  EventChannel,
  HandlerResult,
  HostArgs,
  HostChannel,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  IsLooseMap,
  SendArgs,
  SendChannel,
  SingleArg,
  SyncArgs,
  SyncChannel,
  SyncResult,
} from './channel/ChannelMap.js';
export type {
  ListenerFor,
  ListenerMap,
  ListenerName,
  LooseListeners,
  MessageFor,
  MetaEventName,
  MetaListener,
  OtherEventName,
  RendererListenerMap,
} from './channel/ListenerMap.js';
export type { IpcMainHandlerFor, MainListenerMap } from './main/IpcScope.js';
export type { TypedInvokeTarget } from './operators/invokeOn.js';
export type { TypedSendTarget } from './operators/sendTo.js';
