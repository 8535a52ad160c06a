import { InjectionToken } from '@angular/core';
import type { IpcRendererLike } from './IpcRendererLike.js';

/**
 * The injection token of the app's `IpcRenderer`. `provideIpc(...)` provides it; inject it for the
 * EventEmitter API (`on`, `send`, `invoke` ...), whose callbacks run wherever the transport's do.
 * For Observables delivered inside Angular's zone and torn down with the component, inject
 * `IpcService` instead.
 *
 * ## Example
 * ```ts
 * import { inject } from '@angular/core';
 * import { IPC_RENDERER } from 'rxipc/angular';
 *
 * const ipcRenderer = inject(IPC_RENDERER);
 * ipcRenderer.send('window:ready');
 * ```
 *
 * @see provideIpc, IpcService
 */
export const IPC_RENDERER = new InjectionToken<IpcRendererLike>('rxipc IpcRenderer');
