import type { NotificationService } from '@acme/notifications';
import type { UserService } from '@acme/auth';
import { busy } from './errors';
import type { RecordStore } from './records/store';

export interface DomainDeps {
  store: RecordStore;
  users: Pick<UserService, 'get' | 'getMany' | 'existing'>;
  notifications: Pick<NotificationService, 'create' | 'createMany' | 'publishEvents'>;
}

const MAX_ATTEMPTS = 5;

/** Runs a read-check-write until its compare-and-set lands on an unchanged record. */
export async function retryStale<R>(what: string, attempt: () => Promise<R | 'stale'>): Promise<R> {
  for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
    const result = await attempt();
    if (result !== 'stale') return result;
  }
  throw busy(what);
}

export const nowIso = () => new Date().toISOString();
