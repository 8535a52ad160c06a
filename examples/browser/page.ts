// The page: the main side, serving three renderers on three transports at once, each with its
// own WebContents. Results are written into the page (#log, and #result at the end).
import { interval } from 'rxjs';
import { IpcMain } from '../../src/index.js'; // published as 'rxipc'
import { broadcastChannelMain } from '../../src/transports/broadcastChannel/index.js'; // 'rxipc/transports/broadcastChannel'
import { windowTransport } from '../../src/transports/window/index.js'; // 'rxipc/transports/window'
import { workerTransport } from '../../src/transports/worker/index.js'; // 'rxipc/transports/worker'

const ipcMain = new IpcMain();
const names = new Map<number, string>(); // webContents id → which renderer
const expected = ['iframe (window)', 'iframe (broadcastChannel)', 'Web Worker (worker)'];
const finished = new Set<string>();

const write = (who: string, line: string): void => {
  const item = document.createElement('li');
  item.textContent = `[${who}] ${line}`;
  document.getElementById('log')!.append(item);
};
const track = (webContents: { id: number; once(event: 'destroyed', listener: () => void): unknown }, name: string): void => {
  names.set(webContents.id, name);
  write('main', `${name} connected as webContents #${webContents.id}`);
  webContents.once('destroyed', () => write('main', `webContents #${webContents.id} (${name}) destroyed`));
};
const nameOf = (event: { sender: { id: number } }): string => names.get(event.sender.id) ?? `#${event.sender.id}`;

ipcMain.on('hello', (event, where: string) => event.reply('welcome', `hello ${where}, you are webContents #${event.sender.id}`));
ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
ipcMain.handle('ticks', (event) => {
  const who = nameOf(event);
  event.signal.addEventListener('abort', () => write('main', `ticks for ${who} stopped (event.signal aborted)`));
  return interval(50);
});
ipcMain.on('config:get', (event) => {
  event.returnValue = { theme: 'dark' };
});
ipcMain.on('report', (event, line: string) => write(nameOf(event), line));
ipcMain.on('done', (event) => {
  finished.add(nameOf(event));
  if (expected.every((name) => finished.has(name))) {
    const result = document.getElementById('result')!;
    result.textContent = `all ${expected.length} renderers done`;
    result.dataset['ok'] = 'true';
    // Tell the server (it logs this and lets the page's load event fire, see server.ts).
    void fetch('/done', { method: 'POST', body: `${result.textContent}: ${document.getElementById('log')!.children.length} lines` });
  }
});

// 1. window: the iframe frame.html, over postMessage, accepting only our own origin.
const frame = document.getElementById('frame') as HTMLIFrameElement;
track(ipcMain.connect(windowTransport({ self: window, target: frame.contentWindow!, targetOrigin: location.origin })), expected[0]!);

// 2. broadcastChannel: any same-origin tab, frame or worker that joins 'rxipc-example' (the
//    iframe tab.html, and /tab.html opened in another tab).
let tabs = 0;
broadcastChannelMain('rxipc-example', (transport) => track(ipcMain.connect(transport), tabs++ === 0 ? expected[1]! : `tab ${tabs}`), {
  self: window,
});

// 3. worker: a Web Worker; the page is cross-origin isolated, so its sendSync blocks for real.
track(ipcMain.connect(workerTransport(new Worker('/worker.js'))), expected[2]!);
