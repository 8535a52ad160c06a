import { IpcClosedError } from '../../errors/IpcClosedError.js';
import type { Endpoint } from '../../endpoint/createEndpointTransport.js';
import { newInstanceId } from '../../endpoint/newInstanceId.js';
import type { BroadcastChannelLike } from './BroadcastChannelLike.js';
import { BROADCAST_FRAME_MARK, parseBroadcastFrame, pipeName, type BroadcastFrame } from './BroadcastFrame.js';
import { pipeLifecycle } from './pipeLifecycle.js';
import type { BroadcastSettings } from './resolveBroadcastOptions.js';

/**
 * A renderer's `Endpoint` on a channel name: until a main answers, its messages (the endpoint
 * transport's hellos) are announced on the channel name itself; from the first frame a main sends
 * on this renderer's pipe (`<name>#<id>`), it is bound to that main, and everything travels on
 * the pipe. Internal to `broadcastChannelTransport`.
 */
export function broadcastRendererEndpoint(channelName: string, settings: BroadcastSettings): Endpoint {
  const id = newInstanceId();
  let main: string | undefined;
  let pipe: BroadcastChannelLike | undefined;
  let announce: BroadcastChannelLike | undefined;

  const control = (ctl: 'ping' | 'pong' | 'gone'): void => {
    if (main !== undefined) pipe?.postMessage({ rxipc: BROADCAST_FRAME_MARK, from: id, to: main, ctl } satisfies BroadcastFrame);
  };
  const closeAnnounce = (): void => {
    announce?.close();
    announce = undefined;
  };
  const lifecycle = pipeLifecycle(
    settings,
    () => control('ping'),
    () => {
      closeAnnounce();
      pipe?.removeEventListener('message', onPipe);
      pipe?.close();
      pipe = undefined;
      settings.self?.removeEventListener('pagehide', onPageHide);
    },
  );
  const { heartbeat } = lifecycle;
  const onPipe = (event: { data: unknown }): void => {
    if (lifecycle.finished) return;
    const frame = parseBroadcastFrame(event.data);
    if (frame === undefined || frame.to !== id) return;
    if (main === undefined) {
      main = frame.from;
      closeAnnounce();
      heartbeat.start();
    } else if (frame.from !== main) {
      return; // Another main on the same name answered too late: this renderer is bound.
    }
    if (
      heartbeat.receive(
        frame.ctl,
        () => control('pong'),
        () => new IpcClosedError('The main side went away (pagehide)'),
      )
    )
      return;
    lifecycle.handlers?.onMessage(frame.body);
  };
  const onPageHide = (): void => {
    if (lifecycle.finished) return;
    control('gone');
    lifecycle.lose(new IpcClosedError('This window is going away (pagehide)'));
  };

  return {
    post(message) {
      if (lifecycle.finished) return;
      if (main === undefined) announce?.postMessage({ rxipc: BROADCAST_FRAME_MARK, from: id, body: message } satisfies BroadcastFrame);
      else pipe?.postMessage({ rxipc: BROADCAST_FRAME_MARK, from: id, to: main, body: message } satisfies BroadcastFrame);
    },
    listen(onMessage, onLost) {
      lifecycle.handlers = { onMessage, onLost };
      if (!lifecycle.finished && pipe === undefined) {
        pipe = new settings.BroadcastChannel(pipeName(channelName, id));
        pipe.addEventListener('message', onPipe);
        announce = new settings.BroadcastChannel(channelName);
        settings.self?.addEventListener('pagehide', onPageHide);
      }
      return () => {
        lifecycle.handlers = undefined;
        lifecycle.finish();
      };
    },
    close() {
      lifecycle.finish();
    },
  };
}
