import { TRPCClientError } from '@trpc/client';

export class CliError extends Error {}

function causeCode(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur instanceof Error; i++) {
    const code = (cur as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = cur.cause;
  }
  return undefined;
}

/** Turns what the client throws into one sentence a person can act on. */
export function explain(err: unknown, url: string): string {
  if (err instanceof CliError) return err.message;
  if (err instanceof TRPCClientError) {
    const code = (err.data as { code?: string } | undefined)?.code;
    if (code === 'UNAUTHORIZED') return `${err.message}. Run \`notify login\` again.`;
    if (code) return err.message;
    const network = causeCode(err);
    if (network) return `Cannot reach the server at ${url} (${network}). Check --url.`;
    return `The server at ${url} did not answer like an Acme Ops server (${err.message}).`;
  }
  return err instanceof Error ? err.message : String(err);
}
