import type { CloseNotifier } from './fromChannel.js';

/** A one-shot close notification shared by a facade and its channel Observables. */
export class CloseSignal implements CloseNotifier {
  private callbacks: Set<() => void> | undefined = new Set();

  get isClosed(): boolean {
    return this.callbacks === undefined;
  }

  onClose(callback: () => void): () => void {
    const callbacks = this.callbacks;
    if (callbacks === undefined) {
      callback();
      return () => undefined;
    }
    callbacks.add(callback);
    return () => void callbacks.delete(callback);
  }

  /** Fires every callback once; later `onClose` calls fire at once. */
  close(): void {
    const callbacks = this.callbacks;
    if (callbacks === undefined) return;
    this.callbacks = undefined;
    for (const callback of callbacks) callback();
  }
}
