import { approverGroupsRouter } from './routers/approver-groups';
import { authRouter } from './routers/auth';
import { leadsRouter } from './routers/leads';
import { notificationsRouter } from './routers/notifications';
import { preferencesRouter } from './routers/preferences';
import { remindersRouter } from './routers/reminders';
import { tasksRouter } from './routers/tasks';
import { usersRouter } from './routers/users';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  notifications: notificationsRouter,
  preferences: preferencesRouter,
  tasks: tasksRouter,
  leads: leadsRouter,
  reminders: remindersRouter,
  approverGroups: approverGroupsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
