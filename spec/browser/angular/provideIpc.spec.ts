import { textOf } from './testEnvironment.js';
import { Component, inject, NgZone, provideZoneChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { IPC_RENDERER, IpcService, provideIpc } from '../../../src/angular/index.js';
import { createMemoryTransportPair, IpcRenderer, type IpcMain, type WebContents } from '../../../src/index.js';
import { createTestIpc, settle, trackFacade } from '../../helpers/leaks.js';

class ReadyComponent {
  readonly ipc = inject(IpcService);
}
Component({ selector: 'ready-view', template: `<p class="ready">ready</p>` })(ReadyComponent);

describe('provideIpc', () => {
  it('should provide a renderer instance as IPC_RENDERER and to IpcService, and leave it open', () => {
    const { ipcRenderer } = createTestIpc();
    TestBed.configureTestingModule({ providers: [provideZoneChangeDetection(), provideIpc(ipcRenderer)] });
    expect(TestBed.inject(IPC_RENDERER)).toBe(ipcRenderer);
    expect(TestBed.inject(IpcService).renderer).toBe(ipcRenderer);
    TestBed.resetTestingModule();
    expect(ipcRenderer.isClosed).toBeFalse();
  });

  it('should give components the same IpcService', () => {
    const { ipcRenderer } = createTestIpc();
    TestBed.configureTestingModule({ providers: [provideZoneChangeDetection(), provideIpc(ipcRenderer)] });
    const fixture = TestBed.createComponent(ReadyComponent);
    fixture.detectChanges();
    expect(textOf(fixture.nativeElement as HTMLElement, '.ready')).toBe('ready');
    expect(fixture.componentInstance.ipc).toBe(TestBed.inject(IpcService));
  });

  it('should create a renderer from a factory once, in an injection context, outside the Angular zone', () => {
    const { ipcMain } = createTestIpc();
    const calls: Array<{ inZone: boolean; zone: NgZone }> = [];
    let created: IpcRenderer | undefined;
    TestBed.configureTestingModule({
      providers: [
        provideZoneChangeDetection(),
        provideIpc(() => {
          calls.push({ inZone: NgZone.isInAngularZone(), zone: inject(NgZone) });
          created = newRenderer(ipcMain).renderer;
          return created;
        }),
      ],
    });
    const ngZone = TestBed.inject(NgZone);
    // Inject first from inside the Angular zone, as a component's constructor would.
    const renderer = ngZone.run(() => TestBed.inject(IPC_RENDERER));
    expect(TestBed.inject(IpcService).renderer).toBe(renderer);
    expect(renderer).toBe(created!);
    expect(calls.length).toBe(1);
    expect(calls[0]!.inZone).toBeFalse();
    expect(calls[0]!.zone).toBe(ngZone);
  });

  it('should close the renderer its factory created when the app is destroyed', async () => {
    const { ipcMain } = createTestIpc();
    const { renderer, webContents } = newRenderer(ipcMain);
    TestBed.configureTestingModule({ providers: [provideZoneChangeDetection(), provideIpc(() => renderer)] });
    expect(TestBed.inject(IPC_RENDERER)).toBe(renderer);
    expect(renderer.isClosed).toBeFalse();
    TestBed.resetTestingModule();
    expect(renderer.isClosed).toBeTrue();
    await settle();
    expect(webContents.isDestroyed()).toBeTrue();
  });
});

/** A second renderer connected to `ipcMain` over a fresh memory pair, both ends leak-checked. */
function newRenderer(ipcMain: IpcMain): { renderer: IpcRenderer; webContents: WebContents } {
  const [mainEnd, rendererEnd] = createMemoryTransportPair();
  const webContents = trackFacade('webContents', ipcMain.connect(mainEnd));
  const renderer = trackFacade('factory renderer', new IpcRenderer(rendererEnd));
  return { renderer, webContents };
}
