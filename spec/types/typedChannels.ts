// Type tests of typed channels (compiled by `npm run typecheck`, never run): see README.md here.
// Every `// @ts-expect-error` line must fail to compile; every other line must compile.
import { from, interval, map, of, type Observable } from 'rxjs';
import {
  createIpc,
  createMemoryTransportPair,
  IpcMain,
  IpcRenderer,
  type AnyChannels,
  type ChannelMap,
  type ChannelMessage,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type IpcRendererEvent,
  type RendererChannel,
  type WebContents,
} from '../../src/index.js';
import { invokeOn, sendTo } from '../../src/operators/index.js';
import { exposeIpcBridge, ipcRendererFromBridge, type BridgedIpcRenderer, type IpcBridge } from '../../src/bridge/index.js';

/** Compiles only when `A` and `B` are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | undefined {
  return undefined;
}

interface AppChannels extends ChannelMap {
  send: { log: [level: 'info' | 'warn', text: string]; ping: [] };
  sync: { 'config:get': { args: [key: string]; result: string }; 'config:all': { result: Record<string, string> } };
  invoke: {
    sum: { args: [a: number, b: number]; result: number };
    square: { args: [n: number]; result: number };
    ticks: { args: [every: number]; result: number };
    reset: { args: [] };
  };
  events: { tick: [n: number]; status: [state: 'up' | 'down', since: Date | string] };
  host: { ready: [id: number] };
}

const { ipcMain, ipcRenderer, webContents, host } = createIpc<AppChannels>();

/* ipcRenderer.send */
ipcRenderer.send('log', 'info', 'started');
ipcRenderer.send('ping');
// @ts-expect-error unknown channel
ipcRenderer.send('lgo', 'info', 'started');
// @ts-expect-error wrong argument type
ipcRenderer.send('log', 'debug', 'started');
// @ts-expect-error missing argument
ipcRenderer.send('log', 'info');
// @ts-expect-error extra argument
ipcRenderer.send('ping', 1);
// @ts-expect-error an invoke channel is not a send channel
ipcRenderer.send('sum', 1, 2);
// @ts-expect-error an events channel goes main → renderer, not renderer → main
ipcRenderer.send('tick', 1);

/* ipcRenderer.sendSync and event.returnValue */
const configValue = ipcRenderer.sendSync('config:get', 'theme');
expectType<Equal<typeof configValue, string>>();
const allConfig = ipcRenderer.sendSync('config:all');
expectType<Equal<typeof allConfig, Record<string, string>>>();
// @ts-expect-error a send channel is not a sync channel
ipcRenderer.sendSync('log', 'info', 'x');
// @ts-expect-error wrong argument type
ipcRenderer.sendSync('config:get', 42);
// @ts-expect-error the result is a string
const notNumber: number = ipcRenderer.sendSync('config:get', 'theme');

ipcMain.on('config:get', (event, key) => {
  expectType<Equal<typeof key, string>>();
  expectType<Equal<typeof event.returnValue, string>>();
  event.returnValue = `value of ${key}`;
});
ipcMain.on('config:get', (event) => {
  // @ts-expect-error returnValue must be the sync result type
  event.returnValue = 42;
});
ipcMain.on('log', (event, level, text) => {
  expectType<Equal<typeof level, 'info' | 'warn'>>();
  expectType<Equal<typeof text, string>>();
  expectType<Equal<typeof event.sender, WebContents<AppChannels>>>();
  // @ts-expect-error nobody waits for a returnValue on a send channel
  event.returnValue = 'ignored';
});
// @ts-expect-error unknown channel
ipcMain.on('nope', () => undefined);
// @ts-expect-error the listener's argument types must match the channel's
ipcMain.on('log', (_event: IpcMainEvent<AppChannels>, level: number) => void level);
// @ts-expect-error main does not hear events (main → renderer)
ipcMain.on('tick', () => undefined);
// @ts-expect-error main does not hear invoke channels through on (use handle)
ipcMain.on('sum', () => undefined);
// Node's meta events and symbols still work on a typed facade.
ipcMain.on('newListener', (eventName, listener) => void [eventName satisfies string | symbol, listener]);
ipcMain.on(Symbol.for('private'), (...args: unknown[]) => void args);

/* event.reply and webContents.send: main → renderer `events` */
ipcMain.on('ping', (event) => {
  event.reply('tick', 1);
  // @ts-expect-error wrong argument type
  event.reply('tick', 'one');
  // @ts-expect-error unknown channel
  event.reply('tock', 1);
  // @ts-expect-error a send channel goes renderer → main
  event.reply('log', 'info', 'x');
});
webContents.send('status', 'up', new Date());
webContents.send('tick', 2);
// @ts-expect-error wrong argument type
webContents.send('tick', '2');
// @ts-expect-error unknown channel
webContents.send('tack', 2);
// @ts-expect-error missing argument
webContents.send('status', 'up');

/* invoke / handle: the handler's return type is the invoke result type */
const total = ipcRenderer.invoke('sum', 1, 2);
expectType<Equal<typeof total, Promise<number>>>();
const resetDone = ipcRenderer.invoke('reset');
expectType<Equal<typeof resetDone, Promise<void>>>();
// @ts-expect-error unknown channel
void ipcRenderer.invoke('summ', 1, 2);
// @ts-expect-error wrong argument type
void ipcRenderer.invoke('sum', '1', 2);
// @ts-expect-error missing argument
void ipcRenderer.invoke('sum', 1);
// @ts-expect-error the result is a number
const wrongTotal: Promise<string> = ipcRenderer.invoke('sum', 1, 2);

ipcMain.handle('sum', (event, a, b) => {
  expectType<Equal<typeof a, number>>();
  expectType<Equal<typeof b, number>>();
  expectType<Equal<typeof event, IpcMainInvokeEvent<AppChannels>>>();
  expectType<Equal<typeof event.signal, AbortSignal>>();
  return a + b;
});
ipcMain.handle('square', async (_event, n) => n * n);
ipcMain.handle('ticks', (_event, every) => interval(every));
ipcMain.handle('reset', () => undefined);
ipcMain.handle('reset', () => {});
webContents.ipc.handle('square', (event, n) => {
  expectType<Equal<typeof event.sender, WebContents<AppChannels>>>();
  return Promise.resolve(n * n);
});
// @ts-expect-error the handler must return the result type (a number)
ipcMain.handle('sum', () => 'three');
// @ts-expect-error the handler must resolve the result type
ipcMain.handle('sum', async () => 'three');
// @ts-expect-error the handler must stream the result type
ipcMain.handle('ticks', () => of('a'));
// @ts-expect-error the handler's parameters must match the channel's arguments
ipcMain.handle('sum', (_event, a: string) => Number(a));
// @ts-expect-error unknown channel
ipcMain.handle('product', () => 1);
// @ts-expect-error handleOnce is checked the same way
ipcMain.handleOnce('sum', () => 'three');
ipcMain.handleOnce('sum', (_event, a, b) => a * b);
ipcMain.removeHandler('sum');
// @ts-expect-error unknown channel
ipcMain.removeHandler('product');

/* invoke$: streamed results */
const ticks = ipcRenderer.invoke$('ticks', 100);
expectType<Equal<typeof ticks, Observable<number>>>();
// @ts-expect-error unknown channel
ipcRenderer.invoke$('tocks', 100);
// @ts-expect-error wrong argument type
ipcRenderer.invoke$('ticks', '100');
// @ts-expect-error a typed renderer takes its result type from the map, not from a type argument
ipcRenderer.invoke$<string>('ticks', 100);

/* ipcRenderer.on / once / removeListener with typed listeners */
const onTick = (event: IpcRendererEvent<AppChannels>, n: number): void => {
  expectType<Equal<typeof event.sender, IpcRenderer<AppChannels>>>();
  void n;
};
ipcRenderer.on('tick', onTick).once('tick', onTick).removeListener('tick', onTick).off('tick', onTick);
ipcRenderer.addListener('status', (_event, state, since) => {
  expectType<Equal<typeof state, 'up' | 'down'>>();
  expectType<Equal<typeof since, Date | string>>();
});
ipcRenderer.prependListener('tick', onTick).prependOnceListener('tick', onTick);
ipcRenderer.removeAllListeners('tick').removeAllListeners();
// @ts-expect-error unknown channel
ipcRenderer.on('tock', onTick);
// @ts-expect-error the listener's argument types must match the channel's
ipcRenderer.on('tick', (_event: IpcRendererEvent<AppChannels>, n: string) => void n);
// @ts-expect-error removeListener is checked too
ipcRenderer.removeListener('tick', (_event: IpcRendererEvent<AppChannels>, n: string) => void n);
// @ts-expect-error once is checked too
ipcRenderer.once('status', (_event: unknown, state: number) => void state);
// @ts-expect-error a send channel is not heard by the renderer
ipcRenderer.on('log', () => undefined);
// @ts-expect-error removeAllListeners only knows the map's channels and Node's events
ipcRenderer.removeAllListeners('tock');
ipcRenderer.on('removeListener', (eventName, listener) => void [eventName, listener]);
const privateEvent: unique symbol = Symbol('private');
ipcRenderer.on(privateEvent, () => undefined).removeAllListeners(privateEvent);

/* channel(): typed { event, args } */
const tickMessages = ipcRenderer.channel('tick');
expectType<Equal<typeof tickMessages, Observable<ChannelMessage<IpcRendererEvent<AppChannels>, [n: number]>>>>();
tickMessages.pipe(map(({ args: [n] }) => n + 1));
const logMessages = ipcMain.channel('log');
logMessages.subscribe(({ event, args: [level, text] }) => {
  expectType<Equal<typeof level, 'info' | 'warn'>>();
  expectType<Equal<typeof text, string>>();
  event.reply('tick', text.length);
});
ipcMain.channel('config:get').subscribe(({ event, args: [key] }) => (event.returnValue = key));
host.channel('ready').subscribe(({ args: [id] }) => expectType<Equal<typeof id, number>>());
// @ts-expect-error unknown channel
ipcRenderer.channel('tock');
// @ts-expect-error unknown channel
ipcMain.channel('tick');
// @ts-expect-error unknown host channel
host.channel('log');

/* sendToHost and host.send */
ipcRenderer.sendToHost('ready', 7);
host.send('tick', 3);
// @ts-expect-error wrong argument type
ipcRenderer.sendToHost('ready', '7');
// @ts-expect-error host.send reaches the guest's ipcRenderer.on: events only
host.send('ready', 7);

/* Operators: sendTo / invokeOn check the channel against the facade they are given */
const logged: Observable<number> = of(1, 2).pipe(sendTo(webContents, 'tick'));
of(3).pipe(sendTo(host, 'tick'));
const squares = of(1, 2).pipe(invokeOn(ipcRenderer, 'square'));
expectType<Equal<typeof squares, Observable<number>>>();
// @ts-expect-error 'log' takes two arguments: sendTo sends one value
of('x').pipe(sendTo(ipcRenderer, 'log'));
// @ts-expect-error a renderer does not send events (main → renderer)
of(1).pipe(sendTo(ipcRenderer, 'tick'));
// @ts-expect-error the values must be the channel's argument type
of('one').pipe(sendTo(webContents, 'tick'));
// @ts-expect-error unknown channel
of(1).pipe(sendTo(webContents, 'tock'));
// @ts-expect-error the values must be the channel's argument type
of('one').pipe(invokeOn(ipcRenderer, 'square'));
// @ts-expect-error 'sum' takes two arguments: invokeOn sends one value
of(1).pipe(invokeOn(ipcRenderer, 'sum'));
// @ts-expect-error unknown channel
of(1).pipe(invokeOn(ipcRenderer, 'cube'));
// @ts-expect-error the answers are numbers
const squareTexts: Observable<string> = of(1).pipe(invokeOn(ipcRenderer, 'square'));

/* Constructors take the map too */
const [mainEnd, rendererEnd] = createMemoryTransportPair();
const typedMain = new IpcMain<AppChannels>();
const typedContents = typedMain.connect(mainEnd);
expectType<Equal<typeof typedContents, WebContents<AppChannels>>>();
expectType<Equal<ReturnType<typeof typedMain.getAllWebContents>, WebContents<AppChannels>[]>>();
const typedRenderer = new IpcRenderer<AppChannels>(rendererEnd);
void typedRenderer.invoke('sum', 1, 2).then((n) => n.toFixed());
// @ts-expect-error checked like createIpc's
typedRenderer.send('nope');

/* A typed facade is still a facade: code written for untyped ones accepts it */
const asUntypedRenderer: IpcRenderer = ipcRenderer;
const asUntypedMain: IpcMain = ipcMain;
const asUntypedContents: WebContents = webContents;
ipcMain.on('log', (event: IpcMainEvent, ...args: unknown[]) => void [event.sender.id, args]);
void [asUntypedRenderer, asUntypedMain, asUntypedContents];

/* A map with only some sections: the others have no channels */
interface InvokeOnly extends ChannelMap {
  invoke: { now: { result: number } };
}
const small = createIpc<InvokeOnly>();
void small.ipcRenderer.invoke('now');
// @ts-expect-error no send section: no send channels
small.ipcRenderer.send('anything');
// @ts-expect-error no events section: the renderer hears no channel
small.ipcRenderer.on('anything', () => undefined);
// @ts-expect-error a section entry must be an arguments tuple
interface Broken extends ChannelMap {
  send: { log: string };
}

/* The preload bridge carries the map: allow-lists, the raw bridge and the page-side renderer are typed */
const bridge = exposeIpcBridge(ipcRenderer, { send: ['log'], invoke: ['sum', 'square'], on: ['tick'], sendSync: ['config:get'] });
expectType<Equal<typeof bridge, IpcBridge<AppChannels>>>();
// @ts-expect-error not a send channel of the map
exposeIpcBridge(ipcRenderer, { send: ['nope'] });
// @ts-expect-error 'log' is sent, not heard: it cannot be allowed for on
exposeIpcBridge(ipcRenderer, { on: ['log'] });
const offTick = bridge.on('tick', (n) => expectType<Equal<typeof n, number>>());
expectType<Equal<typeof offTick, () => void>>();
// @ts-expect-error the raw bridge checks arguments too
bridge.send('log', 'info');
const page = ipcRendererFromBridge(bridge);
expectType<Equal<typeof page, BridgedIpcRenderer<AppChannels>>>();
const pageTotal = page.invoke('sum', 1, 2);
expectType<Equal<typeof pageTotal, Promise<number>>>();
page.on('tick', (event, n) => {
  expectType<Equal<typeof event.sender, BridgedIpcRenderer<AppChannels>>>();
  expectType<Equal<typeof n, number>>();
});
page.channel('tick').subscribe(({ args: [n] }) => expectType<Equal<typeof n, number>>());
const pageConfig = page.sendSync('config:get', 'theme');
expectType<Equal<typeof pageConfig, string>>();
const pageSquares = of(2).pipe(invokeOn(page, 'square'));
expectType<Equal<typeof pageSquares, Observable<number>>>();
// @ts-expect-error unknown channel
page.send('nope');
// @ts-expect-error wrong argument type
void page.invoke('sum', 1, '2');
// @ts-expect-error unknown channel
page.on('tock', () => undefined);
// @ts-expect-error the values must be the channel's argument type
of('2').pipe(invokeOn(page, 'square'));
declare const untypedBridge: IpcBridge;
const untypedPage = ipcRendererFromBridge(untypedBridge);
untypedPage.on('anything', (event, value) => void [event.anything, value]);
const untypedPageAnswer = untypedPage.invoke$<number>('anything', 1);
expectType<Equal<typeof untypedPageAnswer, Observable<number>>>();

/* Untyped use keeps working as before: any channel, any arguments, `any` listeners */
const untyped = createIpc();
expectType<Equal<typeof untyped.ipcRenderer, IpcRenderer<AnyChannels>>>();
expectType<Equal<typeof untyped.ipcRenderer, IpcRenderer>>();
untyped.ipcRenderer.send('whatever', 1, { two: 2 }, [3]);
untyped.ipcRenderer.on('whatever', (event, a, b) => {
  expectType<Equal<typeof event, any>>();
  void [event.anything, a.anything, b];
});
untyped.ipcMain.on('whatever', (event, value) => {
  expectType<Equal<typeof event, any>>();
  event.returnValue = value;
});
untyped.ipcMain.handle('whatever', (event, value) => {
  expectType<Equal<typeof event, IpcMainInvokeEvent>>();
  return value;
});
const untypedResult = untyped.ipcRenderer.invoke('whatever');
expectType<Equal<typeof untypedResult, Promise<any>>>();
const untypedStream = untyped.ipcRenderer.invoke$<number>('whatever');
expectType<Equal<typeof untypedStream, Observable<number>>>();
const untypedSync = untyped.ipcRenderer.sendSync('whatever');
expectType<Equal<typeof untypedSync, any>>();
const untypedChannel = untyped.ipcRenderer.channel('whatever');
expectType<Equal<typeof untypedChannel, Observable<ChannelMessage<IpcRendererEvent>>>>();
untyped.webContents.send('whatever', Symbol.iterator);
const untypedSquares: Observable<number> = from([1, 2]).pipe(invokeOn<number, number>(untyped.ipcRenderer, 'square'));
const untypedSent: Observable<number> = from([1, 2]).pipe(sendTo(untyped.ipcRenderer, 'v'));
// @ts-expect-error still a string channel
untyped.ipcRenderer.send(42);

// Allow-lists: with a map, only the channels a renderer can use towards main (send, sync, invoke).
const allowAll: RendererChannel<AppChannels>[] = ['log', 'ping', 'config:get', 'config:all', 'sum', 'square', 'ticks', 'reset'];
const guardedMain = new IpcMain<AppChannels>({ allowedChannels: allowAll });
guardedMain.connect(mainEnd, { allowedChannels: new Set<RendererChannel<AppChannels>>(['sum']) });
guardedMain.connect(mainEnd, { allowedChannels: (channel) => channel.startsWith('config:') });
createIpc<AppChannels>({ allowedChannels: ['sum', 'log'] });
// @ts-expect-error a typo is not a channel of the map
new IpcMain<AppChannels>({ allowedChannels: ['sun'] });
// @ts-expect-error 'tick' is main → renderer (events): a renderer never sends on it
createIpc<AppChannels>({ allowedChannels: ['tick'] });
// @ts-expect-error 'ready' goes to the host, not to main
guardedMain.connect(mainEnd, { allowedChannels: ['ready'] });
// Untyped: any names.
new IpcMain({ allowedChannels: ['anything', 'at:all'] });
createIpc({ allowedChannels: ['anything'] }).ipcMain.connect(mainEnd, { allowedChannels: ['else'] });
expectType<Equal<RendererChannel, string>>();

void [notNumber, wrongTotal, logged, squareTexts, untypedSquares, untypedSent, ticks];
