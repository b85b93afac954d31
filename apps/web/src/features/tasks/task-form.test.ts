import { describe, expect, it } from 'vitest';
import { NOBODY } from '../../components/ui/person-select';
import { emptyTaskForm, toCreateTaskInput, validateTaskForm } from './task-form';
import { validateReminderForm } from './reminder-form';

describe('validateTaskForm', () => {
  it('uses the shared schema message for a missing title', () => {
    expect(validateTaskForm(emptyTaskForm)).toEqual({
      data: null,
      errors: { title: 'Title is required' },
    });
  });

  it('leaves empty optional fields out and keeps the chosen assignee', () => {
    const values = { ...emptyTaskForm, title: '  Call supplier ', assigneeId: 'u1' };
    expect(toCreateTaskInput(values)).toMatchObject({ description: undefined, dueDate: undefined });
    expect(validateTaskForm(values).data).toEqual({
      title: 'Call supplier',
      priority: 'medium',
      assigneeId: 'u1',
    });
    expect(toCreateTaskInput({ ...values, assigneeId: NOBODY }).assigneeId).toBeUndefined();
  });

  it('asks for a date when only a time is given', () => {
    const result = validateTaskForm({ ...emptyTaskForm, title: 'x', dueTime: '10:00' });
    expect(result.errors).toEqual({ dueDate: 'Pick a date for the due time' });
  });

  it('accepts a date and a time', () => {
    const result = validateTaskForm({
      ...emptyTaskForm,
      title: 'x',
      dueDate: '2025-03-10',
      dueTime: '10:00',
    });
    expect(result.data).toMatchObject({ dueDate: '2025-03-10', dueTime: '10:00' });
  });
});

describe('validateReminderForm', () => {
  const now = new Date(2025, 2, 10, 12, 0);

  it('needs a time, in the future', () => {
    expect(validateReminderForm('t1', { remindAt: '', note: '' }, now).errors).toEqual({
      remindAt: 'Pick a date and time',
    });
    expect(
      validateReminderForm('t1', { remindAt: '2025-03-10T11:59', note: '' }, now).errors,
    ).toEqual({ remindAt: 'Pick a reminder time in the future' });
  });

  it('sends the instant as ISO and leaves an empty note out', () => {
    const result = validateReminderForm('t1', { remindAt: '2025-03-10T12:05', note: ' ' }, now);
    expect(result.data).toEqual({
      taskId: 't1',
      remindAt: new Date(2025, 2, 10, 12, 5).toISOString(),
    });
  });

  it('explains a value that is not a date-time', () => {
    expect(validateReminderForm('t1', { remindAt: 'soon', note: '' }, now).errors).toEqual({
      remindAt: 'Enter a valid date and time',
    });
  });
});
