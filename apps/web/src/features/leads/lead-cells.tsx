import type { Lead, User } from '@acme/contracts';
import { UserPlus } from 'lucide-react';
import { toast } from 'sonner';
import { NobodyLabel, PersonLabel, PersonSelect } from '../../components/ui/person-select';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { useNotificationsContext } from '../notifications/notifications-context';
import { formatAmount } from './lead-form';

export function LeadValue({ lead }: { lead: Lead }) {
  if (lead.value === null) {
    return (
      <span className="text-fg-subtle">
        <span aria-hidden>—</span>
        <span className="sr-only">No value</span>
      </span>
    );
  }
  return <span className="text-fg tabular-nums">{formatAmount(lead.value)}</span>;
}

/** Email and phone as links, on one muted line. */
export function LeadContact({ lead }: { lead: Lead }) {
  if (!lead.email && !lead.phone) return null;
  return (
    <p className="flex min-w-0 gap-2 truncate text-xs text-fg-muted">
      {lead.email && (
        <a
          href={`mailto:${lead.email}`}
          className="truncate rounded-sm hover:text-fg hover:underline"
        >
          {lead.email}
        </a>
      )}
      {lead.email && lead.phone && <span aria-hidden>·</span>}
      {lead.phone && (
        <a href={`tel:${lead.phone}`} className="shrink-0 rounded-sm hover:text-fg hover:underline">
          {lead.phone}
        </a>
      )}
    </p>
  );
}

/** Who follows the lead up, as text: for everyone who may not assign leads. */
export function LeadAssignee({ lead, byId }: { lead: Lead; byId: Map<string, User> }) {
  const person = lead.assigneeId ? byId.get(lead.assigneeId) : undefined;
  return (
    <span className="flex px-2">{person ? <PersonLabel person={person} /> : <NobodyLabel />}</span>
  );
}

/**
 * Managers' assign control. It offers sales staff only, since the server assigns leads to
 * nobody else; a refusal (a role changed meanwhile) shows the server's message.
 */
export function AssignLeadSelect({
  lead,
  salesStaff,
  byId,
  onSaved,
}: {
  lead: Lead;
  salesStaff: User[];
  byId: Map<string, User>;
  onSaved: (lead: Lead) => void;
}) {
  const { cache } = useNotificationsContext();
  const assign = trpc.leads.assign.useMutation({
    onSuccess: (next) => {
      cache.apply({ kind: 'lead.changed', lead: next });
      onSaved(next);
      const name = (next.assigneeId && byId.get(next.assigneeId)?.name) ?? 'them';
      toast.success(`Assigned to ${name}`, { description: next.name });
    },
    onError: (error) => {
      toast.error("Couldn't assign the lead", { description: describeError(error) });
    },
  });
  const shownId = assign.isPending ? assign.variables.assigneeId : lead.assigneeId;
  return (
    <PersonSelect
      look="inline"
      people={salesStaff}
      value={shownId ?? undefined}
      aria-label={`Assign “${lead.name}”`}
      disabled={assign.isPending}
      placeholder={
        <span className="flex items-center gap-2 text-accent-text">
          <span className="inline-flex size-6 items-center justify-center rounded-full border border-dashed border-accent-text/40">
            <UserPlus aria-hidden className="size-3.5" />
          </span>
          Assign
        </span>
      }
      onValueChange={(assigneeId) => {
        if (assigneeId !== lead.assigneeId) assign.mutate({ leadId: lead.id, assigneeId });
      }}
    />
  );
}
