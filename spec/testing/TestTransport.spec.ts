import {
  IpcBadFrameError,
  IpcClosedError,
  IpcNoReturnValueError,
  IpcRenderer,
  encodeFrame,
  isSyncTransport,
  PROTOCOL_VERSION,
  type IpcRendererEvent,
} from '../../src/index.js';
import { TestTransport } from '../../src/testing/index.js';
import { settle, trackFacade } from '../helpers/leaks.js';

function setup(): { transport: TestTransport; ipcRenderer: IpcRenderer } {
  const transport = new TestTransport();
  const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(transport));
  return { transport, ipcRenderer };
}

describe('TestTransport', () => {
  describe('recording', () => {
    it('should record each frame synchronously, in order, as the main side would decode it', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.send('log', new Date(0), undefined, () => 1);
      const loading = ipcRenderer.invoke('settings:load', 'theme');
      const sub = ipcRenderer.invoke$('settings:watch').subscribe();
      expect(transport.sent.map((r) => [r.kind, r.channel, r.args])).toEqual([
        ['send', 'log', ['1970-01-01T00:00:00.000Z', null, null]],
        ['invoke', 'settings:load', ['theme']],
        ['invoke-stream', 'settings:watch', []],
      ]);
      expect(transport.sent[0]!.id).toBeUndefined();
      expect(transport.sent[1]!.id).toEqual(jasmine.any(Number));
      expect(transport.sent[1]!.id).not.toBe(transport.sent[2]!.id);
      transport.match('log');
      transport.expectOne('settings:load').flush({ theme: 'dark' });
      sub.unsubscribe();
      transport.match('settings:watch');
      transport.verify();
      return loading;
    });

    it('should mark the request of an unsubscribed invoke$ cancelled instead of recording the cancel frame', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.invoke$('watch').subscribe().unsubscribe();
      expect(transport.sent.length).toBe(1);
      expect(transport.sent[0]!.cancelled).toBeTrue();
      expect(transport.sent[0]!.pending).toBeFalse();
      transport.expectOne('watch');
      transport.verify();
    });

    it("should record sendToHost as host frames when it is the renderer's host transport, and reach its on() with send()", async () => {
      const main = new TestTransport();
      const hostTransport = new TestTransport();
      const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(main, { host: hostTransport }));
      const got = jasmine.createSpy('welcome');
      ipcRenderer.on('welcome', got);
      ipcRenderer.sendToHost('ready', 42);
      expect(hostTransport.expectOne({ kind: 'host', channel: 'ready' }).args).toEqual([42]);
      hostTransport.send('welcome', 'guest');
      await settle();
      expect(got).toHaveBeenCalledOnceWith(jasmine.objectContaining({ sender: ipcRenderer }), 'guest');
      main.verify();
      hostTransport.verify();
    });

    it('should refuse what a renderer never sends with IpcBadFrameError', () => {
      const transport = new TestTransport();
      expect(() => transport.next('not json')).toThrowError(IpcBadFrameError);
      expect(() => transport.next(encodeFrame({ v: PROTOCOL_VERSION, kind: 'reply', id: 1, value: 1 }))).toThrowError(
        IpcBadFrameError,
        "A renderer does not send 'reply' frames",
      );
      expect(transport.sent).toEqual([]);
    });

    it('should be a SyncTransport, so sendSync reaches it', () => {
      expect(isSyncTransport(new TestTransport())).toBeTrue();
    });
  });

  describe('expectOne', () => {
    it('should find a frame by { kind, channel }, by channel name, or by predicate, and mark it matched', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.send('a', 1);
      ipcRenderer.send('b', 2);
      ipcRenderer.send('c', 3);
      expect(transport.expectOne({ kind: 'send', channel: 'a' }).args).toEqual([1]);
      expect(transport.expectOne('b').args).toEqual([2]);
      const c = transport.expectOne((request) => request.args[0] === 3);
      expect(c.channel).toBe('c');
      expect(c.matched).toBeTrue();
      expect(() => transport.expectOne('a')).toThrowError(/found none/);
      transport.verify();
    });

    it('should fail when none match, listing every frame sent with kind, channel and args', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.send('log', 'boot');
      const reading = ipcRenderer.invoke('settings:read', 'theme', 1);
      transport.expectOne('log');
      expect(() => transport.expectOne({ kind: 'invoke', channel: 'settings:load' })).toThrowError(
        [
          `Expected one matching frame for criteria "kind 'invoke', channel 'settings:load'", found none.`,
          `Frames sent (2):`,
          `  send 'log' ["boot"] (matched)`,
          `  invoke 'settings:read' ["theme",1]`,
        ].join('\n'),
      );
      transport.expectOne('settings:read').flush('dark');
      return reading;
    });

    it('should fail when several match, saying how many', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.send('log', 'a');
      ipcRenderer.send('log', { b: [true, null] });
      expect(() => transport.expectOne('log')).toThrowError(
        [
          `Expected one matching frame for criteria "channel 'log'", found 2.`,
          `Frames sent (2):`,
          `  send 'log' ["a"]`,
          `  send 'log' [{"b":[true,null]}]`,
        ].join('\n'),
      );
      expect(transport.match('log').length).toBe(2);
    });

    it('should say when nothing was sent at all, and use the description instead of the criteria', () => {
      const transport = new TestTransport();
      expect(() => transport.expectOne({ kind: 'invoke' }, 'the settings load')).toThrowError(
        `Expected one matching frame for criteria "the settings load", found none.\nFrames sent: none.`,
      );
      expect(() =>
        transport.expectOne(function isSave(r) {
          return r.channel === 'save';
        }),
      ).toThrowError(/^Expected one matching frame for criteria "match function isSave", found none\./);
      expect(() => transport.expectOne({})).toThrowError(/criteria "any frame"/);
    });
  });

  describe('expectNone', () => {
    it('should pass when nothing unmatched matches, and fail listing what does', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.send('save', { theme: 'dark' });
      transport.expectNone({ kind: 'invoke' });
      expect(() => transport.expectNone('save')).toThrowError(
        [
          `Expected no frames matching criteria "channel 'save'", found 1: send 'save' [{"theme":"dark"}].`,
          `Frames sent (1):`,
          `  send 'save' [{"theme":"dark"}]`,
        ].join('\n'),
      );
      transport.expectOne('save');
      transport.expectNone('save');
      transport.verify();
    });
  });

  describe('match', () => {
    it('should return every unmatched frame that matches, in order, and mark them matched', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.send('log', 1);
      ipcRenderer.send('other', 2);
      ipcRenderer.send('log', 3);
      expect(transport.match({ channel: 'log' }).map((r) => r.args[0])).toEqual([1, 3]);
      expect(transport.match({ channel: 'log' })).toEqual([]);
      expect(transport.match({ kind: 'invoke' })).toEqual([]);
      transport.expectOne('other');
      transport.verify();
    });
  });

  describe('verify', () => {
    it('should pass when every frame was matched and every matched call answered', async () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.send('log', 'x');
      const answer = ipcRenderer.invoke('load');
      transport.expectOne('log');
      transport.expectOne('load').flush(1);
      expect(() => transport.verify()).not.toThrow();
      expect(await answer).toBe(1);
    });

    it('should fail listing the unmatched frames and every frame sent', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.send('log', 'boot');
      ipcRenderer.send('settings:save', { theme: 'light' });
      transport.expectOne('log');
      expect(() => transport.verify()).toThrowError(
        [
          'TestTransport.verify() found frames left unhandled.',
          'Expected no unmatched frames, found 1:',
          `  send 'settings:save' [{"theme":"light"}]`,
          'Frames sent (2):',
          `  send 'log' ["boot"] (matched)`,
          `  send 'settings:save' [{"theme":"light"}]`,
        ].join('\n'),
      );
      transport.expectOne('settings:save');
      transport.verify();
    });

    it('should fail listing matched calls never answered, unless told to ignore them', () => {
      const { transport, ipcRenderer } = setup();
      const loading = ipcRenderer.invoke('settings:load');
      const request = transport.expectOne('settings:load');
      expect(() => transport.verify()).toThrowError(
        [
          'TestTransport.verify() found frames left unhandled.',
          'Expected every matched call to be answered, found 1 waiting:',
          `  invoke 'settings:load' [] (matched)`,
          'Frames sent (1):',
          `  invoke 'settings:load' [] (matched)`,
        ].join('\n'),
      );
      expect(() => transport.verify({ ignoreUnanswered: true })).not.toThrow();
      request.flush();
      transport.verify();
      return loading;
    });

    it('should not ask for answers to calls the renderer cancelled, or that a close ended', async () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.invoke$('watch').subscribe().unsubscribe();
      const loading = ipcRenderer.invoke('load');
      transport.match(() => true);
      ipcRenderer.close();
      await expectAsync(loading).toBeRejectedWithError(IpcClosedError);
      expect(transport.closed).toBeTrue();
      transport.verify();
    });
  });

  describe('whenSync', () => {
    it('should answer sendSync with a registered value or with a function of the arguments, with JSON semantics', () => {
      const { transport, ipcRenderer } = setup();
      transport.whenSync('version', '1.2.3').whenSync('config:get', (key: string) => ({ when: new Date(0), key }));
      expect(ipcRenderer.sendSync('version')).toBe('1.2.3');
      expect(ipcRenderer.sendSync('config:get', 'theme')).toEqual({ when: '1970-01-01T00:00:00.000Z', key: 'theme' });
      expect(transport.sent.map((r) => [r.kind, r.channel, r.answered])).toEqual([
        ['sync', 'version', true],
        ['sync', 'config:get', true],
      ]);
      expect(transport.expectOne({ kind: 'sync', channel: 'config:get' }).args).toEqual(['theme']);
      transport.verify();
    });

    it('should make sendSync without a registered answer throw IpcNoReturnValueError, and verify list it', () => {
      const { transport, ipcRenderer } = setup();
      expect(() => ipcRenderer.sendSync('config', 1)).toThrowError(IpcNoReturnValueError);
      expect(() => transport.verify()).toThrowError(/Expected no unmatched frames, found 1:\n {2}sync 'config' \[1\]\n/);
      transport.expectOne({ kind: 'sync' });
      transport.verify();
    });

    it('should handle a sendSync after the frames sent before it', () => {
      const { transport, ipcRenderer } = setup();
      transport.whenSync('ask', () => transport.sent.length);
      ipcRenderer.send('first');
      expect(ipcRenderer.sendSync('ask')).toBe(2);
      transport.match(() => true);
      transport.verify();
    });
  });

  describe('send', () => {
    it("should reach the renderer's listeners asynchronously, as webContents.send would", async () => {
      const { transport, ipcRenderer } = setup();
      const got: unknown[][] = [];
      ipcRenderer.on('settings:changed', (event: IpcRendererEvent, ...args: unknown[]) =>
        got.push([event.sender === ipcRenderer, ...args]),
      );
      transport.send('settings:changed', { theme: 'light' }, new Date(0));
      expect(got).toEqual([]);
      await settle();
      expect(got).toEqual([[true, { theme: 'light' }, '1970-01-01T00:00:00.000Z']]);
    });

    it('should throw once the connection is closed', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.close();
      expect(() => transport.send('late')).toThrowError("Cannot send 'late' to the renderer: the connection is closed");
    });
  });

  describe('disconnect', () => {
    it('should close the renderer as a lost main would: pending calls reject, channels complete', async () => {
      const { transport, ipcRenderer } = setup();
      const loading = ipcRenderer.invoke('load');
      const completed = jasmine.createSpy('complete');
      ipcRenderer.channel('changed').subscribe({ complete: completed });
      const request = transport.expectOne('load');
      transport.disconnect('main crashed');
      transport.disconnect();
      expect(transport.closed).toBeTrue();
      expect(() => request.flush(1)).toThrowError("Cannot flush invoke 'load' []: the connection is closed");
      await expectAsync(loading).toBeRejectedWithError(IpcClosedError, "The connection to the main side was lost while 'load' was pending");
      expect(completed).toHaveBeenCalledTimes(1);
      expect(ipcRenderer.isClosed).toBeTrue();
      transport.verify();
    });
  });
});
