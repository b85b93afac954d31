import { textLimits, type Reminder, type Task, type User } from '@acme/contracts';
import { AlarmClock, AlarmClockPlus, BellRing } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '../../components/ui/button';
import {
  Dialog,
  DialogBody,
  DialogContent,
  FormFooter,
  DialogForm,
  DialogTrigger,
} from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { LimitedField } from '../../components/ui/limited-field';
import { FormAlert } from '../../components/ui/list-error';
import { Textarea } from '../../components/ui/textarea';
import { submitWith, useFormState, type FormState } from '../../components/ui/use-form-state';
import { cn } from '../../lib/cn';
import { trpc } from '../../lib/trpc';
import { useCurrentUser } from '../auth/current-user';
import { ReminderList } from './reminder-list';
import {
  emptyReminderForm,
  validateReminderForm,
  type ReminderFormValues,
  type ScheduleReminderData,
} from './reminder-form';
import {
  formatReminderTime,
  quickOptions,
  quickOptionTime,
  toDateTimeLocal,
} from './reminder-time';

const startOfMinute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

/** When to remind, typed or picked from the quick times, and who will be reminded. */
function RemindAtField({
  form: { errors, change, text },
  recipient,
}: {
  form: FormState<ReminderFormValues, ScheduleReminderData>;
  recipient: User | undefined;
}) {
  const me = useCurrentUser();
  return (
    <Field
      label="Remind at"
      error={errors.remindAt}
      hint={
        recipient?.id === me.id
          ? 'You will get a notification at this time.'
          : recipient
            ? `${recipient.name} will get a notification at this time.`
            : 'The assignee gets a notification at this time.'
      }
    >
      {(control) => (
        <>
          <Input
            {...control}
            {...text('remindAt')}
            type="datetime-local"
            min={toDateTimeLocal(startOfMinute(new Date()))}
          />
          <div className="flex flex-wrap gap-2" role="group" aria-label="Quick times">
            {quickOptions.map((option) => (
              <Button
                key={option.id}
                size="sm"
                className="h-7 rounded-full px-3 text-xs"
                onClick={() => {
                  change({
                    remindAt: toDateTimeLocal(quickOptionTime(option.id, new Date())),
                  });
                }}
              >
                {option.label}
              </Button>
            ))}
          </div>
        </>
      )}
    </Field>
  );
}

function ScheduleReminderForm({
  task,
  recipient,
  onScheduled,
}: {
  task: Task;
  recipient: User | undefined;
  onScheduled: (reminder: Reminder) => void;
}) {
  const utils = trpc.useUtils();
  const schedule = trpc.reminders.schedule.useMutation();
  const form = useFormState<ReminderFormValues, ScheduleReminderData>(emptyReminderForm, (v) =>
    validateReminderForm(task.id, v, new Date()),
  );
  const { values, errors, text } = form;

  const submit = submitWith(form, schedule, (reminder) => {
    void utils.reminders.list.invalidate();
    const at = formatReminderTime(new Date(reminder.remindAt), new Date());
    toast.success(`Reminder set for ${at}`, { description: task.title });
    onScheduled(reminder);
  });

  return (
    <DialogForm ref={form.formRef} onSubmit={submit} aria-label="Schedule a reminder">
      <DialogBody>
        {form.message && <FormAlert className="mb-4">{form.message}</FormAlert>}
        <fieldset disabled={schedule.isPending} className="flex flex-col gap-4">
          <RemindAtField form={form} recipient={recipient} />
          <LimitedField
            label="Note (optional)"
            error={errors.note}
            max={textLimits.reminderNote}
            value={values.note}
          >
            {(control) => (
              <Textarea
                {...control}
                {...text('note')}
                rows={2}
                placeholder="What should they remember?"
              />
            )}
          </LimitedField>
        </fieldset>
        <section
          aria-labelledby={`reminders-${task.id}`}
          className="mt-6 border-t border-line pt-4"
        >
          <h3 id={`reminders-${task.id}`} className="text-xs font-medium text-fg-muted">
            On this task
          </h3>
          <ReminderList taskId={task.id} />
        </section>
      </DialogBody>
      <FormFooter pending={schedule.isPending} closeLabel="Close">
        {!schedule.isPending && <BellRing aria-hidden />}
        Set reminder
      </FormFooter>
    </DialogForm>
  );
}

/**
 * The task's reminder control: shows the next reminder's time when there is one, and opens
 * a dialog to schedule one (with quick times) and to see or cancel the task's reminders.
 */
export function RemindersDialog({
  task,
  next,
  recipient,
  onScheduled,
}: {
  task: Task;
  next: Reminder | undefined;
  recipient: User | undefined;
  onScheduled: (task: Task) => void;
}) {
  const [open, setOpen] = useState(false);
  const nextAt = next ? formatReminderTime(new Date(next.remindAt), new Date()) : null;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <button
          type="button"
          aria-label={
            nextAt
              ? `Reminders for “${task.title}”, next at ${nextAt}`
              : `Reminders for “${task.title}”`
          }
          className={cn(
            'inline-flex h-8 max-w-full cursor-pointer items-center gap-1.5 rounded-md px-2 text-sm transition-colors',
            nextAt
              ? 'bg-accent-soft text-accent-text hover:bg-accent-soft/70'
              : // Until a row is hovered or focused, its "add a reminder" button stays out of the way.
                'text-fg-subtle opacity-0 group-focus-within/row:opacity-100 group-hover/row:opacity-100 hover:bg-muted hover:text-fg focus-visible:opacity-100 data-[state=open]:opacity-100 [@media(hover:none)]:opacity-100',
          )}
        >
          {nextAt ? (
            <AlarmClock aria-hidden className="size-4 shrink-0" />
          ) : (
            <AlarmClockPlus aria-hidden className="size-4 shrink-0" />
          )}
          {nextAt && <span className="truncate tabular-nums">{nextAt}</span>}
        </button>
      </DialogTrigger>
      <DialogContent title="Reminders" description={task.title}>
        <ScheduleReminderForm
          task={task}
          recipient={recipient}
          onScheduled={() => {
            setOpen(false);
            onScheduled(task);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
