import { createTaskInputSchema, type TaskPriority } from '@acme/contracts';
import { validateWith, type Validation } from '../../components/ui/form-errors';
import { NOBODY } from '../../components/ui/person-select';

export interface TaskFormValues {
  title: string;
  description: string;
  priority: TaskPriority;
  dueDate: string;
  dueTime: string;
  /** A user id, or NOBODY. */
  assigneeId: string;
}

export const emptyTaskForm: TaskFormValues = {
  title: '',
  description: '',
  priority: 'medium',
  dueDate: '',
  dueTime: '',
  assigneeId: NOBODY,
};

const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The form's strings as `tasks.create` input: empty fields left out. */
export function toCreateTaskInput(values: TaskFormValues) {
  return {
    title: values.title,
    description: blankToUndefined(values.description),
    priority: values.priority,
    dueDate: blankToUndefined(values.dueDate),
    dueTime: blankToUndefined(values.dueTime),
    assigneeId: values.assigneeId === NOBODY ? undefined : values.assigneeId,
  };
}

export type CreateTaskData = ReturnType<typeof createTaskInputSchema.parse>;

/** The shared schema's verdict, plus one rule of the form: a due time needs a due date. */
export function validateTaskForm(values: TaskFormValues): Validation<CreateTaskData> {
  const result = validateWith(createTaskInputSchema, toCreateTaskInput(values));
  if (values.dueTime.trim() && !values.dueDate.trim() && !result.errors.dueDate) {
    return { data: null, errors: { ...result.errors, dueDate: 'Pick a date for the due time' } };
  }
  return result;
}
