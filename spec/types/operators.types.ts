// Type tests (compiled, never run): see README.md in this folder.
import { of, type Observable } from 'rxjs';
import { createIpc } from '../../src/index.js';
import { invokeOn, sendTo } from '../../src/operators/index.js';

const { ipcMain, ipcRenderer, webContents, host } = createIpc();

/* sendTo passes each value on unchanged, to a renderer or a WebContents */
const sentFromRenderer: Observable<number> = of(1, 2).pipe(sendTo(ipcRenderer, 'ch'));
const sentFromMain: Observable<{ id: string }> = of({ id: 'a' }).pipe(sendTo(webContents, 'ch'));
// @ts-expect-error sendTo does not change the values' type
const changed: Observable<string> = of(1).pipe(sendTo(ipcRenderer, 'ch'));
// @ts-expect-error ipcMain has no send(): send to a WebContents instead
sendTo(ipcMain, 'ch');
// @ts-expect-error not a send target
sendTo({}, 'ch');
// @ts-expect-error not a send target
sendTo({ send: (channel: number) => channel }, 'ch');
// @ts-expect-error the channel must be a string
sendTo(ipcRenderer, 1);
// @ts-expect-error a channel is required
sendTo(ipcRenderer);

/* invokeOn maps each value to the handler's answer */
const answers: Observable<string> = of(1, 2).pipe(invokeOn<number, string>(ipcRenderer, 'ch'));
const untyped: Observable<unknown> = of(1).pipe(invokeOn(ipcRenderer, 'ch'));
// @ts-expect-error a WebContents cannot invoke (only a renderer can)
invokeOn(webContents, 'ch');
// @ts-expect-error an IpcHost cannot invoke
invokeOn(host, 'ch');
// @ts-expect-error the channel must be a string
invokeOn(ipcRenderer, { channel: 'ch' });
// @ts-expect-error the answer type is what invokeOn was told
const wrongAnswer: Observable<number> = of(1).pipe(invokeOn<number, string>(ipcRenderer, 'ch'));

void [sentFromRenderer, sentFromMain, changed, answers, untyped, wrongAnswer];
