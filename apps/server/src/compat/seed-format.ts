import type { Notification } from '@acme/contracts';

/** A notification in the field names of the seed system's JSON (snake_case, *_id, *_data). */
export function toSeedNotification(n: Notification) {
  const base = {
    id: n.id,
    user: n.userId,
    notification_type: n.type,
    title: n.title,
    message: n.message,
    lead_id: null as string | null,
    task_id: null as string | null,
    reminder_id: null as string | null,
    approver_group_id: null as string | null,
    metadata: n.metadata,
    task_data: null as Record<string, unknown> | null,
    lead_data: null as Record<string, unknown> | null,
    reminder_data: null as Record<string, unknown> | null,
    approver_group_data: null as Record<string, unknown> | null,
    is_read: n.isRead,
    read_at: n.readAt,
    created_at: n.createdAt,
    updated_at: n.updatedAt,
  };
  switch (n.type) {
    case 'task_assignment':
    case 'task_unassigned':
    case 'task_completed':
      return { ...base, task_id: n.task.id, task_data: taskData(n.task) };
    case 'task_reminder':
      return {
        ...base,
        task_id: n.task.id,
        reminder_id: n.reminder.id,
        task_data: taskData(n.task),
        reminder_data: {
          id: n.reminder.id,
          task_id: n.reminder.taskId,
          remind_at: n.reminder.remindAt,
          note: n.reminder.note,
        },
      };
    case 'lead_assignment':
      return {
        ...base,
        lead_id: n.lead.id,
        lead_data: {
          id: n.lead.id,
          name: n.lead.name,
          company: n.lead.company,
          email: n.lead.email,
          phone: n.lead.phone,
          value: n.lead.value,
          source: n.lead.source,
        },
      };
    case 'approver_group_created':
      return {
        ...base,
        approver_group_id: n.approverGroup.id,
        approver_group_data: {
          id: n.approverGroup.id,
          name: n.approverGroup.name,
          description: n.approverGroup.description,
          member_ids: n.approverGroup.memberIds,
        },
      };
  }
}

function taskData(task: Extract<Notification, { type: 'task_assignment' }>['task']) {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    priority: task.priority,
    status: task.status,
    due_date: task.dueDate,
    due_time: task.dueTime,
  };
}
