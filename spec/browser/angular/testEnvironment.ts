// Angular test setup, imported first by every spec in this folder: zone.js (it patches the page's
// globals, so it is loaded before Angular, as an Angular app's polyfills are), the JIT compiler (no
// Angular CLI here: components are compiled at runtime), then the TestBed environment, once.
import 'zone.js';
import '@angular/compiler';
import { NgZone } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';
import type { IpcRenderer, WebContents } from '../../../src/index.js';

TestBed.initTestEnvironment(BrowserTestingModule, platformBrowserTesting());

/**
 * Sends `channel` from main to the renderer from outside Angular's zone, as Electron's IPC
 * callbacks arrive, and resolves once the renderer has delivered it, with whether the transport's
 * callback ran inside the Angular zone (a probe listener, added last, records it).
 */
export function sendOutsideAngular(
  ngZone: NgZone,
  webContents: WebContents,
  ipcRenderer: IpcRenderer,
  channel: string,
  ...args: unknown[]
): Promise<boolean> {
  const delivered = new Promise<boolean>((resolve) => ipcRenderer.once(channel, () => resolve(NgZone.isInAngularZone())));
  ngZone.runOutsideAngular(() => webContents.send(channel, ...args));
  return delivered;
}

/** The trimmed text of the first element matching `selector` in a fixture. */
export function textOf(root: HTMLElement, selector: string): string | undefined {
  return root.querySelector(selector)?.textContent?.trim();
}
