const started = Date.now();

/** Seconds since the bench started. */
export const elapsedSeconds = () => (Date.now() - started) / 1000;

/** One progress line, prefixed with the seconds since the start. */
export function log(msg: string): void {
  const s = elapsedSeconds().toFixed(0).padStart(4);
  process.stdout.write(`[${s}s] ${msg}\n`);
}
