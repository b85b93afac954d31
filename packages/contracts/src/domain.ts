import { z } from 'zod';
import { idSchema } from './users';

/**
 * The longest text each free-text field accepts, in UTF-16 code units (what both zod's
 * `max` and an input's `maxLength` count). Forms read them for their limits and counters.
 */
export const textLimits = {
  taskTitle: 200,
  taskDescription: 5000,
  leadName: 200,
  leadCompany: 200,
  leadEmail: 254,
  leadPhone: 40,
  leadSource: 100,
  reminderNote: 1000,
  groupName: 120,
  groupDescription: 1000,
} as const;

const isoDate = z.iso.date();
const isoTime = z.iso.time();

export const taskPrioritySchema = z.enum(['low', 'medium', 'high']);
export const taskStatusSchema = z.enum(['to_do', 'in_progress', 'done']);
export type TaskPriority = z.infer<typeof taskPrioritySchema>;
export type TaskStatus = z.infer<typeof taskStatusSchema>;

const title = z
  .string()
  .trim()
  .min(1, 'Title is required')
  .max(textLimits.taskTitle, `Keep the title to ${String(textLimits.taskTitle)} characters`);
const description = z
  .string()
  .trim()
  .max(
    textLimits.taskDescription,
    `Keep the description to ${textLimits.taskDescription.toLocaleString('en-US')} characters`,
  );

/** A task as stored and as embedded in notifications. */
export const taskSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string().nullable(),
  priority: taskPrioritySchema,
  status: taskStatusSchema,
  dueDate: isoDate.nullable(),
  dueTime: isoTime.nullable(),
  assigneeId: idSchema.nullable(),
  createdById: idSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Task = z.infer<typeof taskSchema>;

export const createTaskInputSchema = z.object({
  title,
  description: description.optional(),
  priority: taskPrioritySchema.default('medium'),
  dueDate: isoDate.optional(),
  dueTime: isoTime.optional(),
  assigneeId: idSchema.optional(),
});
export type CreateTaskInput = z.input<typeof createTaskInputSchema>;

export const assignTaskInputSchema = z.object({ taskId: idSchema, assigneeId: idSchema });
export const updateTaskStatusInputSchema = z.object({ taskId: idSchema, status: taskStatusSchema });

export const listCursorSchema = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const listTasksInputSchema = listCursorSchema.extend({
  assignedToMe: z.boolean().optional(),
  createdByMe: z.boolean().optional(),
});

export const leadSchema = z.object({
  id: idSchema,
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  value: z.number().nullable(),
  source: z.string().nullable(),
  assigneeId: idSchema.nullable(),
  createdById: idSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Lead = z.infer<typeof leadSchema>;

export const createLeadInputSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(textLimits.leadName),
  company: z.string().trim().max(textLimits.leadCompany).optional(),
  email: z.email('Enter a valid email address').max(textLimits.leadEmail).optional(),
  phone: z.string().trim().max(textLimits.leadPhone).optional(),
  value: z.number().nonnegative('Value cannot be negative').max(1e12).optional(),
  source: z.string().trim().max(textLimits.leadSource).optional(),
});
export type CreateLeadInput = z.input<typeof createLeadInputSchema>;
export const assignLeadInputSchema = z.object({ leadId: idSchema, assigneeId: idSchema });
export const listLeadsInputSchema = listCursorSchema;

export const reminderSchema = z.object({
  id: idSchema,
  taskId: idSchema,
  remindAt: z.iso.datetime(),
  note: z.string().nullable(),
  status: z.enum(['scheduled', 'fired', 'cancelled']),
  createdById: idSchema,
  createdAt: z.iso.datetime(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const scheduleReminderInputSchema = z.object({
  taskId: idSchema,
  remindAt: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(textLimits.reminderNote).optional(),
});
export type ScheduleReminderInput = z.input<typeof scheduleReminderInputSchema>;
export const cancelReminderInputSchema = z.object({ reminderId: idSchema });
export const listRemindersInputSchema = listCursorSchema.extend({ taskId: idSchema.optional() });

export const approverGroupSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  memberIds: z.array(idSchema),
  createdById: idSchema,
  createdAt: z.iso.datetime(),
});
export type ApproverGroup = z.infer<typeof approverGroupSchema>;

export const createApproverGroupInputSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(textLimits.groupName),
  description: z.string().trim().max(textLimits.groupDescription).optional(),
  memberIds: z.array(idSchema).max(5000).default([]),
});
export type CreateApproverGroupInput = z.input<typeof createApproverGroupInputSchema>;
export const listApproverGroupsInputSchema = listCursorSchema;
