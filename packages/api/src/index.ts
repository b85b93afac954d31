export { appRouter, createCaller, type AppRouter } from './root';
export { createContextFactory, type Context, type RequestInfo } from './context';
export {
  createServices,
  createUserService,
  UserExistsError,
  type ApiConfig,
  type CreateServicesOptions,
  type Logger,
  type Services,
} from './services';
export { SSE_PING_MS, SSE_RECONNECT_AFTER_INACTIVITY_MS } from './trpc';
export {
  createReminderScheduler,
  type ReminderScheduler,
  type ReminderSchedulerOptions,
} from './reminders';
export { createDomainServices, DomainError, type DomainServices, type Page } from './domain';
