// The page's script: an rxipc renderer over the browser's WebSocket, talking to the Node main
// in server.ts. Bundled by server.ts at start-up and served as /client.js.
import type { Subscription } from 'rxjs';
import { IpcRenderer } from '../../src/index.js';
import { webSocketTransport } from '../../src/transports/webSocket/index.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const show = (id: string, text: string): void => {
  $(id).textContent = text;
};

const socket = new WebSocket(`ws://${location.host}`);
const ipcRenderer = new IpcRenderer(webSocketTransport(socket));

ipcRenderer.on('welcome', (_event, id: number, tabs: number) => {
  show('status', `connected as tab #${id} (${tabs} tab${tabs === 1 ? '' : 's'} open)`);
});
ipcRenderer.send('hello');

// Every channel Observable completes when the connection ends, whoever ends it.
ipcRenderer.channel('welcome').subscribe({ complete: () => show('status', 'disconnected') });

$('sum').addEventListener('submit', (event) => {
  event.preventDefault();
  const a = Number($<HTMLInputElement>('a').value);
  const b = Number($<HTMLInputElement>('b').value);
  ipcRenderer.invoke('sum', a, b).then(
    (total) => show('total', String(total)),
    (error: Error) => show('total', error.message),
  );
});

let clock: Subscription | undefined;
$('clock-toggle').addEventListener('click', () => {
  if (clock === undefined) {
    clock = ipcRenderer.invoke$<string>('clock').subscribe({
      next: (time) => show('clock', time),
      error: (error: Error) => show('clock', error.message),
    });
    show('clock-toggle', 'stop');
  } else {
    clock.unsubscribe(); // main's handler sees event.signal abort
    clock = undefined;
    show('clock-toggle', 'start');
  }
});

$('fail').addEventListener('click', () => {
  ipcRenderer.invoke('fail').catch((error: Error & { code?: string }) => show('errors', `${error.code}: ${error.message}`));
});

$('sync').addEventListener('click', () => {
  try {
    ipcRenderer.sendSync('anything');
  } catch (error) {
    show('errors', `${(error as Error).name}: ${(error as Error).message}`);
  }
});

ipcRenderer.on('chat', (_event, line: string) => {
  const item = document.createElement('li');
  item.textContent = line;
  $('chat-log').append(item);
});
$('chat').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('chat-text');
  if (input.value !== '') ipcRenderer.send('chat', input.value);
  input.value = '';
});

$('close').addEventListener('click', () => ipcRenderer.close());
