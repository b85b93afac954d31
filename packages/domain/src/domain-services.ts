import { confirmNothing, type ConfirmWrites, type RedisClient } from '@acme/redis';
import type { Logger } from '@acme/notifications';
import { createApproverGroupService } from './approver-groups';
import type { DomainDeps } from './deps';
import { createLeadService } from './leads';
import { createRecordStore } from './records/store';
import { createReminderJobs } from './reminders/queue';
import { createReminderService } from './reminders/reminders';
import { createSnoozeJobs } from './snoozes/queue';
import { createSnoozeService, type SnoozeStore } from './snoozes/snoozes';
import { createTaskService } from './tasks';

export interface DomainServicesOptions extends Omit<DomainDeps, 'store' | 'notifications'> {
  notifications: DomainDeps['notifications'] & SnoozeStore;
  redis: RedisClient;
  logger: Logger;
  confirm?: ConfirmWrites;
}

export function createDomainServices({
  redis,
  logger,
  users,
  notifications,
  confirm = confirmNothing,
}: DomainServicesOptions) {
  const store = createRecordStore(redis, logger, confirm);
  const deps: DomainDeps = { store, users, notifications };
  return {
    tasks: createTaskService(deps),
    leads: createLeadService(deps),
    reminders: createReminderService({
      ...deps,
      jobs: createReminderJobs(redis, logger, confirm),
      logger,
    }),
    approverGroups: createApproverGroupService(deps),
    snoozes: createSnoozeService({
      notifications,
      jobs: createSnoozeJobs(redis, logger, confirm),
      logger,
    }),
  };
}

export type DomainServices = ReturnType<typeof createDomainServices>;
