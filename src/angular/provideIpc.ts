import { DestroyRef, inject, makeEnvironmentProviders, NgZone, type EnvironmentProviders } from '@angular/core';
import type { IpcRendererLike } from './IpcRendererLike.js';
import { IPC_RENDERER } from './IPC_RENDERER.js';
import { IpcService } from './IpcService.js';

/**
 * Provides rxipc to an Angular app: the `IPC_RENDERER` token and the `IpcService` whose channel
 * Observables deliver inside `NgZone` and end with the component. Give it a renderer you own, or a
 * factory: a factory runs in an injection context and outside Angular's zone (so the transport's
 * own callbacks do not trigger change detection for messages no view consumes; `IpcService`
 * brings the ones that matter back in), and the renderer it creates is closed when the app (the
 * environment injector) is destroyed.
 *
 * ## Example
 * ```ts
 * import { bootstrapApplication } from '@angular/platform-browser';
 * import { provideZoneChangeDetection } from '@angular/core';
 * import { createIpc } from 'rxipc';
 * import { provideIpc } from 'rxipc/angular';
 *
 * // The embedded pair; in Electron, a renderer over the preload bridge (rxipc/bridge) or a transport.
 * const { ipcMain, ipcRenderer } = createIpc();
 * ipcMain.handle('app:version', () => '1.0.0');
 *
 * bootstrapApplication(AppComponent, {
 *   providers: [provideZoneChangeDetection(), provideIpc(ipcRenderer)],
 * });
 * ```
 *
 * @param renderer The app's `IpcRenderer` (or the renderer `ipcRendererFromBridge` rebuilds), or a function that creates it.
 * @returns Environment providers for `bootstrapApplication`, `TestBed` or a route.
 * @see IpcService, IPC_RENDERER
 */
export function provideIpc(renderer: IpcRendererLike | (() => IpcRendererLike)): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: IPC_RENDERER,
      useFactory: (): IpcRendererLike => {
        if (typeof renderer !== 'function') return renderer;
        const created = inject(NgZone).runOutsideAngular(renderer);
        inject(DestroyRef).onDestroy(() => created.close());
        return created;
      },
    },
    { provide: IpcService, useFactory: () => new IpcService() },
  ]);
}
