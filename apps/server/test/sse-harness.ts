import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
export async function serveStream(write: (res: ServerResponse) => Promise<void>) {
  const server = createServer((_req, res) => {
    void write(res);
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
