export { appRouter, createCaller, type AppRouter } from './root';
export { createContextFactory, type AuthSource, type Context, type RequestInfo } from './context';
export { formatError, logProcedureError, toTRPCError } from './errors';
export { SSE_PING_MS, SSE_RECONNECT_AFTER_INACTIVITY_MS } from './trpc';
export { openEventStream, type OnEventInput } from './event-stream';
