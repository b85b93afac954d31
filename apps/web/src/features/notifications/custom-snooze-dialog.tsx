import { useState, type SubmitEvent } from 'react';
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogForm,
  FormFooter,
} from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { maxSnoozeMs, parseCustomTime, toDateTimeLocal } from './snooze-times';

/**
 * Asks when a notification should come back. Seconds are allowed (step 1) so "in a moment"
 * is possible; the same limits as the server's: in the future, at most 90 days ahead.
 */
export function CustomSnoozeDialog({
  open,
  onClose,
  onSnooze,
  onCloseAutoFocus,
}: {
  open: boolean;
  onClose: () => void;
  onSnooze: (until: Date) => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      {open && (
        <DialogContent
          title="Snooze until"
          description="It comes back to your inbox, unread, at this time."
          overPanel
          className="sm:w-[24rem]"
          onCloseAutoFocus={onCloseAutoFocus}
          onOpenAutoFocus={(event) => {
            // The time, not the dialog's close button, is what the user came for.
            const field =
              event.currentTarget instanceof HTMLElement
                ? event.currentTarget.querySelector('input')
                : null;
            if (!field) return;
            event.preventDefault();
            field.focus();
          }}
        >
          <CustomSnoozeForm onSnooze={onSnooze} />
        </DialogContent>
      )}
    </Dialog>
  );
}

function CustomSnoozeForm({ onSnooze }: { onSnooze: (until: Date) => void }) {
  const [now] = useState(() => new Date());
  const [value, setValue] = useState(() => toDateTimeLocal(new Date(now.getTime() + 3_600_000)));
  const [error, setError] = useState<string | undefined>();

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseCustomTime(value, new Date());
    if (parsed.ok) onSnooze(parsed.until);
    else setError(parsed.message);
  };

  return (
    <DialogForm onSubmit={submit}>
      <DialogBody>
        <Field label="Date and time" error={error}>
          {(control) => (
            <Input
              {...control}
              type="datetime-local"
              step={1}
              required
              min={toDateTimeLocal(now)}
              max={toDateTimeLocal(new Date(now.getTime() + maxSnoozeMs))}
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
                setError(undefined);
              }}
            />
          )}
        </Field>
      </DialogBody>
      <FormFooter pending={false}>Snooze</FormFooter>
    </DialogForm>
  );
}
