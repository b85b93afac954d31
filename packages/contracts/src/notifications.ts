import { z } from 'zod';
import { approverGroupSchema, leadSchema, reminderSchema, taskSchema } from './domain';
import { idSchema } from './users';

export const notificationTypeSchema = z.enum([
  'task_assignment',
  'lead_assignment',
  'task_reminder',
  'approver_group_created',
  /** To the previous assignee when a task is reassigned away from them. */
  'task_unassigned',
  /** To the creator when someone else sets their task to done. */
  'task_completed',
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
  /** The task as it is now, assigned to someone else (or to no one). */
  task_unassigned: { type: z.literal('task_unassigned'), task: taskSchema },
  task_completed: { type: z.literal('task_completed'), task: taskSchema },
} as const;

/** Who caused a notification; null for the system's own (a reminder firing, a snooze waking). */
export const actorSchema = z.object({ id: idSchema, name: z.string().min(1).max(120) });
export type Actor = z.infer<typeof actorSchema>;

const contentShape = {
  actor: actorSchema.nullable().default(null),
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
  z.object({ ...contentShape, ...payloads.task_unassigned }),
  z.object({ ...contentShape, ...payloads.task_completed }),
]);
export type NewNotification = z.input<typeof newNotificationSchema>;

const storedShape = {
  ...contentShape,
  metadata: z.record(z.string(), z.unknown()),
  id: idSchema,
  userId: idSchema,
  isRead: z.boolean(),
  readAt: z.iso.datetime().nullable(),
  /** Set while the item is in the Archived view. */
  archivedAt: z.iso.datetime().nullable().default(null),
  /** Set while the item is in the Snoozed view: when it comes back to the inbox. */
  snoozedUntil: z.iso.datetime().nullable().default(null),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

export const notificationSchema = z.discriminatedUnion('type', [
  z.object({ ...storedShape, ...payloads.task_assignment }),
  z.object({ ...storedShape, ...payloads.lead_assignment }),
  z.object({ ...storedShape, ...payloads.task_reminder }),
  z.object({ ...storedShape, ...payloads.approver_group_created }),
  z.object({ ...storedShape, ...payloads.task_unassigned }),
  z.object({ ...storedShape, ...payloads.task_completed }),
]);
export type Notification = z.infer<typeof notificationSchema>;

/** Where an item is: the inbox, or set aside (archived, or snoozed until a time). */
export const notificationViewSchema = z.enum(['inbox', 'archived', 'snoozed']);
export type NotificationView = z.infer<typeof notificationViewSchema>;

const typesFilter = z
  .array(notificationTypeSchema)
  .min(1)
  .max(notificationTypeSchema.options.length);

export const listNotificationsInputSchema = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
  unreadOnly: z.boolean().default(false),
  types: typesFilter.optional(),
  view: notificationViewSchema.default('inbox'),
});
export type ListNotificationsInput = z.input<typeof listNotificationsInputSchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const notificationIdInputSchema = z.object({ id: idSchema });

/** Without input (or without `types`): every type, as before. */
export const markAllReadInputSchema = z.object({ types: typesFilter.optional() }).optional();
export type MarkAllReadInput = z.input<typeof markAllReadInputSchema>;

export const SNOOZE_MAX_DAYS = 90;

/** `until` is checked against the clock when parsed: in the future, at most 90 days ahead. */
export const snoozeInputSchema = z.object({
  id: idSchema,
  until: z.iso
    // abort: a malformed time is one issue, not also "in the past" and "too far ahead".
    .datetime({ offset: true, abort: true })
    .refine((until) => Date.parse(until) > Date.now(), 'until must be in the future')
    .refine(
      (until) => Date.parse(until) <= Date.now() + SNOOZE_MAX_DAYS * 24 * 3600 * 1000,
      `until must be at most ${SNOOZE_MAX_DAYS} days ahead`,
    ),
});
export type SnoozeInput = z.infer<typeof snoozeInputSchema>;

/** How the SPA presents one type; `inApp: false` means the user gets no notification of it. */
export const channelPreferencesSchema = z.object({
  inApp: z.boolean(),
  toast: z.boolean(),
  desktop: z.boolean(),
});
export type ChannelPreferences = z.infer<typeof channelPreferencesSchema>;

/** Every type, always: what is not set is `true`. */
export const preferencesSchema = z.object({
  types: z.record(notificationTypeSchema, channelPreferencesSchema),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** Types the user asked for themselves: they cannot be muted in-app. */
export const unmutableTypes: readonly NotificationType[] = ['task_reminder'];

export const updatePreferencesInputSchema = z.object({
  types: z
    .partialRecord(notificationTypeSchema, channelPreferencesSchema.partial().strict())
    .superRefine((types, ctx) => {
      for (const type of unmutableTypes) {
        if (types[type]?.inApp === false) {
          ctx.addIssue({
            code: 'custom',
            path: [type, 'inApp'],
            message: `${type} cannot be turned off in-app: you asked for it yourself`,
          });
        }
      }
    }),
});
export type UpdatePreferencesInput = z.infer<typeof updatePreferencesInputSchema>;

/** Events on a user's stream. Every one carries the stream entry id it was stored under. */
export const streamEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notification.created'), notification: notificationSchema }),
  z.object({ kind: z.literal('notification.read'), id: idSchema, readAt: z.iso.datetime() }),
  z.object({ kind: z.literal('notification.unread'), id: idSchema }),
  z.object({
    kind: z.literal('notifications.allRead'),
    readAt: z.iso.datetime(),
    /** The types it covered; absent: every type. */
    types: z.array(notificationTypeSchema).optional(),
  }),
  z.object({
    kind: z.literal('notification.archived'),
    id: idSchema,
    archivedAt: z.iso.datetime(),
  }),
  // The item as it is back in the inbox, so a client can show it without a refetch.
  z.object({
    kind: z.literal('notification.unarchived'),
    id: idSchema,
    notification: notificationSchema,
  }),
  z.object({ kind: z.literal('notifications.allReadArchived'), archivedAt: z.iso.datetime() }),
  z.object({ kind: z.literal('notification.snoozed'), id: idSchema, until: z.iso.datetime() }),
  z.object({
    kind: z.literal('notification.unsnoozed'),
    id: idSchema,
    reason: z.enum(['due', 'manual']),
    notification: notificationSchema,
  }),
  z.object({ kind: z.literal('preferences.updated'), preferences: preferencesSchema }),
  // A record the user sees changed (or left their view): lists update from it. Not a
  // notification: no badge, no toast.
  z.object({ kind: z.literal('task.changed'), task: taskSchema }),
  z.object({ kind: z.literal('lead.changed'), lead: leadSchema }),
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
