import { randomUUID } from 'node:crypto';
import {
  AppError,
  type Actor,
  leadSchema,
  type assignLeadInputSchema,
  type createLeadInputSchema,
  type Lead,
  type listLeadsInputSchema,
  type NewNotification,
  type User,
} from '@acme/contracts';
import type { z } from 'zod';
import { applyThen } from './records/consistency';
import { nowIso, retryStale, type DomainDeps } from './deps';
import { expectCreated, notFound } from './errors';
import { domainKeys as k } from './records/keys';
import { readVisiblePage, type Page } from './records/pages';
import { transitionOf } from './records/store';
import { actorOf } from './task-notifications';
import { recordEvents } from './records/record-events';

const leadChangedEvents = (actor: User, before: Lead | null, after: Lead) =>
  recordEvents({ kind: 'lead.changed', lead: after }, actor.id, before, after);

/** Managers see every lead; everyone else the leads they created or were assigned. */
export function canSeeLead(user: User, lead: Lead): boolean {
  return user.role === 'manager' || lead.createdById === user.id || lead.assigneeId === user.id;
}

export function leadAssignedNotification(lead: Lead, actor: Actor | null = null): NewNotification {
  return {
    type: 'lead_assignment',
    actor,
    title: `Lead Assigned: ${lead.name}`,
    message: `Lead "${lead.name}" has been assigned to you.`,
    metadata: { company: lead.company, value: lead.value, source: lead.source },
    lead,
  };
}

function leadIndexes(lead: Lead): string[] {
  const { createdById: creator, assigneeId: assignee } = lead;
  return [k.leadsAll, k.leadsVisibleTo(creator), ...(assignee ? [k.leadsVisibleTo(assignee)] : [])];
}

export function createLeadService(deps: DomainDeps) {
  const { store, users, notifications } = deps;

  return {
    async create(actor: User, input: z.output<typeof createLeadInputSchema>): Promise<Lead> {
      const now = nowIso();
      const lead: Lead = {
        id: randomUUID(),
        name: input.name,
        company: input.company ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        value: input.value ?? null,
        source: input.source ?? null,
        assigneeId: null,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      };
      const result = await applyThen(store, transitionOf(k.lead, leadIndexes, null, lead), () =>
        notifications.publishEvents(leadChangedEvents(actor, null, lead)),
      );
      expectCreated(result, 'Lead', lead.id);
      return lead;
    },

    async assign(actor: User, input: z.output<typeof assignLeadInputSchema>): Promise<Lead> {
      if (actor.role !== 'manager') {
        throw new AppError('FORBIDDEN', 'Only managers can assign leads');
      }
      const assignee = await users.get(input.assigneeId);
      if (!assignee) throw notFound('Assignee');
      if (assignee.role !== 'sales') {
        throw new AppError('BAD_REQUEST', 'Leads can only be assigned to sales staff');
      }
      return retryStale('lead', async () => {
        const current = await store.read(leadSchema, k.lead(input.leadId));
        if (!current) throw notFound('Lead');
        if (current.value.assigneeId === assignee.id) return current.value;
        const next: Lead = { ...current.value, assigneeId: assignee.id, updatedAt: nowIso() };
        const transition = transitionOf(k.lead, leadIndexes, current, next);
        const notify =
          assignee.id === actor.id
            ? []
            : [{ userId: assignee.id, input: leadAssignedNotification(next, actorOf(actor)) }];
        const result = await applyThen(store, transition, () =>
          Promise.all([
            notify.length > 0 ? notifications.createMany(notify) : [],
            notifications.publishEvents(leadChangedEvents(actor, current.value, next)),
          ]),
        );
        return result === 'applied' ? next : 'stale';
      });
    },

    list(actor: User, input: z.output<typeof listLeadsInputSchema>): Promise<Page<Lead>> {
      return readVisiblePage(store, actor, {
        all: k.leadsAll,
        visibleTo: k.leadsVisibleTo,
        recordKey: k.lead,
        schema: leadSchema,
        input,
        canSee: canSeeLead,
      });
    },
  };
}

export type LeadService = ReturnType<typeof createLeadService>;
