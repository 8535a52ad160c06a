// A stand-in for Electron's `ipcMain`, `ipcRenderer` and `webContents`, for specs: Electron's
// binary cannot be downloaded here. It reproduces the documented behaviour the rxipc Electron
// transports rely on, and nothing else:
// - all three are Node EventEmitters; listeners are called `(event, ...args)`;
// - arguments are copied with the structured clone algorithm at the sender, inside the call
//   (functions throw, prototypes are dropped), as Electron's IPC does;
// - `ipcRenderer.send` and `webContents.send` are asynchronous and ordered (one pipe per
//   direction and renderer); main's `event.sender` is the `webContents`, `event.reply` answers
//   the sending frame, `event.returnValue` answers `sendSync`;
// - `ipcRenderer.sendSync` is dispatched after the renderer's earlier `send`s (same pipe) and
//   returns a structured clone of the first `event.returnValue` assigned;
// - `webContents` has `id`, `send`, `isDestroyed()`, emits `'ipc-message'` / `'ipc-message-sync'`
//   before `ipcMain` sees a message, emits `'destroyed'` once when destroyed (the renderer is
//   gone; sending to it throws "Object has been destroyed"), and `'render-process-gone'` when
//   its renderer crashes; a reload gives the same `webContents` a fresh renderer world.
// What it cannot reproduce: real blocking. Electron blocks the renderer in `sendSync` until main
// sets `event.returnValue`, even later; this fake runs both sides on one thread, so a main
// listener must answer during the dispatch or the fake throws.
import { EventEmitter } from 'node:events';

interface RendererWorld {
  ipcRenderer: FakeIpcRenderer;
  alive: boolean;
}

/** Electron's `ipcMain`: an EventEmitter where renderer messages arrive, typed as Electron's. */
export class FakeIpcMain extends EventEmitter {
  override on(channel: string | symbol, listener: (event: FakeIpcMainEvent, ...args: any[]) => void): this {
    return super.on(channel, listener);
  }

  override removeListener(channel: string | symbol, listener: (event: FakeIpcMainEvent, ...args: any[]) => void): this {
    return super.removeListener(channel, listener);
  }
}

/** Electron's `IpcMainEvent`, as far as the fake goes. */
export interface FakeIpcMainEvent {
  type: 'frame';
  sender: FakeWebContents;
  processId: number;
  frameId: number;
  ports: unknown[];
  returnValue: unknown;
  reply(channel: string, ...args: unknown[]): void;
}

let lastWebContentsId = 0;

/** Electron's `webContents`: one per window, one renderer world at a time. */
export class FakeWebContents extends EventEmitter {
  readonly id = ++lastWebContentsId;
  private destroyed = false;
  private world: RendererWorld | undefined;
  /** Counts renderer worlds, as Electron's renderer process ids change on a crash or reload. */
  private processId = 0;

  constructor(private readonly ipcMain: FakeIpcMain) {
    super();
  }

  /** Sends to the renderer's `ipcRenderer.on(channel)` listeners, asynchronously, in order. */
  send(channel: string, ...args: unknown[]): void {
    if (typeof channel !== 'string') throw new TypeError('Missing required channel argument');
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    const cloned = structuredClone(args);
    const world = this.world;
    if (world === undefined) return;
    setImmediate(() => {
      if (world.alive && !this.destroyed) world.ipcRenderer.deliver(channel, cloned);
    });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Closes the window: the renderer stops, `'destroyed'` is emitted once. */
  destroy(): void {
    if (this.destroyed) return;
    this.endWorld();
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** The renderer process crashes: `'render-process-gone'`; the webContents itself survives. */
  crash(): void {
    this.endWorld();
    this.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 133 });
  }

  /** Loads a fresh renderer world (first load, reload or navigation) and returns its `ipcRenderer`. */
  load(): FakeIpcRenderer {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    this.endWorld();
    const world: RendererWorld = { ipcRenderer: undefined as unknown as FakeIpcRenderer, alive: true };
    world.ipcRenderer = new FakeIpcRenderer(this, world, ++this.processId);
    this.world = world;
    return world.ipcRenderer;
  }

  /** Dispatches one renderer message on the main side, as Electron does. */
  dispatch(world: RendererWorld, processId: number, channel: string, args: unknown[], sync?: (value: unknown) => void): void {
    if (!world.alive || this.destroyed) return;
    const event: FakeIpcMainEvent = {
      type: 'frame',
      sender: this,
      processId,
      frameId: 1,
      ports: [],
      returnValue: undefined,
      reply: (replyChannel: string, ...replyArgs: unknown[]) => this.send(replyChannel, ...replyArgs),
    };
    if (sync !== undefined) {
      let answered = false;
      Object.defineProperty(event, 'returnValue', {
        enumerable: true,
        get: () => undefined,
        set: (value: unknown) => {
          if (answered) return;
          answered = true;
          sync(value);
        },
      });
      this.emit('ipc-message-sync', event, channel, ...args);
    } else {
      this.emit('ipc-message', event, channel, ...args);
    }
    this.ipcMain.emit(channel, event, ...args);
  }

  private endWorld(): void {
    if (this.world !== undefined) {
      this.world.alive = false;
      this.world.ipcRenderer.removeAllListeners();
    }
    this.world = undefined;
  }
}

/** Electron's `ipcRenderer` in one renderer world. */
export class FakeIpcRenderer extends EventEmitter {
  /** Messages sent and not yet dispatched on the main side: one ordered pipe. */
  private readonly outbox: Array<{ channel: string; args: unknown[] }> = [];

  constructor(
    private readonly webContents: FakeWebContents,
    private readonly world: RendererWorld,
    private readonly processId: number,
  ) {
    super();
  }

  /** Sends to main asynchronously; the arguments are structured-cloned now. */
  send(channel: string, ...args: unknown[]): void {
    if (typeof channel !== 'string') throw new TypeError('Missing required channel argument');
    this.outbox.push({ channel, args: structuredClone(args) });
    setImmediate(() => this.flushOne());
  }

  /** Sends to main and returns what a main listener assigns to `event.returnValue`. */
  sendSync(channel: string, ...args: unknown[]): unknown {
    if (typeof channel !== 'string') throw new TypeError('Missing required channel argument');
    const cloned = structuredClone(args);
    // The same pipe as `send`: everything sent before is dispatched first.
    while (this.outbox.length > 0) this.flushOne();
    let answered = false;
    let returnValue: unknown;
    this.webContents.dispatch(this.world, this.processId, channel, cloned, (value) => {
      answered = true;
      returnValue = structuredClone(value);
    });
    if (!answered) {
      throw new Error(`fake Electron cannot block: no main listener set event.returnValue for '${channel}' during the dispatch`);
    }
    return returnValue;
  }

  /** Called by the fake webContents: emits `(event, ...args)` to this world's listeners. */
  deliver(channel: string, args: unknown[]): void {
    this.emit(channel, { sender: this, senderId: 0, ports: [] }, ...args);
  }

  private flushOne(): void {
    const message = this.outbox.shift();
    if (message !== undefined) this.webContents.dispatch(this.world, this.processId, message.channel, message.args);
  }
}

/** A fake Electron app: one `ipcMain` and windows made on demand. */
export function createFakeElectron(): {
  ipcMain: FakeIpcMain;
  createWindow(): { webContents: FakeWebContents; ipcRenderer: FakeIpcRenderer };
} {
  const ipcMain = new FakeIpcMain();
  return {
    ipcMain,
    createWindow() {
      const webContents = new FakeWebContents(ipcMain);
      return { webContents, ipcRenderer: webContents.load() };
    },
  };
}
