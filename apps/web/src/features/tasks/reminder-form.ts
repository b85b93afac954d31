import { scheduleReminderInputSchema } from '@acme/contracts';
import { validateWith, type Validation } from '../../components/ui/form-errors';
import { fromDateTimeLocal } from './reminder-time';

export interface ReminderFormValues {
  /** The `datetime-local` control's value, in local time. */
  remindAt: string;
  note: string;
}

export const emptyReminderForm: ReminderFormValues = { remindAt: '', note: '' };

export type ScheduleReminderData = ReturnType<typeof scheduleReminderInputSchema.parse>;

/** Local time → the ISO instant the server wants, checked with the shared schema. */
export function validateReminderForm(
  taskId: string,
  values: ReminderFormValues,
  now: Date,
): Validation<ScheduleReminderData> {
  if (values.remindAt.trim() === '') {
    return { data: null, errors: { remindAt: 'Pick a date and time' } };
  }
  const at = fromDateTimeLocal(values.remindAt);
  if (at && at.getTime() <= now.getTime()) {
    return { data: null, errors: { remindAt: 'Pick a reminder time in the future' } };
  }
  const note = values.note.trim();
  return validateWith(scheduleReminderInputSchema, {
    taskId,
    remindAt: at ? at.toISOString() : values.remindAt,
    note: note === '' ? undefined : note,
  });
}
