import type { Notification, NotificationType } from '@acme/contracts';
import {
  AlarmClock,
  Briefcase,
  CircleCheckBig,
  ListTodo,
  UserMinus,
  UsersRound,
  type LucideIcon,
} from 'lucide-react';
import type { Route } from '../../lib/router';

interface TypeInfo {
  /** The filter's label: what kind of work the notification is about. */
  label: string;
  icon: LucideIcon;
}

export const notificationTypeInfo: Record<NotificationType, TypeInfo> = {
  task_assignment: { label: 'Tasks', icon: ListTodo },
  lead_assignment: { label: 'Leads', icon: Briefcase },
  task_reminder: { label: 'Reminders', icon: AlarmClock },
  approver_group_created: { label: 'Approver groups', icon: UsersRound },
  task_unassigned: { label: 'Reassigned tasks', icon: UserMinus },
  task_completed: { label: 'Completed tasks', icon: CircleCheckBig },
};

export const typeFilterOptions: NotificationType[] = [
  'task_assignment',
  'lead_assignment',
  'task_reminder',
  'approver_group_created',
  'task_unassigned',
  'task_completed',
];

/** The record a notification is about: where clicking it takes you. */
export function routeOf(notification: Notification): Route {
  switch (notification.type) {
    case 'task_assignment':
    case 'task_reminder':
    case 'task_unassigned':
    case 'task_completed':
      return { section: 'tasks', recordId: notification.task.id };
    case 'lead_assignment':
      return { section: 'leads', recordId: notification.lead.id };
    case 'approver_group_created':
      return { section: 'approver-groups', recordId: notification.approverGroup.id };
  }
}
