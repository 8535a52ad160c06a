import { DestroyRef, inject, NgZone } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { MonoTypeOperatorFunction, Observable } from 'rxjs';
import type { ChannelMessage } from '../channel/fromChannel.js';
import { enterZone } from '../operators/enterZone.js';
import type { IpcRendererEvent } from '../renderer/IpcRenderer.js';
import type { IpcRendererLike } from './IpcRendererLike.js';
import { IPC_RENDERER } from './IPC_RENDERER.js';

/** Options of `IpcService.channel`. */
export interface IpcChannelOptions {
  /**
   * Completes the Observable (and so removes its listener) when this is destroyed: pass a
   * component's `inject(DestroyRef)` when you call `channel` outside an injection context.
   * @default the caller's `DestroyRef` when called in an injection context (a field initializer or
   * constructor), else none (the `async` pipe or your own `unsubscribe` tears down)
   */
  destroyRef?: DestroyRef;
}

/**
 * The app's `IpcRenderer` for Angular components: channel Observables and streamed calls that
 * deliver inside Angular's `NgZone` (so zone-based change detection sees every message, even when
 * the transport calls back outside the zone, as Electron's does) and that complete when the
 * component that asked for them is destroyed, removing their listener: no leaks, no
 * `MaxListenersExceededWarning`. Provided by `provideIpc(...)`.
 *
 * ## Example
 * ```ts
 * import { AsyncPipe } from '@angular/common';
 * import { Component, inject } from '@angular/core';
 * import { map } from 'rxjs';
 * import { IpcService } from 'rxipc/angular';
 *
 * @Component({
 *   selector: 'app-status',
 *   imports: [AsyncPipe],
 *   template: `<p>{{ status$ | async }}</p> <button (click)="refresh()">Refresh</button>`,
 * })
 * export class StatusComponent {
 *   private readonly ipc = inject(IpcService);
 *   readonly status$ = this.ipc.channel('status').pipe(map(({ args: [status] }) => status as string));
 *   refresh(): void {
 *     this.ipc.send('status:refresh');
 *   }
 * }
 * ```
 *
 * @see provideIpc, IPC_RENDERER, enterZone
 */
export class IpcService {
  /** The underlying `IpcRenderer`, for everything else (its callbacks run wherever the transport's do). */
  readonly renderer: IpcRendererLike = inject(IPC_RENDERER);
  private readonly zone = inject(NgZone);

  /**
   * The messages of one channel as a hot Observable of `{ event, args }`, delivered inside
   * `NgZone`. Each subscriber adds one listener to the renderer and removes it on unsubscribe,
   * when `options.destroyRef` (by default the calling component) is destroyed, or when the
   * renderer closes.
   *
   * @param name The channel.
   * @param options Where teardown comes from.
   * @returns The channel's messages.
   */
  channel(name: string, options?: IpcChannelOptions): Observable<ChannelMessage<IpcRendererEvent>> {
    return (this.renderer.channel(name) as Observable<ChannelMessage<IpcRendererEvent>>).pipe(
      this.tearDownWith(options?.destroyRef ?? callerDestroyRef()),
      enterZone(this.zone),
    );
  }

  /**
   * Calls main's handler for `channel` as a cold Observable (see `IpcRenderer.invoke$`), delivered
   * inside `NgZone`. Unsubscribing, or destroying the calling component (when called in an
   * injection context), cancels the call on the main side.
   *
   * @param channel The channel.
   * @param args The arguments.
   * @returns The handler's answer as a stream.
   */
  invoke$<T = any>(channel: string, ...args: unknown[]): Observable<T> {
    return this.renderer.invoke$<T>(channel, ...args).pipe(this.tearDownWith(callerDestroyRef()), enterZone(this.zone));
  }

  /**
   * Sends a message to the main side (see `IpcRenderer.send`).
   *
   * @param channel The channel.
   * @param args The arguments.
   */
  send(channel: string, ...args: unknown[]): void {
    this.renderer.send(channel, ...args);
  }

  private tearDownWith<T>(destroyRef: DestroyRef | undefined): MonoTypeOperatorFunction<T> {
    return destroyRef === undefined ? (source) => source : takeUntilDestroyed<T>(destroyRef);
  }
}

/** The `DestroyRef` of the injection context we are called in, if any. */
function callerDestroyRef(): DestroyRef | undefined {
  try {
    return inject(DestroyRef);
  } catch {
    // NG0203: not in an injection context (ngOnInit, an event handler ...): no implicit teardown.
    return undefined;
  }
}
