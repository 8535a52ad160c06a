// Minimal stand-in declarations for the parts of Electron this example uses, so that it
// type-checks here, where neither Electron nor its types can be downloaded. They follow
// Electron's API documentation but are NOT Electron's own types: in a real app, install
// `electron` and delete this file (Electron ships complete declarations).
declare module 'electron' {
  interface WebContents {
    readonly id: number;
    send(channel: string, ...args: any[]): void;
    isDestroyed(): boolean;
    on(event: 'destroyed', listener: () => void): this;
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): this;
    removeListener(event: 'destroyed', listener: () => void): this;
    removeListener(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): this;
  }
  interface IpcMainEvent {
    sender: WebContents;
    returnValue: any;
  }
  interface IpcMain {
    on(channel: string, listener: (event: IpcMainEvent, ...args: any[]) => void): this;
    removeListener(channel: string, listener: (event: IpcMainEvent, ...args: any[]) => void): this;
  }
  interface IpcRendererEvent {
    sender: IpcRenderer;
  }
  interface IpcRenderer {
    send(channel: string, ...args: any[]): void;
    sendSync(channel: string, ...args: any[]): any;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): this;
    removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): this;
  }
  interface ContextBridge {
    exposeInMainWorld(apiKey: string, api: any): void;
  }
  interface App {
    whenReady(): Promise<void>;
    on(event: 'window-all-closed', listener: () => void): this;
    quit(): void;
  }
  interface WebPreferences {
    preload?: string;
    contextIsolation?: boolean;
    sandbox?: boolean;
    nodeIntegration?: boolean;
  }
  interface BrowserWindowConstructorOptions {
    width?: number;
    height?: number;
    webPreferences?: WebPreferences;
  }
  class BrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions);
    readonly webContents: WebContents;
    loadFile(filePath: string): Promise<void>;
  }
  const app: App;
  const ipcMain: IpcMain;
  const ipcRenderer: IpcRenderer;
  const contextBridge: ContextBridge;
}
