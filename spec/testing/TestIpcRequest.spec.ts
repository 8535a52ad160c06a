import { lastValueFrom, toArray } from 'rxjs';
import { IpcRemoteError, IpcRenderer, IpcSerializationError } from '../../src/index.js';
import { TestTransport } from '../../src/testing/index.js';
import { trackFacade } from '../helpers/leaks.js';

function setup(): { transport: TestTransport; ipcRenderer: IpcRenderer } {
  const transport = new TestTransport();
  const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(transport));
  return { transport, ipcRenderer };
}

describe('TestIpcRequest', () => {
  describe('of an invoke', () => {
    it('should resolve the invoke with flush(value), applying JSON semantics', async () => {
      const { transport, ipcRenderer } = setup();
      const answer = ipcRenderer.invoke('settings:load');
      const request = transport.expectOne({ kind: 'invoke', channel: 'settings:load' });
      expect(request.pending).toBeTrue();
      request.flush({ theme: 'dark', since: new Date(0), drop: () => 1 });
      expect(request.answered).toBeTrue();
      expect(request.pending).toBeFalse();
      expect(await answer).toEqual({ theme: 'dark', since: '1970-01-01T00:00:00.000Z' });
    });

    it('should resolve undefined (not null) with flush()', async () => {
      const { transport, ipcRenderer } = setup();
      const answer = ipcRenderer.invoke('save', 1);
      transport.expectOne('save').flush();
      expect(await answer).toBeUndefined();
    });

    it("should reject with an IpcRemoteError carrying Electron's message, the name, code and own fields with error(err)", async () => {
      const { transport, ipcRenderer } = setup();
      const answer = ipcRenderer.invoke('read', '/etc/x');
      transport.expectOne('read').error(Object.assign(new TypeError('no such file'), { code: 'ENOENT', path: '/etc/x' }));
      const error: unknown = await answer.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IpcRemoteError);
      expect(error).toEqual(
        jasmine.objectContaining({
          name: 'TypeError',
          message: "Error invoking remote method 'read': TypeError: no such file",
          code: 'ENOENT',
          path: '/etc/x',
        }),
      );
      expect((error as Error).stack).not.toContain('TestIpcRequest.spec');
    });

    it('should reject with the text of a non-Error thrown value', async () => {
      const { transport, ipcRenderer } = setup();
      const answer = ipcRenderer.invoke('read');
      transport.expectOne('read').error('plain text');
      await expectAsync(answer).toBeRejectedWithError(IpcRemoteError, "Error invoking remote method 'read': plain text");
    });

    it('should refuse next() and complete(), which belong to invoke$', async () => {
      const { transport, ipcRenderer } = setup();
      const answer = ipcRenderer.invoke('load');
      const request = transport.expectOne('load');
      expect(() => request.next(1)).toThrowError(
        "Cannot stream a value to invoke 'load' []: only invoke$ ('invoke-stream') streams values; answer an invoke with flush(value) or error(err)",
      );
      expect(() => request.complete()).toThrowError(/^Cannot complete invoke 'load' \[\]: only invoke\$/);
      request.flush(1);
      expect(await answer).toBe(1);
    });

    it('should refuse a second answer', async () => {
      const { transport, ipcRenderer } = setup();
      const answer = ipcRenderer.invoke('load', 'a');
      const request = transport.expectOne('load');
      request.flush(1);
      expect(() => request.flush(2)).toThrowError(`Cannot flush invoke 'load' ["a"]: it has already been answered`);
      expect(() => request.error(new Error('late'))).toThrowError(`Cannot fail invoke 'load' ["a"]: it has already been answered`);
      expect(await answer).toBe(1);
    });

    it('should throw IpcSerializationError for an answer JSON cannot encode, send nothing, and stay answerable', async () => {
      const { transport, ipcRenderer } = setup();
      const answer = ipcRenderer.invoke('load');
      const request = transport.expectOne('load');
      expect(() => request.flush(10n)).toThrowError(IpcSerializationError);
      expect(request.answered).toBeFalse();
      request.flush('ok');
      expect(await answer).toBe('ok');
    });
  });

  describe('of an invoke$', () => {
    it('should stream next(value) values until complete()', async () => {
      const { transport, ipcRenderer } = setup();
      const values = lastValueFrom(ipcRenderer.invoke$('pages').pipe(toArray()));
      const request = transport.expectOne({ kind: 'invoke-stream', channel: 'pages' });
      request.next(1);
      request.next({ two: 2 });
      expect(request.answered).toBeFalse();
      request.complete();
      expect(request.answered).toBeTrue();
      expect(await values).toEqual([1, { two: 2 }]);
    });

    it('should emit one value and complete with flush(value)', async () => {
      const { transport, ipcRenderer } = setup();
      const values = lastValueFrom(ipcRenderer.invoke$('one').pipe(toArray()));
      transport.expectOne('one').flush('only');
      expect(await values).toEqual(['only']);
    });

    it('should error the stream with error(err)', async () => {
      const { transport, ipcRenderer } = setup();
      const values = lastValueFrom(ipcRenderer.invoke$('pages'));
      const request = transport.expectOne('pages');
      request.next(1);
      request.error(new Error('gone'));
      await expectAsync(values).toBeRejectedWithError(IpcRemoteError, "Error invoking remote method 'pages': Error: gone");
    });

    it('should refuse any answer once the renderer cancelled it', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.invoke$('pages', 3).subscribe().unsubscribe();
      const request = transport.expectOne('pages');
      expect(request.cancelled).toBeTrue();
      expect(() => request.next(1)).toThrowError(
        `Cannot stream a value to invoke-stream 'pages' [3]: the renderer cancelled it (unsubscribed)`,
      );
      expect(() => request.flush(1)).toThrowError(/the renderer cancelled it/);
      expect(String(request)).toBe(`invoke-stream 'pages' [3] (matched, cancelled)`);
    });
  });

  describe('of a frame that expects no answer', () => {
    it('should refuse to answer send and sendToHost frames', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.send('log', 'x');
      const request = transport.expectOne('log');
      expect(request.pending).toBeFalse();
      expect(() => request.flush()).toThrowError(`Cannot flush send 'log' ["x"]: a 'send' frame expects no answer`);
      expect(() => request.error(new Error('x'))).toThrowError(/a 'send' frame expects no answer/);
    });

    it('should refuse to answer a sync frame, pointing at whenSync', () => {
      const { transport, ipcRenderer } = setup();
      expect(() => ipcRenderer.sendSync('config')).toThrow();
      const request = transport.expectOne({ kind: 'sync' });
      expect(() => request.flush(1)).toThrowError(
        `Cannot flush sync 'config' []: sendSync has already returned. Register its answer before the call with transport.whenSync('config', value)`,
      );
    });
  });

  describe('toString', () => {
    it('should print kind, channel, args and the state notes', async () => {
      const { transport, ipcRenderer } = setup();
      const answer = ipcRenderer.invoke('save', 'a"b', { n: [1, null, true] }, 'line\nbreak');
      const request = transport.sent[0]!;
      expect(String(request)).toBe(`invoke 'save' ["a\\"b",{"n":[1,null,true]},"line\\nbreak"]`);
      transport.expectOne('save').flush();
      expect(String(request)).toBe(`invoke 'save' ["a\\"b",{"n":[1,null,true]},"line\\nbreak"] (matched, answered)`);
      await answer;
    });

    it('should cut very long arguments', () => {
      const { transport, ipcRenderer } = setup();
      ipcRenderer.send('big', 'x'.repeat(500));
      const text = String(transport.expectOne('big'));
      expect(text.length).toBeLessThan(260);
      expect(text).toContain('…');
    });
  });
});
