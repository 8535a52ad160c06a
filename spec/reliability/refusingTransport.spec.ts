// A transport may refuse a frame by throwing from next() (backpressure, a broken socket): the
// caller gets that error, nothing is left pending, and the main side reports instead of throwing.
import { Subject, lastValueFrom } from 'rxjs';
import { createMemoryTransportPair, encodeFrame, IpcError, IpcMain, IpcRenderer, type SubjectLike } from '../../src/index.js';
import { settle, trackFacade } from '../helpers/leaks.js';

class Refused extends IpcError {
  override name = 'Refused';
}

function refusing(): { transport: SubjectLike<string>; incoming: Subject<string>; refuse: { on: boolean } } {
  const incoming = new Subject<string>();
  const refuse = { on: true };
  return {
    incoming,
    refuse,
    transport: {
      next: () => {
        if (refuse.on) throw new Refused('transport full', 'ERR_TEST_FULL');
      },
      complete: () => incoming.complete(),
      subscribe: (o) => incoming.subscribe(o),
    },
  };
}

describe('a transport that refuses frames', () => {
  it('should throw from send and reject invoke / error invoke$, leaving nothing pending', async () => {
    const { transport } = refusing();
    const renderer = trackFacade('renderer', new IpcRenderer(transport));
    expect(() => renderer.send('x')).toThrowMatching((e) => e instanceof Refused);
    await expectAsync(renderer.invoke('x')).toBeRejectedWith(jasmine.any(Refused));
    await expectAsync(lastValueFrom(renderer.invoke$('x'))).toBeRejectedWith(jasmine.any(Refused));
    expect(renderer.pendingCount).toBe(0);
  });

  it('should report, not throw, when main cannot send an answer', async () => {
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    const { transport, incoming } = refusing();
    const webContents = ipcMain.connect(transport);
    const reported: IpcError[] = [];
    const sub = ipcMain.errors$.subscribe((e) => reported.push(e));
    ipcMain.handle('h', () => 'answer');
    ipcMain.on('s', (e) => (e.returnValue = 1));
    expect(() => incoming.next(encodeFrame({ v: 1, kind: 'invoke', id: 1, channel: 'h', args: [] }))).not.toThrow();
    expect(() => incoming.next(encodeFrame({ v: 1, kind: 'sync', id: 2, channel: 's', args: [] }))).not.toThrow();
    await settle();
    expect(reported.map((e) => e.code)).toEqual(['ERR_TEST_FULL', 'ERR_TEST_FULL']);
    expect(webContents.pendingCount).toBe(0);
    sub.unsubscribe();
  });

  it('should keep working once the transport accepts frames again', async () => {
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    const [mainEnd, rendererEnd] = createMemoryTransportPair();
    ipcMain.connect(mainEnd);
    let full = true;
    const realNext = rendererEnd.next;
    rendererEnd.next = (frame: string) => {
      if (full) throw new Refused('transport full', 'ERR_TEST_FULL');
      realNext(frame);
    };
    const renderer = trackFacade('renderer', new IpcRenderer(rendererEnd));
    ipcMain.handle('h', () => 'ok');
    await expectAsync(renderer.invoke('h')).toBeRejectedWith(jasmine.any(Refused));
    full = false;
    expect(await renderer.invoke('h')).toBe('ok');
  });
});
