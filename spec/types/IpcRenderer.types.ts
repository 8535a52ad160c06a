// Type tests (compiled, never run): see README.md in this folder.
import type { Observable } from 'rxjs';
import {
  createIpc,
  createMemoryTransportPair,
  IpcRenderer,
  type ChannelMessage,
  type IpcRendererEvent,
  type IpcRendererListener,
  type SubjectLike,
} from '../../src/index.js';

const { ipcRenderer } = createIpc();

/* Sending: a string channel, then any arguments */
ipcRenderer.send('channel', 1, 'two', { three: [3] }, undefined, null);
ipcRenderer.send('no-args');
const syncAnswer: number = ipcRenderer.sendSync('sync', 1); // `any`, as Electron's
ipcRenderer.sendToHost('to-host', { x: 1 });
const answer: Promise<string> = ipcRenderer.invoke('invoke', 1, 2);
const stream: Observable<number> = ipcRenderer.invoke$<number>('stream');

// @ts-expect-error the channel must be a string
ipcRenderer.send(42);
// @ts-expect-error a channel is required
ipcRenderer.send();
// @ts-expect-error the channel must be a string
ipcRenderer.sendSync({ channel: 'x' });
// @ts-expect-error the channel must be a string
ipcRenderer.sendToHost(Symbol('x'));
// @ts-expect-error the channel must be a string
void ipcRenderer.invoke(['x']);
// @ts-expect-error invoke returns a Promise, not an Observable (that is invoke$)
ipcRenderer.invoke('x').subscribe();
// @ts-expect-error invoke$ returns an Observable, not a Promise (that is invoke)
void ipcRenderer.invoke$('x').then(() => undefined);

/* Listening: Node's EventEmitter API, chainable */
const listener: IpcRendererListener = (event, ...args) => {
  const sender: IpcRenderer = event.sender;
  const ports: unknown[] = event.ports;
  void [sender, ports, args];
};
const chained: IpcRenderer = ipcRenderer
  .on('ch', listener)
  .once('ch', (event: IpcRendererEvent, value: number) => void [event, value])
  .addListener('ch', listener)
  .prependListener('ch', listener)
  .off('ch', listener)
  .removeListener('ch', listener)
  .removeAllListeners('ch')
  .removeAllListeners();
const count: number = ipcRenderer.listenerCount('ch');

// @ts-expect-error the listener must be a function
ipcRenderer.on('ch', 'not a function');
// @ts-expect-error a listener is required
ipcRenderer.on('ch');
// @ts-expect-error the channel must be a string (or symbol)
ipcRenderer.on(42, listener);
// @ts-expect-error the channel must be a string (or symbol)
ipcRenderer.removeListener(null, listener);

/* Channels as hot Observables */
const messages: Observable<ChannelMessage<IpcRendererEvent>> = ipcRenderer.channel('ch');
messages.subscribe(({ event, args }) => {
  const sender: IpcRenderer = event.sender;
  const values: unknown[] = args;
  void [sender, values];
});
// @ts-expect-error the channel must be a string
ipcRenderer.channel(1);
// @ts-expect-error a channel is required
ipcRenderer.channel();

/* Detached methods keep working (they are bound) and keep their types */
const { send, invoke, channel } = ipcRenderer;
send('detached');
void invoke('detached');
void channel('detached');
// @ts-expect-error a detached send still wants a string channel
send(1);

/* Construction from any SubjectLike<string> transport */
const [, rendererEnd] = createMemoryTransportPair();
const built = new IpcRenderer(rendererEnd, { syncTimeout: 1000 });
built.close();
const closed: boolean = built.isClosed;
// @ts-expect-error a transport is required
new IpcRenderer();
// @ts-expect-error a transport moves strings
new IpcRenderer({} as SubjectLike<number>);
// @ts-expect-error syncTimeout is a number of milliseconds
new IpcRenderer(rendererEnd, { syncTimeout: '1s' });

void [syncAnswer, answer, stream, chained, count, closed];
