// The renderer code that all three browser renderers run, unchanged: only the transport they
// pass in differs (window / broadcastChannel / worker). It reports what it sees to the page
// with `send('report', ...)`, and the page writes it into its DOM.
import { lastValueFrom, take, toArray } from 'rxjs';
import type { IpcRenderer } from '../../src/index.js'; // published as 'rxipc'

/** Runs the example's calls on `ipcRenderer`, reporting each result to main. */
export async function runRenderer(ipcRenderer: IpcRenderer, where: string): Promise<void> {
  const report = (line: string): void => ipcRenderer.send('report', line);

  // send / on, answered with event.reply
  const welcome = new Promise<string>((resolve) => ipcRenderer.once('welcome', (_event, text: string) => resolve(text)));
  ipcRenderer.send('hello', where);
  report(`event.reply: ${await welcome}`);

  // invoke / handle
  report(`invoke('sum', 2, 40) → ${String(await ipcRenderer.invoke('sum', 2, 40))}`);

  // invoke$: a stream, cancelled by take(3)
  const ticks = await lastValueFrom(ipcRenderer.invoke$<number>('ticks').pipe(take(3), toArray()));
  report(`invoke$('ticks') → ${ticks.join(', ')} (then unsubscribed)`);

  // sendSync blocks for real only in a worker of a cross-origin-isolated page
  try {
    report(`sendSync('config:get') → ${JSON.stringify(ipcRenderer.sendSync('config:get'))} (this thread blocked until main answered)`);
  } catch (error) {
    report(`sendSync threw ${(error as Error).name} (use invoke here)`);
  }

  ipcRenderer.send('done');
}
