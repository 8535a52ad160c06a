import { asyncScheduler } from 'rxjs';
import { invalidArgType } from '../../core/nodeErrors.js';
import { IpcUnsafeOriginError } from '../../errors/IpcUnsafeOriginError.js';
import { createEndpointTransport } from '../../endpoint/createEndpointTransport.js';
import type { EndpointTransport } from '../../endpoint/EndpointTransport.js';
import { resolveHeartbeatOptions } from '../resolveHeartbeatOptions.js';
import { windowEndpoint } from './windowEndpoint.js';
import type { WindowTransportOptions } from './WindowTransportOptions.js';

/**
 * A transport between two windows over `postMessage`: a page and one of its iframes, a frame and
 * its parent, a page and a popup or its opener. Both windows create one with each other as
 * `target`; the two connect with a handshake, and frames sent before the other side listens are
 * kept and delivered in order. Only messages from the `target` window (`event.source`) and an
 * allowed origin (`event.origin`, by default your own) reach the facade; the rest are dropped and
 * reported to `onReject`. A peer that goes away (frame removed or navigated, popup closed) is
 * noticed at once when its window says so on `'pagehide'` or is closed, otherwise after missed
 * heartbeats; the transport then completes (the `WebContents` emits `'destroyed'`).
 *
 * ## Example
 * ```ts
 * import { IpcMain, IpcRenderer } from 'rxipc';
 * import { windowTransport } from 'rxipc/transports/window';
 *
 * // The page (main side):
 * const frame = document.querySelector('iframe')!;
 * const ipcMain = new IpcMain();
 * ipcMain.handle('sum', (_event, a: number, b: number) => a + b);
 * ipcMain.connect(windowTransport({
 *   self: window,
 *   target: frame.contentWindow!,
 *   targetOrigin: 'https://widget.example',
 *   allowedOrigins: ['https://widget.example'],
 *   onReject: (r) => console.warn('dropped', r.reason, r.origin),
 * }));
 *
 * // Inside the frame (https://widget.example, the renderer side):
 * const ipcRenderer = new IpcRenderer(windowTransport({
 *   self: window,
 *   target: window.parent,
 *   targetOrigin: 'https://app.example',
 *   allowedOrigins: ['https://app.example'],
 * }));
 * console.log(await ipcRenderer.invoke('sum', 1, 2)); // 3
 * ```
 *
 * @param options The two windows, the origins, the connection name, liveness settings.
 * @returns One end of the connection, for `ipcMain.connect`, `new IpcRenderer`, `new IpcHost`, or
 * an `IpcRenderer`'s `host` option.
 * @throws IpcUnsafeOriginError for `'*'` or `'null'` origins without `allowAnyOrigin: true`.
 * @throws TypeError (`ERR_INVALID_ARG_TYPE`, `ERR_INVALID_ARG_VALUE`) for bad options, and when
 * `targetOrigin` is not one of `allowedOrigins` (the peer's answers could never be accepted).
 * @see WindowTransportOptions, WindowRejection
 */
export function windowTransport(options: WindowTransportOptions): EndpointTransport {
  if (typeof options !== 'object' || options === null) throw invalidArgType('options', 'object', options);
  const { self, target, targetOrigin } = options;
  const allowAnyOrigin = options.allowAnyOrigin === true;
  if (typeof self !== 'object' || self === null || typeof self.addEventListener !== 'function') {
    throw invalidArgType('options.self', 'Window', self);
  }
  if ((typeof target !== 'object' && typeof target !== 'function') || target === null || typeof target.postMessage !== 'function') {
    throw invalidArgType('options.target', 'Window', target);
  }
  if (typeof targetOrigin !== 'string') throw invalidArgType('options.targetOrigin', 'string', targetOrigin);
  if (targetOrigin === '*') {
    if (!allowAnyOrigin) {
      throw new IpcUnsafeOriginError(
        "windowTransport refuses targetOrigin '*': any page loaded in the target window would receive your frames. " +
          "Pass the peer's origin (e.g. 'https://app.example'), or allowAnyOrigin: true if you really mean any.",
      );
    }
  } else if (targetOrigin !== '/' && !isOrigin(targetOrigin)) {
    throw invalidArgValue('options.targetOrigin', targetOrigin, "must be an origin such as 'https://app.example', '/' or '*'");
  }

  const allowed = options.allowedOrigins ?? (typeof self.origin === 'string' ? [self.origin] : undefined);
  if (allowed === undefined) throw invalidArgType('options.allowedOrigins', 'Array', allowed);
  if (!Array.isArray(allowed)) throw invalidArgType('options.allowedOrigins', 'Array', allowed);
  let allowedOrigins: Set<string> | 'any' = new Set<string>();
  for (const origin of allowed as unknown[]) {
    if (origin === '*' || origin === 'null') {
      if (!allowAnyOrigin) {
        throw new IpcUnsafeOriginError(
          options.allowedOrigins === undefined
            ? "windowTransport: your own origin is opaque ('null', a sandboxed document), so the default allowedOrigins would accept any " +
                'sandboxed frame. Pass allowAnyOrigin: true to accept that.'
            : `windowTransport refuses '${origin}' in allowedOrigins: ${origin === '*' ? 'it accepts every origin' : "every sandboxed frame and data: URL has the origin 'null'"}. ` +
                'List real origins, or pass allowAnyOrigin: true if you really mean any.',
        );
      }
      if (origin === '*') allowedOrigins = 'any';
      else if (allowedOrigins !== 'any') allowedOrigins.add(origin);
    } else if (typeof origin !== 'string' || !isOrigin(origin)) {
      throw invalidArgValue('options.allowedOrigins', origin, "must list origins such as 'https://app.example'");
    } else if (allowedOrigins !== 'any') {
      allowedOrigins.add(origin);
    }
  }
  const effectiveTarget = targetOrigin === '/' ? self.origin : targetOrigin;
  if (allowedOrigins !== 'any' && effectiveTarget !== '*' && effectiveTarget !== undefined && !allowedOrigins.has(effectiveTarget)) {
    throw invalidArgValue(
      'options.targetOrigin',
      targetOrigin,
      `is not in allowedOrigins (${[...allowedOrigins].join(', ') || 'empty'}), so the peer's answers would all be dropped`,
    );
  }

  const name = options.name ?? 'rxipc';
  if (typeof name !== 'string') throw invalidArgType('options.name', 'string', name);
  if (options.onReject !== undefined && typeof options.onReject !== 'function') {
    throw invalidArgType('options.onReject', 'function', options.onReject);
  }
  const { heartbeatInterval, heartbeatMisses } = resolveHeartbeatOptions(options);
  const scheduler = options.scheduler ?? asyncScheduler;

  const endpoint = windowEndpoint({
    self,
    target,
    targetOrigin,
    allowedOrigins,
    name,
    onReject: options.onReject,
    heartbeatInterval,
    heartbeatMisses,
    notifyOnPageHide: options.notifyOnPageHide ?? true,
    scheduler,
  });
  return createEndpointTransport(endpoint, {
    scheduler,
    ...(options.handshakeTimeout === undefined ? {} : { handshakeTimeout: options.handshakeTimeout }),
    ...(options.highWaterMark === undefined ? {} : { highWaterMark: options.highWaterMark }),
  });
}

/** Whether `text` is exactly an origin as `event.origin` spells it. */
function isOrigin(text: string): boolean {
  try {
    const origin = new URL(text).origin;
    return origin !== 'null' && origin === text;
  } catch {
    return false;
  }
}

function invalidArgValue(name: string, value: unknown, reason: string): TypeError & { code: 'ERR_INVALID_ARG_VALUE' } {
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  const error = new TypeError(`The property '${name}' ${reason}. Received ${shown}`) as TypeError & { code: 'ERR_INVALID_ARG_VALUE' };
  error.code = 'ERR_INVALID_ARG_VALUE';
  return error;
}
