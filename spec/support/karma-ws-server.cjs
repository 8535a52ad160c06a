// Karma framework 'rxipc-ws': starts a real `ws` WebSocket server on 127.0.0.1 (a free port) with
// an rxipc IpcMain answering the fixed channels of spec/node/fixtures/ws-main.ts, for the
// Chromium specs of the webSocket transport. The browser finds it in
// `__karma__.config.rxipcWebSocketUrl`. Karma awaits a framework's factory, so the server is
// listening before any browser runs a spec; it is closed when Karma exits.
const path = require('node:path');
const { once } = require('node:events');
const { WebSocketServer } = require('ws');

function rxipcWebSocketFramework(config, emitter, logger) {
  const log = logger.create('rxipc-ws');
  return (async () => {
    const { tsImport } = await import('tsx/esm/api');
    const { serveTestMain } = await tsImport(path.join(__dirname, '../node/fixtures/ws-main.ts'), __filename);
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    const main = serveTestMain(server);
    const url = `ws://127.0.0.1:${server.address().port}`;
    config.client.rxipcWebSocketUrl = url;
    log.info(`rxipc WebSocket main listening at ${url}`);
    emitter.on('exit', (done) => {
      main.close();
      for (const client of server.clients) client.terminate();
      server.close(() => done());
    });
  })();
}
rxipcWebSocketFramework.$inject = ['config', 'emitter', 'logger'];

module.exports = { 'framework:rxipc-ws': ['factory', rxipcWebSocketFramework] };
