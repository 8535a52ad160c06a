// Type tests (compiled, never run): see README.md in this folder.
import { of, type Observable } from 'rxjs';
import {
  createIpc,
  createMemoryTransportPair,
  IpcHost,
  IpcMain,
  WebContents,
  type ChannelMessage,
  type IpcHostMessageEvent,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
} from '../../src/index.js';

const { ipcMain, webContents, host } = createIpc();

/* Handlers: the event, then the arguments; a value, a Promise or an Observable */
ipcMain.handle('value', (event, a: number, b: number) => {
  const sender: WebContents = event.sender;
  const signal: AbortSignal = event.signal;
  void [sender, signal];
  return a + b;
});
ipcMain.handle('promise', async (_event: IpcMainInvokeEvent) => 'done');
ipcMain.handle('stream', () => of(1, 2, 3));
ipcMain.handle('nothing', () => undefined);
ipcMain.handleOnce('once', (event) => event.sender.id);
ipcMain.removeHandler('value');

// @ts-expect-error the handler must be a function
ipcMain.handle('ch', 'not a function');
// @ts-expect-error a handler is required
ipcMain.handle('ch');
// @ts-expect-error the channel must be a string
ipcMain.handle(42, () => 1);
// @ts-expect-error the handler's first parameter is the invoke event, not an argument
ipcMain.handle('ch', (event: string) => event);
// @ts-expect-error an invoke event has no reply(): the handler's return value is the answer
ipcMain.handle('ch', (event) => event.reply('x'));
// @ts-expect-error an invoke event has no returnValue (that is for sendSync listeners)
ipcMain.handleOnce('ch', (event) => (event.returnValue = 1));
// @ts-expect-error the channel must be a string
ipcMain.removeHandler(1);

/* Listeners: event.reply, event.returnValue, event.sender */
ipcMain.on('ch', (event: IpcMainEvent, ...args: unknown[]) => {
  event.returnValue = args.length;
  event.reply('answer', ...args);
  const sender: WebContents = event.sender;
  void sender;
});
const chained: IpcMain = ipcMain
  .once('ch', () => undefined)
  .removeAllListeners('ch')
  .removeAllListeners();
const messages: Observable<ChannelMessage<IpcMainEvent>> = ipcMain.channel('ch');
// @ts-expect-error the listener must be a function
ipcMain.on('ch', { handleEvent() {} });
// @ts-expect-error the channel must be a string
ipcMain.channel(null);

/* WebContents: id, send, ipc, isDestroyed, 'destroyed' */
const id: number = webContents.id;
webContents.send('ch', 1, 2);
webContents.ipc.handle('scoped', () => 'only this renderer');
webContents.ipc.on('scoped', (event: IpcMainEvent) => event.reply('x'));
const destroyed: boolean = webContents.isDestroyed();
webContents.once('destroyed', () => undefined);
// @ts-expect-error id is read-only
webContents.id = 2;
// @ts-expect-error the channel must be a string
webContents.send(1);

/* Connecting any transport end gives one WebContents */
const [mainEnd] = createMemoryTransportPair();
const connected: WebContents = new IpcMain({ exposeStack: false }).connect(mainEnd);
const all: WebContents[] = ipcMain.getAllWebContents();
// @ts-expect-error connect needs a SubjectLike<string>
ipcMain.connect('transport');
// @ts-expect-error exposeStack is a boolean
new IpcMain({ exposeStack: 'yes' });

/* IpcHost: sendToHost's receiver */
host.on('ipc-message', (event: IpcHostMessageEvent) => {
  const channel: string = event.channel;
  const args: unknown[] = event.args;
  void [channel, args];
});
host.send('to-guest', 1);
const hostMessages: Observable<ChannelMessage<IpcHostMessageEvent>> = host.channel('ch');
const isHost: IpcHost = host;
// @ts-expect-error the channel must be a string
host.send(1);

/* createIpc options */
createIpc({ latency: 5, exposeStack: true });
// @ts-expect-error latency is a number of milliseconds
createIpc({ latency: '5' });
// @ts-expect-error createIpc has no such option
createIpc({ transport: mainEnd });

void [chained, messages, id, destroyed, connected, all, hostMessages, isHost];
