import type { TaskPriority, TaskStatus } from '@acme/contracts';
import {
  Circle,
  CircleCheck,
  CircleDot,
  SignalHigh,
  SignalLow,
  SignalMedium,
  type LucideIcon,
} from 'lucide-react';

interface Meta {
  label: string;
  icon: LucideIcon;
  /** The icon's colour; the label always says the same in words. */
  tone: string;
}

export const priorityMeta: Record<TaskPriority, Meta> = {
  low: { label: 'Low', icon: SignalLow, tone: 'text-fg-subtle' },
  medium: { label: 'Medium', icon: SignalMedium, tone: 'text-fg-muted' },
  high: { label: 'High', icon: SignalHigh, tone: 'text-danger-text' },
};

export const priorities: readonly TaskPriority[] = ['low', 'medium', 'high'];

export const statusMeta: Record<TaskStatus, Meta> = {
  to_do: { label: 'To do', icon: Circle, tone: 'text-fg-subtle' },
  in_progress: { label: 'In progress', icon: CircleDot, tone: 'text-warning' },
  done: { label: 'Done', icon: CircleCheck, tone: 'text-success' },
};

export const statuses: readonly TaskStatus[] = ['to_do', 'in_progress', 'done'];
