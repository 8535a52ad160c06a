// The two tests of docs/testing.md, run for real (imports point at src/ instead of 'rxipc').
import { firstValueFrom, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { IpcRenderer, type IpcMainEvent } from '../../src/index.js';
import { createMarbleIpc, TestTransport, type MarbleIpc } from '../../src/testing/index.js';
import { trackFacade } from '../helpers/leaks.js';
import { SettingsStore, type Settings } from './fixtures/SettingsStore.js';

describe('SettingsStore (docs/testing.md)', () => {
  describe('with createMarbleIpc', () => {
    let testScheduler: TestScheduler;
    let ipc: MarbleIpc;

    beforeEach(() => {
      testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
      ipc = createMarbleIpc({ scheduler: testScheduler, latency: 1 });
      trackFacade('ipcRenderer', ipc.ipcRenderer);
      trackFacade('webContents', ipc.webContents);
    });

    afterEach(() => ipc.close());

    it('should load the settings, then follow every change main broadcasts', () => {
      testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
        let stored: Settings = { theme: 'dark', fontSize: 14 };
        const diskRead = cold('--s|', { s: stored });
        ipc.ipcMain.handle('settings:load', () => diskRead);
        ipc.ipcMain.on('settings:save', (event: IpcMainEvent, patch: Partial<Settings>) => {
          stored = { ...stored, ...patch };
          event.sender.send('settings:changed', stored);
        });
        const store = new SettingsStore(ipc.ipcRenderer);

        const light: Partial<Settings> = { theme: 'light' };
        const saves = hot('-----p-----', { p: light });
        const sub = '^---------!';
        const expected = '----d--l---';
        const readSubs = '-^--!';

        saves.subscribe((patch) => store.save(patch));
        expectObservable(store.settings$, sub).toBe(expected, {
          d: { theme: 'dark', fontSize: 14 },
          l: { theme: 'light', fontSize: 14 },
        });
        expectSubscriptions(diskRead.subscriptions).toBe(readSubs);
      });
    });
  });

  describe('with TestTransport', () => {
    it('should load the settings, follow settings:changed, and send saves', async () => {
      const transport = new TestTransport();
      const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(transport));
      const store = new SettingsStore(ipcRenderer);

      const firstTwo = firstValueFrom(store.settings$.pipe(take(2), toArray()));
      transport.expectOne({ kind: 'invoke-stream', channel: 'settings:load' }).flush({ theme: 'dark', fontSize: 14 });
      transport.send('settings:changed', { theme: 'light', fontSize: 14 });
      expect(await firstTwo).toEqual([
        { theme: 'dark', fontSize: 14 },
        { theme: 'light', fontSize: 14 },
      ]);

      store.save({ fontSize: 16 });
      expect(transport.expectOne({ kind: 'send', channel: 'settings:save' }).args).toEqual([{ fontSize: 16 }]);
      transport.verify();
      ipcRenderer.close();
    });

    it('should fail verify() with the list of what was sent when a save is not expected', () => {
      const transport = new TestTransport();
      const ipcRenderer = trackFacade('ipcRenderer', new IpcRenderer(transport));
      const store = new SettingsStore(ipcRenderer);
      store.save({ theme: 'light' });
      expect(() => transport.verify()).toThrowError(
        [
          'TestTransport.verify() found frames left unhandled.',
          'Expected no unmatched frames, found 1:',
          `  send 'settings:save' [{"theme":"light"}]`,
          'Frames sent (1):',
          `  send 'settings:save' [{"theme":"light"}]`,
        ].join('\n'),
      );
      transport.match('settings:save');
    });
  });
});
