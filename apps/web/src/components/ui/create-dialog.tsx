import { Plus } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog, DialogContent, DialogTrigger } from './dialog';

export interface CreateDialogProps {
  /** The button's text. */
  label: string;
  variant?: 'primary' | 'secondary';
}

/**
 * A "New …" button and its dialog. The form is rendered afresh each time the dialog opens;
 * it calls `done` once it has created the record, which closes the dialog.
 */
export function CreateDialog({
  title,
  label,
  variant = 'primary',
  children,
}: CreateDialogProps & { title: string; children: (done: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={variant}>
          <Plus aria-hidden />
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent title={title}>
        {children(() => {
          setOpen(false);
        })}
      </DialogContent>
    </Dialog>
  );
}
