/**
 * Preloaded (`node --expose-gc --import probe.mjs`) into every server under test, the
 * product's included, without touching its code: on the orchestrator's IPC request it runs
 * a full GC and reports process.memoryUsage(). When the orchestrator goes away, the server
 * is asked to stop (SIGTERM, its own graceful path) and killed if it does not within 12 s.
 */
declare const gc: (() => void) | undefined;

if (process.send) {
  process.on('message', (msg: { type?: string; id?: number }) => {
    if (msg.type !== 'mem') return;
    if (typeof gc === 'function') {
      gc();
      gc();
    }
    process.send?.({ type: 'mem', id: msg.id, ...process.memoryUsage() });
  });
  process.on('disconnect', () => {
    setTimeout(() => process.exit(1), 12_000).unref();
    process.kill(process.pid, 'SIGTERM');
  });
  process.channel?.unref();
}
