export {
  createServices,
  type CreateServicesOptions,
  type Logger,
  type Services,
  type ServicesConfig,
} from './services';
export { createDomainServices, type DomainServices } from './domain-services';
export { createRecordStore, type RecordStore } from './records/store';
export { NOTIFY_FAILED } from './records/consistency';
export type { Page } from './records/pages';
export {
  createReminderScheduler,
  type ReminderScheduler,
  type ReminderSchedulerOptions,
} from './reminders/scheduler';
export { createReminderJobs, REMINDER_QUEUE } from './reminders/queue';
export { BULLMQ_PREFIX } from './queues/queue';
export type { QueueWorker } from './queues/worker';
export { createReminderService, fireReminder, SCHEDULE_FAILED } from './reminders/reminders';
export {
  createSnoozeScheduler,
  type SnoozeScheduler,
  type SnoozeSchedulerOptions,
} from './snoozes/scheduler';
export { createSnoozeJobs, snoozeJobId, SNOOZE_QUEUE, type SnoozeJobs } from './snoozes/queue';
export { createSnoozeService, type SnoozeService } from './snoozes/snoozes';
export type { TaskService } from './tasks';
export type { LeadService } from './leads';
export type { ReminderService } from './reminders/reminders';
export { SNAPSHOT_MEMBER_IDS, type ApproverGroupService } from './approver-groups';
