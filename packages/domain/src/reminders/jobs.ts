/** Delayed jobs that fire reminders; BullMQ in ./queue.ts, anything else in tests. */
export interface ReminderJobs {
  schedule(reminderId: string, at: Date): Promise<unknown>;
  unschedule(reminderId: string): Promise<unknown>;
}
