// The checks that scripts/test-package.mjs runs against the PACKED rxipc in every way a user loads
// it: Node ESM (`import`), Node CommonJS (`require`), a webpack bundle in Chromium, and the UMD
// bundle after rxjs's UMD in Chromium. This file is plain script syntax (no import/export) so the
// runner can paste it under each loader's own import lines; it is not a spec and is not executed
// by Jasmine or Karma.
//
// runChecks(rxipc, operators, rxjs) → Promise<Array<{ name, ok, message? }>>
//   rxipc:     the root entry ('rxipc')
//   operators: the 'rxipc/operators' entry (the UMD bundle has no subpaths: pass the root again)
//   rxjs:      rxjs itself

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the page or module this file is pasted into.
async function runChecks(rxipc, operators, rxjs) {
  const results = [];
  const fail = (message) => {
    throw new Error(message);
  };
  const same = (actual, expected, what) => {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e) fail(`${what}: expected ${e}, got ${a}`);
  };
  const withTimeout = (promise, what) => {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within 5 s`)), 5000);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  };
  const check = async (name, fn) => {
    try {
      await fn();
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, message: String((error && error.stack) || error) });
    }
  };

  const { createIpc, IpcError, EventEmitter } = rxipc;
  const { sendTo, invokeOn } = operators;
  const { from, lastValueFrom, toArray } = rxjs;

  await check('exports', () => {
    for (const [name, value] of Object.entries({ createIpc, IpcError, EventEmitter, sendTo, invokeOn })) {
      if (typeof value !== 'function') fail(`${name} is ${typeof value}, expected a function`);
    }
  });

  const ipc = createIpc();
  const { ipcMain, ipcRenderer, webContents, host } = ipc;

  await check('send/on', async () => {
    const received = new Promise((resolve) => {
      ipcMain.once('ping', (event, a, b) => resolve({ a, b, fromRenderer: event.sender === webContents }));
    });
    let deliveredDuringSend = false;
    ipcMain.once('sync-probe', () => (deliveredDuringSend = true));
    ipcRenderer.send('sync-probe');
    if (deliveredDuringSend) fail('send delivered before returning');
    ipcRenderer.send('ping', 1, { nested: ['x', null], date: new Date(0) });
    same(
      await withTimeout(received, 'send'),
      { a: 1, b: { nested: ['x', null], date: '1970-01-01T00:00:00.000Z' }, fromRenderer: true },
      'ping',
    );
  });

  await check('event.reply', async () => {
    ipcMain.once('ask', (event, n) => event.reply('answer', n * 2));
    const answered = new Promise((resolve) => ipcRenderer.once('answer', (_event, v) => resolve(v)));
    ipcRenderer.send('ask', 21);
    same(await withTimeout(answered, 'reply'), 42, 'reply');
  });

  await check('invoke/handle', async () => {
    ipcMain.handle('add', (_event, a, b) => a + b);
    same(await withTimeout(ipcRenderer.invoke('add', 2, 3), 'invoke'), 5, 'invoke');
    ipcMain.handle('boom', () => {
      throw Object.assign(new Error('bad'), { code: 'E_BAD' });
    });
    const error = await withTimeout(
      ipcRenderer.invoke('boom').then(
        () => fail('invoke of a throwing handler resolved'),
        (e) => e,
      ),
      'invoke boom',
    );
    if (!(error instanceof IpcError)) fail(`rejection is not an IpcError: ${error}`);
    if (!String(error.message).startsWith("Error invoking remote method 'boom': ")) fail(`message: ${error.message}`);
    same(error.code, 'E_BAD', 'code');
    ipcMain.removeHandler('add');
    ipcMain.removeHandler('boom');
  });

  await check('sendSync', () => {
    ipcMain.once('sync', (event, n) => {
      event.returnValue = n + 1;
    });
    same(ipcRenderer.sendSync('sync', 41), 42, 'sendSync');
  });

  await check('sendToHost', async () => {
    const got = new Promise((resolve) => host.once('ipc-message', (event) => resolve([event.channel, event.args])));
    ipcRenderer.sendToHost('to-host', 'hi');
    same(await withTimeout(got, 'sendToHost'), ['to-host', ['hi']], 'sendToHost');
  });

  await check('channel() + operators', async () => {
    ipcMain.handle('double', (_event, v) => v * 2);
    const doubled = await withTimeout(lastValueFrom(from([1, 2, 3]).pipe(invokeOn(ipcRenderer, 'double'), toArray())), 'invokeOn');
    same(doubled, [2, 4, 6], 'invokeOn');
    ipcMain.removeHandler('double');

    const seen = [];
    const subscription = ipcMain.channel('seen').subscribe(({ args }) => seen.push(args[0]));
    const passed = await lastValueFrom(from(['a', 'b']).pipe(sendTo(ipcRenderer, 'seen'), toArray()));
    same(passed, ['a', 'b'], 'sendTo passes values on');
    const last = new Promise((resolve) => ipcMain.once('seen-done', resolve));
    ipcRenderer.send('seen-done');
    await withTimeout(last, 'sendTo');
    subscription.unsubscribe();
    same(seen, ['a', 'b'], 'sendTo delivers in order');
    same(ipcMain.listenerCount('seen'), 0, 'listeners left after unsubscribe');
  });

  await check('close', async () => {
    ipcRenderer.close();
    let threw = false;
    try {
      ipcRenderer.send('late');
    } catch (error) {
      threw = error instanceof IpcError;
    }
    if (!threw) fail('send after close did not throw an IpcError');
    host.close();
    ipcMain.close();
    if (!webContents.isDestroyed()) {
      await withTimeout(new Promise((resolve) => webContents.once('destroyed', resolve)), 'destroyed');
    }
  });

  return results;
}
