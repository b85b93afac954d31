import { TRPCError, type AnyTRPCRouter } from '@trpc/server';
import { emptyObject, isObject } from '@trpc/server/unstable-core-do-not-import';

/** The raw inputs of one request, by batch index. */
export type Inputs = Record<string, unknown>;

export interface InputSource {
  router: AnyTRPCRouter;
  isBatchCall: boolean;
  calls: number;
  /** `?input=` of a GET, or the text of a POST body; `undefined` for a GET without it. */
  text: string | undefined;
  isPost: boolean;
}

/** What tRPC's jsonContentTypeHandler makes of the query or body, with its error messages. */
function parseInputs({ router, isBatchCall, calls, text, isPost }: InputSource): Inputs {
  const transformer = router._def._config.transformer.input;
  let inputs: unknown;
  // tRPC reads a POST body with fetch's Request.json(), which drops a leading byte order mark.
  if (isPost) inputs = JSON.parse(text?.charCodeAt(0) === 0xfeff ? text.slice(1) : (text ?? ''));
  else if (text) inputs = JSON.parse(text);
  const result = emptyObject<Inputs>();
  if (inputs === undefined) return result;
  if (!isBatchCall) {
    result[0] = transformer.deserialize(inputs);
    return result;
  }
  if (!isObject(inputs)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: '"input" needs to be an object when doing a batch call',
    });
  }
  for (let index = 0; index < calls; index++) {
    const input = inputs[index];
    if (input !== undefined) result[index] = transformer.deserialize(input);
  }
  return result;
}

/**
 * tRPC's memo around the parse: read on the first `getRawInput()` of any call, once; a
 * failure is one BAD_REQUEST (the same instance) for every call that reads it.
 */
export function lazyInputs(source: InputSource) {
  let value: Inputs | undefined;
  let promise: Promise<Inputs> | null = null;
  return {
    async read(): Promise<Inputs> {
      if (value) return value;
      promise ??= new Promise<Inputs>((resolve) => {
        resolve(parseInputs(source));
      }).catch((cause: unknown) => {
        if (cause instanceof TRPCError) throw cause;
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: cause instanceof Error ? cause.message : 'Invalid input',
          cause,
        });
      });
      value = await promise;
      promise = null;
      return value;
    },
    result: () => value,
  };
}
