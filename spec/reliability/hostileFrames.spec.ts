// Hostile and garbage frames pushed straight into each facade's transport: every one is dropped
// and reported on errors$, nothing reaches user code as an exception, no prototype changes, and
// the facade keeps working afterwards.
import { Subject } from 'rxjs';
import fc from 'fast-check';
import {
  createMemoryTransportPair,
  encodeFrame,
  IpcBadFrameError,
  IpcHost,
  IpcMain,
  IpcRenderer,
  type IpcError,
  type SubjectLike,
} from '../../src/index.js';
import { settle, trackFacade } from '../helpers/leaks.js';

/** A transport whose incoming side the test drives by hand, recording what the facade sends. */
function rawTransport(): { transport: SubjectLike<string>; inject(frame: unknown): void; sent: string[] } {
  const incoming = new Subject<string>();
  const sent: string[] = [];
  return {
    transport: { next: (f) => void sent.push(f), complete: () => incoming.complete(), subscribe: (o) => incoming.subscribe(o) },
    inject: (frame) => incoming.next(frame as string),
    sent,
  };
}

const HOSTILE: unknown[] = [
  undefined,
  null,
  42,
  {},
  ['array'],
  '',
  '\u0000\uffff',
  'x'.repeat(10_000),
  '{"v":1,"kind":"send","channel":"a"',
  '{"v":99,"kind":"send","channel":"a","args":[]}',
  '{"v":1,"kind":"eval","code":"alert(1)"}',
  '{"__proto__":{"polluted":true},"v":1,"kind":"send","channel":"a","args":[]}',
  '{"v":1,"kind":"send","channel":"a","args":[],"constructor":{"prototype":{"polluted":true}}}',
  '{"v":1,"kind":"reply","id":99999}',
  '{"v":1,"kind":"error","id":1,"error":{"name":"Error","message":"m","text":"t","fields":{"__proto__":{"polluted":true}}}}',
  `{"v":1,"kind":"send","channel":"a","args":[${'['.repeat(5000)}${']'.repeat(5000)}]}`,
];

describe('hostile frames', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('should drop and report every hostile frame at the main side, then keep serving', async () => {
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    const raw = rawTransport();
    ipcMain.connect(raw.transport);
    const reported: IpcError[] = [];
    const sub = ipcMain.errors$.subscribe((e) => reported.push(e));
    const listener = jasmine.createSpy('listener');
    ipcMain.on('a', listener);
    for (const frame of HOSTILE) expect(() => raw.inject(frame)).not.toThrow();
    // Frames a main side must not accept from a renderer are refused too.
    expect(() => raw.inject(encodeFrame({ v: 1, kind: 'message', channel: 'a', args: [] }))).not.toThrow();
    // Two of them are valid frames whose extra `__proto__` / `constructor` keys are inert data.
    expect(listener).toHaveBeenCalledTimes(2);
    ipcMain.handle('alive', () => 'yes');
    raw.inject(encodeFrame({ v: 1, kind: 'invoke', id: 1, channel: 'alive', args: [] }));
    await settle();
    expect(raw.sent.some((f) => f.includes('"kind":"reply"') && f.includes('"yes"'))).toBeTrue();
    expect(reported.every((e) => e instanceof IpcBadFrameError)).toBeTrue();
    expect(reported.length).toBe(HOSTILE.length - 2 + 1);
    sub.unsubscribe();
  });

  it('should drop and report hostile frames at the renderer side, then keep working', async () => {
    const raw = rawTransport();
    const renderer = trackFacade('renderer', new IpcRenderer(raw.transport));
    const reported: IpcError[] = [];
    const sub = renderer.errors$.subscribe((e) => reported.push(e));
    const listener = jasmine.createSpy('listener');
    renderer.on('a', listener);
    for (const frame of HOSTILE) expect(() => raw.inject(frame)).not.toThrow();
    raw.inject(encodeFrame({ v: 1, kind: 'invoke', id: 1, channel: 'a', args: [] }));
    raw.inject(encodeFrame({ v: 1, kind: 'message', channel: 'a', args: [1] }));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((e) => e instanceof IpcBadFrameError)).toBeTrue();
    sub.unsubscribe();
    await settle();
  });

  it('should survive random strings at every facade (property)', () => {
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    const toMain = rawTransport();
    ipcMain.connect(toMain.transport);
    const toRenderer = rawTransport();
    const renderer = trackFacade('renderer', new IpcRenderer(toRenderer.transport));
    const toHost = rawTransport();
    const host = trackFacade('host', new IpcHost(toHost.transport));
    const subs = [ipcMain, renderer, host].map((f) => f.errors$.subscribe());
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (input) => {
        expect(() => toMain.inject(input)).not.toThrow();
        expect(() => toRenderer.inject(input)).not.toThrow();
        expect(() => toHost.inject(input)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    subs.forEach((s) => s.unsubscribe());
    expect(renderer.isClosed).toBeFalse();
  });

  it('should not let a renderer forge answers to another renderer', async () => {
    const ipcMain = trackFacade('ipcMain', new IpcMain());
    const [mainEnd, rendererEnd] = createMemoryTransportPair();
    ipcMain.connect(mainEnd);
    const honest = trackFacade('honest', new IpcRenderer(rendererEnd));
    const attacker = rawTransport();
    ipcMain.connect(attacker.transport);
    const got = jasmine.createSpy('got');
    const reported = jasmine.createSpy('reported');
    const sub = ipcMain.errors$.subscribe(reported);
    honest.on('secret', got);
    attacker.inject(encodeFrame({ v: 1, kind: 'message', channel: 'secret', args: ['forged'] }));
    await settle();
    expect(got).not.toHaveBeenCalled();
    expect(reported).toHaveBeenCalledWith(jasmine.any(IpcBadFrameError));
    sub.unsubscribe();
  });
});
