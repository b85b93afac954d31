import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { CliError, explain } from './errors';

const URL = 'http://127.0.0.1:3999';

/** What the client throws for a tRPC error response from the server. */
function serverError(code: string, message: string) {
  return TRPCClientError.from({
    error: { code: -32000, message, data: { code, httpStatus: 400 } },
  });
}

/** An Error carrying a Node system error code, like undici's connect failures. */
function systemError(message: string, code: string, cause?: Error) {
  return Object.assign(new Error(message, { cause }), { code });
}

describe('explain', () => {
  it("passes a CliError's message through", () => {
    expect(explain(new CliError('Give --email.'), URL)).toBe('Give --email.');
  });

  it('adds the way out to UNAUTHORIZED', () => {
    expect(explain(serverError('UNAUTHORIZED', 'Sign in to continue'), URL)).toBe(
      'Sign in to continue. Run `notify login` again.',
    );
  });

  it("shows any other server error's message as it is", () => {
    expect(explain(serverError('NOT_FOUND', 'Notification not found'), URL)).toBe(
      'Notification not found',
    );
    expect(explain(serverError('TOO_MANY_REQUESTS', 'Try again in 5 s.'), URL)).toBe(
      'Try again in 5 s.',
    );
  });

  it('names the network failure and the URL when no response came back', () => {
    // fetch's TypeError('fetch failed') wraps the system error; the client wraps both.
    const refused = TRPCClientError.from(
      new TypeError('fetch failed', {
        cause: systemError('connect ECONNREFUSED 127.0.0.1:3999', 'ECONNREFUSED'),
      }),
    );
    expect(explain(refused, URL)).toBe(
      'Cannot reach the server at http://127.0.0.1:3999 (ECONNREFUSED). Check --url.',
    );
  });

  it('takes the outermost string code, skips numeric ones, and looks at most five errors deep', () => {
    const numeric = Object.assign(new Error('errno'), { code: -111 });
    const nested = TRPCClientError.from(
      new Error('outer', {
        cause: new Error('middle', {
          cause: systemError('dns', 'ENOTFOUND', systemError('inner', 'EAI_AGAIN')),
        }),
      }),
    );
    expect(explain(nested, URL)).toContain('(ENOTFOUND)');

    const withNumeric = TRPCClientError.from(new Error('outer', { cause: numeric }));
    expect(explain(withNumeric, URL)).toMatch(/did not answer like an Acme Ops server/);

    // The client error itself is the first of the five.
    const chain = (levels: number) => {
      let err: Error = systemError('deepest', 'ECONNRESET');
      for (let i = 0; i < levels; i++) err = new Error(`level ${i}`, { cause: err });
      return TRPCClientError.from(err);
    };
    expect(explain(chain(3), URL)).toContain('(ECONNRESET)');
    expect(explain(chain(4), URL)).toMatch(/did not answer like an Acme Ops server/);
  });

  it('says the server is not ours when a response had no tRPC error shape', () => {
    const odd = new TRPCClientError('Unable to transform response from server');
    expect(explain(odd, URL)).toBe(
      'The server at http://127.0.0.1:3999 did not answer like an Acme Ops server (Unable to transform response from server).',
    );
  });

  it('falls back to the message of other errors, or the value as text', () => {
    expect(explain(new Error('EACCES: permission denied'), URL)).toBe('EACCES: permission denied');
    expect(explain('plain text', URL)).toBe('plain text');
  });
});
