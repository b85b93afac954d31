import type { Redis } from 'ioredis';
import type { Logger } from '@acme/notifications';
import { createApproverGroupService } from './approver-groups';
import type { DomainDeps } from './deps';
import { createLeadService } from './leads';
import { createRecordStore } from './records/store';
import { createReminderJobs } from './reminders/queue';
import { createReminderService } from './reminders/reminders';
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
