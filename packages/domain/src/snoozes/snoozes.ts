import type { SnoozeInput } from '@acme/contracts';
import {
  NotificationNotFoundError,
  type Logger,
  type NotificationService,
} from '@acme/notifications';
import type { SnoozeJob, SnoozeJobs } from './queue';

export type SnoozeStore = Pick<NotificationService, 'get' | 'snooze' | 'unsnooze'>;

/**
 * Snoozes and unsnoozes through the store, keeping a wake-up job for every snooze. The job
 * is queued before the state is written, so a crash between the two leaves a job that wakes
 * nothing, never a snooze that never ends; the store's wake() acts only on a snooze with the
 * job's exact time, which makes stale and repeated jobs harmless.
 */
export function createSnoozeService(deps: {
  notifications: SnoozeStore;
  jobs: SnoozeJobs;
  logger: Logger;
}) {
  const { notifications, jobs, logger } = deps;

  const snoozedUntilMs = async (userId: string, id: string) => {
    const current = await notifications.get(userId, id);
    if (!current) throw new NotificationNotFoundError(id);
    return current.snoozedUntil === null ? null : Date.parse(current.snoozedUntil);
  };

  /**
   * Removes the job of a snooze that ended. A concurrent snooze to the same time may have
   * queued it again in between: then it is snoozed until that time, and the job goes back.
   */
  async function retire(job: SnoozeJob): Promise<void> {
    try {
      if (!(await jobs.remove(job))) return; // running: it finds nothing to wake
      if ((await snoozedUntilMs(job.userId, job.notificationId)) === job.untilMs) {
        await jobs.add(job);
      }
    } catch (err) {
      logger.warn({ err, job }, 'could not retire a snooze job');
    }
  }

  return {
    async snooze(userId: string, input: SnoozeInput) {
      const previous = await snoozedUntilMs(userId, input.id);
      const job: SnoozeJob = { userId, notificationId: input.id, untilMs: Date.parse(input.until) };
      await jobs.add(job);
      const snoozed = await notifications
        .snooze(userId, input.id, new Date(job.untilMs).toISOString())
        .catch(async (err: unknown) => {
          await retire(job);
          throw err;
        });
      // Had the job run, or a racing retire() removed it, before the write, it woke nothing.
      await jobs.add(job);
      if (previous !== null && previous !== job.untilMs) {
        await retire({ ...job, untilMs: previous });
      }
      return snoozed;
    },

    async unsnooze(userId: string, id: string) {
      const previous = await snoozedUntilMs(userId, id);
      const unsnoozed = await notifications.unsnooze(userId, id);
      if (previous !== null) await retire({ userId, notificationId: id, untilMs: previous });
      return unsnoozed;
    },
  };
}

export type SnoozeService = ReturnType<typeof createSnoozeService>;
