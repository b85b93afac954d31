import type { Logger } from '@acme/notifications';
import type { Redis } from 'ioredis';
import { createReminderJobs } from '../reminders/queue';
import { createApproverGroupService } from './approver-groups';
import type { DomainDeps } from './deps';
import { createLeadService } from './leads';
import { createReminderService } from './reminders';
import { createRecordStore } from './store';
import { createTaskService } from './tasks';

export interface DomainServicesOptions extends Omit<DomainDeps, 'store'> {
  redis: Redis;
  logger: Logger;
}

export function createDomainServices({
  redis,
  logger,
  users,
  notifications,
}: DomainServicesOptions) {
  const deps: DomainDeps = { store: createRecordStore(redis, logger), users, notifications };
  return {
    tasks: createTaskService(deps),
    leads: createLeadService(deps),
    reminders: createReminderService({ ...deps, jobs: createReminderJobs(redis, logger), logger }),
    approverGroups: createApproverGroupService(deps),
  };
}

export type DomainServices = ReturnType<typeof createDomainServices>;
export { DomainError, type DomainErrorCode } from './errors';
export type { TaskService } from './tasks';
export type { LeadService } from './leads';
export type { ReminderService } from './reminders';
export type { ApproverGroupService } from './approver-groups';
export type { Page } from './pages';
