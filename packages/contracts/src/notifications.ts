import { z } from 'zod';
import { approverGroupSchema, leadSchema, reminderSchema, taskSchema } from './domain';
import { idSchema } from './users';

export const notificationTypeSchema = z.enum([
  'task_assignment',
  'lead_assignment',
  'task_reminder',
  'approver_group_created',
]);
export type NotificationType = z.infer<typeof notificationTypeSchema>;

/** What differs per type: the snapshot of the record the notification is about. */
const payloads = {
  task_assignment: { type: z.literal('task_assignment'), task: taskSchema },
  lead_assignment: { type: z.literal('lead_assignment'), lead: leadSchema },
  task_reminder: { type: z.literal('task_reminder'), task: taskSchema, reminder: reminderSchema },
  approver_group_created: {
    type: z.literal('approver_group_created'),
    approverGroup: approverGroupSchema,
  },
} as const;

const contentShape = {
  title: z.string().min(1).max(500),
  message: z.string().max(5000),
  metadata: z.record(z.string(), z.unknown()).default({}),
};

/** What a domain action hands to the store. */
export const newNotificationSchema = z.discriminatedUnion('type', [
  z.object({ ...contentShape, ...payloads.task_assignment }),
  z.object({ ...contentShape, ...payloads.lead_assignment }),
  z.object({ ...contentShape, ...payloads.task_reminder }),
  z.object({ ...contentShape, ...payloads.approver_group_created }),
]);
export type NewNotification = z.input<typeof newNotificationSchema>;

const storedShape = {
  ...contentShape,
  metadata: z.record(z.string(), z.unknown()),
  id: idSchema,
  userId: idSchema,
  isRead: z.boolean(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

export const notificationSchema = z.discriminatedUnion('type', [
  z.object({ ...storedShape, ...payloads.task_assignment }),
  z.object({ ...storedShape, ...payloads.lead_assignment }),
  z.object({ ...storedShape, ...payloads.task_reminder }),
  z.object({ ...storedShape, ...payloads.approver_group_created }),
]);
export type Notification = z.infer<typeof notificationSchema>;

export const listNotificationsInputSchema = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
  unreadOnly: z.boolean().default(false),
  types: z.array(notificationTypeSchema).max(4).optional(),
});
export type ListNotificationsInput = z.input<typeof listNotificationsInputSchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const notificationIdInputSchema = z.object({ id: idSchema });

/** Events on a user's stream. Every one carries the stream entry id it was stored under. */
export const streamEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notification.created'), notification: notificationSchema }),
  z.object({ kind: z.literal('notification.read'), id: idSchema, readAt: z.iso.datetime() }),
  z.object({ kind: z.literal('notification.unread'), id: idSchema }),
  z.object({ kind: z.literal('notifications.allRead'), readAt: z.iso.datetime() }),
  z.object({
    kind: z.literal('sync.reset'),
    // initial: first event of a fresh subscription — the snapshot to fetch is as of this id.
    reason: z.enum(['initial', 'expired', 'unknown_id']),
  }),
]);
export type StreamEvent = z.infer<typeof streamEventSchema>;
export type StreamEventKind = StreamEvent['kind'];

export const onEventInputSchema = z
  .object({
    // tRPC merges the EventSource's Last-Event-ID into the input; zod would strip it otherwise.
    lastEventId: z.string().max(64).nullish(),
  })
  .optional();
