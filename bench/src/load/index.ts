/**
 * The load process: holds the SSE streams and sends the create calls, on the orders of the
 * orchestrator (IPC). All three systems are driven by exactly this code.
 */
import type { LoadReply, LoadRequest } from '../protocol';
import { broadcast } from './broadcast';
import { burst } from './burst';
import { errorText } from './concurrency';
import { latency } from './latency';
import { oneUser } from './one-user';
import { resume } from './resume';
import { closeAll, open } from './streams';

async function handle(req: LoadRequest): Promise<unknown> {
  switch (req.op) {
    case 'open':
      return open(req.target, req.streams, req.concurrency, req.timeoutMs);
    case 'closeAll':
      return closeAll();
    case 'latency':
      return latency(req);
    case 'oneUser':
      return oneUser(req);
    case 'burst':
      return burst(req);
    case 'broadcast':
      return broadcast(req);
    case 'resume':
      return resume(req);
  }
}

process.on('message', (msg: { id: number; req: LoadRequest }) => {
  handle(msg.req).then(
    (result) => {
      process.send?.({ id: msg.id, ok: true, result } satisfies LoadReply);
    },
    (err: unknown) => {
      process.send?.({ id: msg.id, ok: false, error: errorText(err) } satisfies LoadReply);
    },
  );
});
// The orchestrator is gone: nothing left to do.
process.on('disconnect', () => {
  closeAll();
  process.exit(0);
});
process.send?.({ id: 0, ok: true, result: 'ready' } satisfies LoadReply);
