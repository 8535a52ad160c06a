// Serves the browser example: a page that is the main side, with renderers in an iframe
// (window transport), in a second iframe or another tab (broadcastChannel) and in a Web Worker
// (worker transport).
//
//   node --import tsx examples/browser/server.ts        (then open http://127.0.0.1:8081)
//
// It bundles the page's scripts with webpack at start-up (as examples/websocket/server.ts does)
// and serves everything with COOP/COEP headers, so the page is cross-origin isolated and the
// worker's sendSync can block. Options: PORT=0 picks a free port; HOST defaults to 127.0.0.1.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePages } from '../shared/bundlePages.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 8081);
const log = (...what: unknown[]): void => console.log('[server]', ...what);

const bundleDir = await mkdtemp(path.join(tmpdir(), 'rxipc-browser-example-'));
const entries = { page: 'page.ts', frame: 'frame.ts', tab: 'tab.ts', worker: 'worker.ts' };
await bundlePages(entries, bundleDir, here);
log(`bundled ${Object.keys(entries).join(', ')}`);

const files: Record<string, string> = {
  '/': path.join(here, 'index.html'),
  '/frame.html': path.join(here, 'frame.html'),
  '/tab.html': path.join(here, 'tab.html'),
};
for (const name of ['page', 'frame', 'tab', 'worker']) files[`/${name}.js`] = path.join(bundleDir, `${name}.js`);

// The page's `<img src="/hold">` stays loading until the page POSTs its results to /done (at
// most 10 s), so its load event waits for the demo: `chromium --headless --dump-dom`, which dumps
// the page at its load event, then shows the results.
const holds = new Set<() => void>();
const hold = (response: ServerResponse): void => {
  const release = (): void => {
    clearTimeout(timer);
    holds.delete(release);
    if (!response.writableEnded) response.writeHead(204).end();
  };
  const timer = setTimeout(release, 10_000);
  holds.add(release);
};

const http = createServer((request, response) => {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (pathname === '/hold') {
    hold(response);
    return;
  }
  if (pathname === '/done' && request.method === 'POST') {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk.slice(0, 10_000)));
    request.on('end', () => {
      log(`the page reports: ${body}`);
      for (const release of [...holds]) release();
      response.writeHead(204).end();
    });
    return;
  }
  const file = files[pathname];
  if (file === undefined) {
    response.writeHead(404).end('not found');
    return;
  }
  response.writeHead(200, {
    'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8',
    // Cross-origin isolation: SharedArrayBuffer and Atomics.wait in workers (sendSync).
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
  createReadStream(file).pipe(response);
});

http.listen(port, host, () => {
  const { port: actual } = http.address() as { port: number };
  log(`open http://${host}:${actual} (Ctrl+C to stop)`);
});

process.once('SIGINT', stop);
process.once('SIGTERM', stop);
function stop(): void {
  log('stopping');
  for (const release of [...holds]) release();
  http.close(() => void rm(bundleDir, { recursive: true, force: true }));
  http.closeAllConnections();
}
