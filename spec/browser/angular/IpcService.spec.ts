// The Angular proof: real standalone components, compiled JIT, rendered by TestBed in Chromium
// with zone.js and zone-based change detection. Messages come from main through a transport
// callback that runs OUTSIDE Angular's zone (asserted), as Electron's do. No detectChanges() is
// called after a message: only zone-triggered ticks can update the DOM.
import { sendOutsideAngular, textOf } from './testEnvironment.js';
import { AsyncPipe } from '@angular/common';
import {
  Component,
  DestroyRef,
  inject,
  NgZone,
  provideZoneChangeDetection,
  type EnvironmentProviders,
  type OnInit,
  type Provider,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { map, Subject, type Observable } from 'rxjs';
import { IPC_RENDERER, IpcService, provideIpc } from '../../../src/angular/index.js';
import type { ChannelMessage, EmbeddedIpc, IpcRendererEvent } from '../../../src/index.js';
import { createTestIpc, settle } from '../../helpers/leaks.js';

type StatusStream = () => Observable<ChannelMessage<IpcRendererEvent>>;

/** Maps a message to its first argument, recording whether the pipeline ran inside the Angular zone. */
function firstArg(zones: boolean[]) {
  return map(({ args: [status] }: ChannelMessage<IpcRendererEvent>) => {
    zones.push(NgZone.isInAngularZone());
    return String(status);
  });
}

/** Bound with the async pipe to a channel of IpcService. */
class AsyncStatusComponent {
  readonly zones: boolean[] = [];
  readonly status$ = inject(IpcService).channel('status').pipe(firstArg(this.zones));
}
Component({
  selector: 'async-status',
  imports: [AsyncPipe],
  template: `<p class="status">{{ (status$ | async) ?? 'waiting' }}</p>`,
})(AsyncStatusComponent);

/** Bound to a signal (toSignal) of a channel of IpcService. */
class SignalStatusComponent {
  readonly zones: boolean[] = [];
  readonly status = toSignal(inject(IpcService).channel('status').pipe(firstArg(this.zones)), { initialValue: 'waiting' });
}
Component({ selector: 'signal-status', template: `<p class="status">{{ status() }}</p>` })(SignalStatusComponent);

/**
 * The pattern of every Electron-in-Angular question since 2016: subscribe in the constructor and
 * assign a plain field. Nothing tells Angular the field changed but the zone.
 */
function fieldStatusComponent(stream: StatusStream): new () => { status: string } {
  class FieldStatusComponent {
    status = 'waiting';
    constructor() {
      stream().subscribe(({ args: [status] }) => (this.status = String(status)));
    }
  }
  Component({ selector: 'field-status', template: `<p class="status">{{ status }}</p>` })(FieldStatusComponent);
  return FieldStatusComponent;
}

/** The same component through rxipc's IpcService (which ends the subscription with the component) ... */
const ServiceFieldStatusComponent = fieldStatusComponent(() => inject(IpcService).channel('status'));
/** ... and straight on the renderer, with Angular's own teardown: no zone re-entry. */
const RawFieldStatusComponent = fieldStatusComponent(() => inject(IPC_RENDERER).channel('status').pipe(takeUntilDestroyed()));

/** The async pipe straight on the renderer, without zone re-entry. */
class RawAsyncStatusComponent {
  readonly zones: boolean[] = [];
  readonly status$ = inject(IPC_RENDERER).channel('status').pipe(firstArg(this.zones));
}
Component({
  selector: 'raw-async-status',
  imports: [AsyncPipe],
  template: `<p class="status">{{ (status$ | async) ?? 'waiting' }}</p>`,
})(RawAsyncStatusComponent);

/** Subscribes in ngOnInit (no injection context there) and hands IpcService its DestroyRef. */
class OnInitStatusComponent implements OnInit {
  status = 'waiting';
  private readonly ipc = inject(IpcService);
  private readonly destroyRef = inject(DestroyRef);
  ngOnInit(): void {
    this.ipc.channel('status', { destroyRef: this.destroyRef }).subscribe(({ args: [status] }) => (this.status = String(status)));
  }
}
Component({ selector: 'on-init-status', template: `<p class="status">{{ status }}</p>` })(OnInitStatusComponent);

/** The classic leak: `ipcRenderer.on` in a component, never removed. */
class LeakyStatusComponent {
  status = 'waiting';
  constructor() {
    inject(IPC_RENDERER).on('status', (_event, status) => (this.status = String(status)));
  }
}
Component({ selector: 'leaky-status', template: `<p class="status">{{ status }}</p>` })(LeakyStatusComponent);

/** A streamed call bound with the async pipe. */
class VersionComponent {
  readonly zones: boolean[] = [];
  readonly version$ = inject(IpcService)
    .invoke$<string>('app:version')
    .pipe(map((version) => (this.zones.push(NgZone.isInAngularZone()), version)));
}
Component({
  selector: 'app-version',
  imports: [AsyncPipe],
  template: `<p class="version">{{ (version$ | async) ?? 'loading' }}</p>`,
})(VersionComponent);

/** A streamed call subscribed in the constructor, relying on IpcService to end it with the component. */
class VersionFieldComponent {
  version = 'loading';
  constructor() {
    inject(IpcService)
      .invoke$<string>('app:version')
      .subscribe((version) => (this.version = version));
  }
}
Component({ selector: 'app-version-field', template: `<p class="version">{{ version }}</p>` })(VersionFieldComponent);

describe('IpcService', () => {
  let ipc: EmbeddedIpc;
  let ngZone: NgZone;

  function setUp(changeDetection: Array<Provider | EnvironmentProviders>): Promise<void> {
    ipc = createTestIpc();
    TestBed.configureTestingModule({ providers: [...changeDetection, provideIpc(ipc.ipcRenderer)] });
    ngZone = TestBed.inject(NgZone);
    // Any delivery the memory transport had queued from an earlier spec is over.
    return settle();
  }

  function render<T>(type: new () => T): ComponentFixture<T> {
    const fixture = TestBed.createComponent(type);
    // The only change detection the spec asks for: the first render, and "follow the zone from now on".
    fixture.autoDetectChanges();
    return fixture;
  }

  function status(fixture: ComponentFixture<unknown>): string | undefined {
    return textOf(fixture.nativeElement as HTMLElement, '.status');
  }

  describe('with zone change detection', () => {
    beforeEach(() => setUp([provideZoneChangeDetection()]));

    it('should run the test app with zone.js and zone-based change detection', () => {
      expect(typeof (globalThis as { Zone?: unknown }).Zone).toBe('function');
      // A NoopNgZone (zoneless) would run this outside any Angular zone.
      expect(ngZone.run(() => NgZone.isInAngularZone())).toBeTrue();
    });

    describe('channel', () => {
      it('should update an async-pipe binding for a message that arrives outside the zone', async () => {
        const fixture = render(AsyncStatusComponent);
        expect(status(fixture)).toBe('waiting');
        const callbackInZone = await sendOutsideAngular(ngZone, ipc.webContents, ipc.ipcRenderer, 'status', 'ready');
        await fixture.whenStable();
        expect(callbackInZone).toBeFalse();
        expect(fixture.componentInstance.zones).toEqual([true]);
        expect(status(fixture)).toBe('ready');
      });

      it('should update a toSignal binding for a message that arrives outside the zone', async () => {
        const fixture = render(SignalStatusComponent);
        expect(status(fixture)).toBe('waiting');
        const callbackInZone = await sendOutsideAngular(ngZone, ipc.webContents, ipc.ipcRenderer, 'status', 'ready');
        await fixture.whenStable();
        expect(callbackInZone).toBeFalse();
        expect(fixture.componentInstance.zones).toEqual([true]);
        expect(status(fixture)).toBe('ready');
      });

      it('should update a plain field assigned in subscribe for a message that arrives outside the zone', async () => {
        const fixture = render(ServiceFieldStatusComponent);
        expect(status(fixture)).toBe('waiting');
        const callbackInZone = await sendOutsideAngular(ngZone, ipc.webContents, ipc.ipcRenderer, 'status', 'ready');
        await fixture.whenStable();
        expect(callbackInZone).toBeFalse();
        expect(status(fixture)).toBe('ready');
        const again = await sendOutsideAngular(ngZone, ipc.webContents, ipc.ipcRenderer, 'status', 'busy');
        await fixture.whenStable();
        expect(again).toBeFalse();
        expect(status(fixture)).toBe('busy');
      });

      it('should deliver inside the Angular zone', async () => {
        const zones: boolean[] = [];
        const sub = TestBed.inject(IpcService)
          .channel('status')
          .subscribe(() => zones.push(NgZone.isInAngularZone()));
        const callbackInZone = await sendOutsideAngular(ngZone, ipc.webContents, ipc.ipcRenderer, 'status', 1);
        sub.unsubscribe();
        expect(callbackInZone).toBeFalse();
        expect(zones).toEqual([true]);
      });

      it('should remove its listener when an async-pipe component is destroyed', () => {
        const fixture = render(AsyncStatusComponent);
        expect(ipc.ipcRenderer.listenerCount('status')).toBe(1);
        fixture.destroy();
        expect(ipc.ipcRenderer.listenerCount('status')).toBe(0);
      });

      it('should remove its listener when a component that subscribed in its constructor is destroyed', () => {
        const fixture = render(ServiceFieldStatusComponent);
        expect(ipc.ipcRenderer.listenerCount('status')).toBe(1);
        fixture.destroy();
        expect(ipc.ipcRenderer.listenerCount('status')).toBe(0);
      });

      it('should remove its listener with the DestroyRef it was given outside an injection context', async () => {
        const fixture = render(OnInitStatusComponent);
        expect(ipc.ipcRenderer.listenerCount('status')).toBe(1);
        await sendOutsideAngular(ngZone, ipc.webContents, ipc.ipcRenderer, 'status', 'ready');
        await fixture.whenStable();
        expect(status(fixture)).toBe('ready');
        fixture.destroy();
        expect(ipc.ipcRenderer.listenerCount('status')).toBe(0);
      });

      it('should leave no listener and give no MaxListenersExceededWarning after 50 components came and went', () => {
        const warn = spyOn(console, 'warn');
        for (let i = 0; i < 50; i++) {
          const a = render(AsyncStatusComponent);
          const b = render(ServiceFieldStatusComponent);
          const c = render(SignalStatusComponent);
          expect(ipc.ipcRenderer.listenerCount('status')).toBe(3);
          a.destroy();
          b.destroy();
          c.destroy();
        }
        expect(ipc.ipcRenderer.listenerCount('status')).toBe(0);
        expect(warn.calls.allArgs().filter(([w]) => (w as Error | undefined)?.name === 'MaxListenersExceededWarning')).toEqual([]);
      });

      it('should complete when the renderer closes', () => {
        const log: string[] = [];
        TestBed.inject(IpcService)
          .channel('status')
          .subscribe({ complete: () => log.push(`complete:${NgZone.isInAngularZone()}`) });
        ngZone.runOutsideAngular(() => ipc.ipcRenderer.close());
        expect(log).toEqual(['complete:true']);
        expect(ipc.ipcRenderer.listenerCount('status')).toBe(0);
      });
    });

    describe('invoke$', () => {
      it("should render the handler's answer, sent from outside the zone, delivered inside it", async () => {
        const answers = new Subject<string>();
        ipc.ipcMain.handle('app:version', () => answers);
        const fixture = render(VersionComponent);
        expect(textOf(fixture.nativeElement as HTMLElement, '.version')).toBe('loading');
        await settle(); // the request reached main
        ngZone.runOutsideAngular(() => {
          answers.next('1.2.3');
          answers.complete();
        });
        await settle(); // the answer reached the renderer
        await fixture.whenStable();
        expect(fixture.componentInstance.zones).toEqual([true]);
        expect(textOf(fixture.nativeElement as HTMLElement, '.version')).toBe('1.2.3');
      });

      it('should cancel the call on the main side when the component is destroyed first', async () => {
        let aborted = false;
        ipc.ipcMain.handle(
          'app:version',
          (event) =>
            new Promise<string>((resolve) =>
              event.signal.addEventListener('abort', () => {
                aborted = true;
                resolve('too late');
              }),
            ),
        );
        const fixture = render(VersionFieldComponent);
        await settle();
        expect(ipc.ipcRenderer.pendingCount).toBe(1);
        fixture.destroy();
        await settle();
        expect(aborted).toBeTrue();
        expect(ipc.ipcRenderer.pendingCount).toBe(0);
      });
    });

    describe('send', () => {
      it('should send to the main side', async () => {
        const got: unknown[][] = [];
        ipc.ipcMain.on('ping', (_event, ...args: unknown[]) => got.push(args));
        TestBed.inject(IpcService).send('ping', 1, 'two');
        await settle();
        expect(got).toEqual([[1, 'two']]);
      });
    });

    // Controls: the same components without rxipc's zone re-entry, so the specs above prove the fix.
    describe('controls without zone re-entry', () => {
      it('should NOT update a plain field binding for a message that arrives outside the zone', async () => {
        const fixture = render(RawFieldStatusComponent);
        const callbackInZone = await sendOutsideAngular(ngZone, ipc.webContents, ipc.ipcRenderer, 'status', 'ready');
        await fixture.whenStable();
        await settle();
        expect(callbackInZone).toBeFalse();
        expect(fixture.componentInstance.status).toBe('ready'); // the state changed ...
        expect(status(fixture)).toBe('waiting'); // ... the view did not
        fixture.detectChanges(); // (only a manual check shows it)
        expect(status(fixture)).toBe('ready');
      });

      it('should leak a listener per component and warn MaxListenersExceededWarning with ipcRenderer.on', () => {
        const warn = spyOn(console, 'warn');
        for (let i = 0; i < 50; i++) render(LeakyStatusComponent).destroy();
        expect(ipc.ipcRenderer.listenerCount('status')).toBe(50);
        expect(warn.calls.allArgs().filter(([w]) => (w as Error | undefined)?.name === 'MaxListenersExceededWarning').length).toBe(1);
        ipc.ipcRenderer.removeAllListeners('status');
      });

      // Angular 18+ schedules change detection for markForCheck outside the zone (hybrid scheduling),
      // so an async-pipe binding renders even without re-entry; the pipeline still runs outside the
      // zone (timers it starts, work it does, are invisible to zone-based change detection).
      it('should render an async-pipe binding without re-entry (Angular 18+), but run its pipeline outside the zone', async () => {
        const fixture = render(RawAsyncStatusComponent);
        const callbackInZone = await sendOutsideAngular(ngZone, ipc.webContents, ipc.ipcRenderer, 'status', 'ready');
        await fixture.whenStable();
        expect(callbackInZone).toBeFalse();
        expect(fixture.componentInstance.zones).toEqual([false]);
        expect(status(fixture)).toBe('ready');
      });
    });
  });

  // Zoneless Angular (the default since v21): NgZone is a no-op, enterZone changes nothing, and
  // bindings update because the async pipe and signals schedule change detection themselves.
  describe('in a zoneless app', () => {
    // TestBed's default in Angular 21 (provideZonelessChangeDetection() would also warn that zone.js is loaded).
    beforeEach(() => setUp([]));

    it('should run without an Angular zone', () => {
      expect(ngZone.run(() => NgZone.isInAngularZone())).toBeFalse();
    });

    it('should update async-pipe and toSignal bindings, and tear down with the component', async () => {
      const viaPipe = render(AsyncStatusComponent);
      const viaSignal = render(SignalStatusComponent);
      await sendOutsideAngular(ngZone, ipc.webContents, ipc.ipcRenderer, 'status', 'ready');
      await viaPipe.whenStable();
      expect([status(viaPipe), status(viaSignal)]).toEqual(['ready', 'ready']);
      viaPipe.destroy();
      viaSignal.destroy();
      expect(ipc.ipcRenderer.listenerCount('status')).toBe(0);
    });
  });
});
