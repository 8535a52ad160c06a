// A browser page served by a Node main over WebSocket.
//
//   node --import tsx examples/websocket/server.ts        (then open http://127.0.0.1:8080)
//
// The Node process is the main side: an rxipc IpcMain behind a `ws` WebSocketServer, one
// WebContents per browser tab. It also serves the page and bundles its script (client.ts) with
// webpack at start-up. Options: PORT=0 picks a free port; HOST defaults to 127.0.0.1.
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { interval, map } from 'rxjs';
import { WebSocketServer } from 'ws';
import { IpcMain } from '../../src/index.js';
import { bundlePages } from '../shared/bundlePages.js';
import { acceptWebSockets } from '../../src/transports/webSocket/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 8080);
const log = (...what: unknown[]): void => console.log('[main]', ...what);

// ── the main side ────────────────────────────────────────────────────────────────────────────
const ipcMain = new IpcMain();

ipcMain.handle('sum', (_event, a: number, b: number) => a + b);

ipcMain.handle('clock', (event) => {
  log(`tab #${event.sender.id} started the clock`);
  event.signal.addEventListener('abort', () => log(`tab #${event.sender.id} stopped the clock (event.signal aborted)`));
  return interval(1000).pipe(map(() => new Date().toLocaleTimeString()));
});

ipcMain.handle('fail', () => {
  throw Object.assign(new Error('the main side refused'), { code: 'E_REFUSED' });
});

ipcMain.on('chat', (event, text: string) => {
  const line = `tab #${event.sender.id}: ${String(text).slice(0, 200)}`;
  log('chat', line);
  for (const contents of ipcMain.getAllWebContents()) contents.send('chat', line);
});

ipcMain.on('hello', (event) => event.reply('welcome', event.sender.id, ipcMain.getAllWebContents().length));

// ── serving the page, its script and the WebSocket ───────────────────────────────────────────
const bundleDir = await mkdtemp(path.join(tmpdir(), 'rxipc-websocket-example-'));
await bundlePages({ client: 'client.ts' }, bundleDir, here);
log(`bundled the page's script (${(await readFile(path.join(bundleDir, 'client.js'))).length} bytes)`);

const http = createServer((request, response) => {
  const file =
    request.url === '/client.js' ? path.join(bundleDir, 'client.js') : request.url === '/' ? path.join(here, 'index.html') : undefined;
  if (file === undefined) {
    response.writeHead(404).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' });
  createReadStream(file).pipe(response);
});
const wss = new WebSocketServer({ server: http });
const serving = acceptWebSockets(wss, (transport) => {
  const contents = ipcMain.connect(transport);
  log(`tab #${contents.id} connected`);
  contents.once('destroyed', () => log(`tab #${contents.id} is gone`));
});

http.listen(port, host, () => {
  const { port: actual } = http.address() as { port: number };
  log(`open http://${host}:${actual} (Ctrl+C to stop)`);
});

process.once('SIGINT', () => {
  log('stopping');
  serving.unsubscribe();
  ipcMain.close();
  for (const client of wss.clients) client.terminate();
  wss.close();
  http.close(() => void rm(bundleDir, { recursive: true, force: true }));
});
