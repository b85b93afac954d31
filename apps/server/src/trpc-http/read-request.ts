import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import { getProcedureAtPath } from '@trpc/server/unstable-core-do-not-import';
import type { FastifyRequest } from 'fastify';
import { lazyInputs } from './inputs';

export const TRPC_PREFIX = '/trpc/';

export interface LeanCall {
  path: string;
  batchIndex: number;
  procedure: AnyTRPCProcedure | null;
  getRawInput: () => Promise<unknown>;
  /** The input if some call has read it already: tRPC hands it to onError and the error shape. */
  result: () => unknown;
}

export interface LeanRequest {
  method: 'GET' | 'POST';
  isBatchCall: boolean;
  calls: LeanCall[];
}

const parsableHosts = new Set<string>();

/** tRPC builds `new URL(req.url, 'http://' + host)` and fails the request if that throws. */
function isParsableHost(host = 'localhost'): boolean {
  if (parsableHosts.has(host)) return true;
  if (!URL.canParse(`http://${host}`)) return false;
  if (parsableHosts.size < 64) parsableHosts.add(host);
  return true;
}

/**
 * The request as tRPC's JSON content-type handler reads it, when it is a plain JSON query or
 * mutation (single or batched); null for anything else, which goes to tRPC's own handler.
 */
export async function readLeanRequest(
  router: AnyTRPCRouter,
  req: FastifyRequest,
  encodedPath: string,
): Promise<LeanRequest | null> {
  const { method, headers, url } = req;
  if (method !== 'GET' && method !== 'POST') return null;
  const isPost = method === 'POST';
  // tRPC's own, case-sensitive test; any other type picks another of its parsers or a 415.
  const type = headers['content-type'];
  if (type === undefined ? isPost : !type.startsWith('application/json')) return null;
  let body: string | undefined;
  if (isPost) {
    if (typeof req.body !== 'string') return null;
    body = req.body;
  }
  if (headers['trpc-accept'] !== undefined || headers.accept?.includes('application/jsonl')) {
    return null;
  }
  // A fragment, or a tab or newline (which the URL parser drops), would change tRPC's query.
  if (!url.startsWith(TRPC_PREFIX) || /[#\t\n\r]/.test(url) || !isParsableHost(headers.host)) {
    return null;
  }
  const at = url.indexOf('?');
  const query = new URLSearchParams(at === -1 ? '' : url.slice(at + 1));
  if (query.has('connectionParams')) return null;

  let path: string;
  try {
    path = decodeURIComponent(encodedPath); // tRPC decodes Fastify's decoded param once more
  } catch {
    return null;
  }
  const isBatchCall = query.get('batch') === '1';
  const paths = isBatchCall ? path.split(',') : [path];
  let procedures: (AnyTRPCProcedure | null)[];
  try {
    procedures = await Promise.all(paths.map((p) => getProcedureAtPath(router, p)));
  } catch {
    return null; // a lazy router that fails to load
  }
  if (procedures.some((p) => p?._def.type === 'subscription')) return null;

  const inputs = lazyInputs({
    router,
    isBatchCall,
    calls: paths.length,
    text: isPost ? body : (query.get('input') ?? undefined),
    isPost,
  });
  const calls = paths.map((callPath, index): LeanCall => ({
    path: callPath,
    batchIndex: index,
    procedure: procedures[index] ?? null,
    getRawInput: async () => (await inputs.read())[index],
    result: () => inputs.result()?.[index],
  }));
  return { method, isBatchCall, calls };
}
