export {
  createReminderScheduler,
  type ReminderScheduler,
  type ReminderSchedulerOptions,
} from './scheduler';
export { createReminderJobs, REMINDER_QUEUE, BULLMQ_PREFIX } from './queue';
