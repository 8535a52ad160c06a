// Type tests (compiled, never run): see README.md in this folder.
import {
  EventEmitter,
  IpcClosedError,
  IpcError,
  IpcRemoteError,
  IpcSerializationError,
  IpcTimeoutError,
  createIpc,
} from '../../src/index.js';

/* Errors: one base with a string code, named subclasses */
const closed: IpcError = new IpcClosedError('closed');
const code: string = closed.code;
const channel: string | undefined = closed.channel;
const asError: Error = new IpcTimeoutError('late');
const serialisation: IpcError = new IpcSerializationError('cycle');

async function handleRejection(): Promise<void> {
  const { ipcRenderer } = createIpc();
  try {
    await ipcRenderer.invoke('x');
  } catch (error) {
    if (error instanceof IpcRemoteError) {
      const remoteCode: string = error.code;
      const field: unknown = error['path'];
      const stack: string | undefined = error.remoteStack;
      void [remoteCode, field, stack];
    }
  }
}
// @ts-expect-error code is a string
const numericCode: number = closed.code;
// @ts-expect-error an IpcError needs a message
new IpcError();

/* The EventEmitter core: Node's API */
const emitter = new EventEmitter();
const same: EventEmitter = emitter.on('x', (a: number, b: string) => void [a, b]).once(Symbol('s'), () => undefined);
const had: boolean = emitter.emit('x', 1, 'b');
const names: Array<string | symbol> = emitter.eventNames();
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Node types listeners() as Function[].
const listeners: Function[] = emitter.listeners('x');
const max: number = emitter.setMaxListeners(20).getMaxListeners();
// @ts-expect-error a listener is required
emitter.on('x');
// @ts-expect-error an event name is a string or a symbol
emitter.on({}, () => undefined);
// @ts-expect-error the listener must be a function
emitter.prependListener('x', 1);

void [code, channel, asError, serialisation, handleRejection, numericCode, same, had, names, listeners, max];
