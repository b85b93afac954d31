import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushSink, PushSource, StreamItem } from '@acme/notifications';
import type { Heartbeat } from '../src/sse/heartbeat';

/** A heartbeat the test beats by hand, so pings come exactly where the test puts them. */
export function manualHeartbeat() {
  const beats = new Set<() => void>();
  const heartbeat: Heartbeat = {
    add(beat) {
      beats.add(beat);
      return () => beats.delete(beat);
    },
  };
  return {
    heartbeat,
    beat: () => {
      for (const beat of beats) beat();
    },
    joined: () => beats.size,
  };
}

/**
 * Runs `write` as the handler of one request on a real socket (port 0) and collects what the
 * client receives; the server closes once the response has ended.
 */
export async function serveStream(write: (res: ServerResponse) => void) {
  const server = createServer((_req, res) => {
    write(res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const req = request({ host: '127.0.0.1', port, path: '/' });
  req.end();
  const [response] = (await once(req, 'response')) as [IncomingMessage];
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  const ended = once(response, 'end').then(() => {
    server.close();
  });
  return { response, text: () => text, ended };
}

export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A push source that plays an async iterable (for tests): each value is written, waiting for
 * `resume()` when the sink is full; the iterable returning or throwing ends the sink.
 */
export function pushFrom<T extends StreamItem>(values: AsyncIterable<T>) {
  return (sink: PushSink<StreamItem>): PushSource => {
    // Flags set by the callbacks below, which flow analysis does not see.
    const state: { stopped: boolean; room: (() => void) | null } = { stopped: false, room: null };
    void (async () => {
      try {
        for await (const value of values) {
          if (state.stopped) return;
          if (!sink.write(value)) await new Promise<void>((resolve) => (state.room = resolve));
        }
        if (!state.stopped) sink.end(null);
      } catch (err) {
        if (!state.stopped) sink.end(err instanceof Error ? err : new Error('source failed'));
      }
    })();
    return {
      resume: () => {
        const resolve = state.room;
        state.room = null;
        resolve?.();
      },
      stop: () => {
        state.stopped = true;
      },
    };
  };
}
