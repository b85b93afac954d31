import {
  findRecord,
  insertRecordSorted,
  mapRecords,
  type Dated,
  type PagedRecords,
} from '../../lib/paged-records';

export interface Versioned extends Dated {
  updatedAt: string;
}

/** Whether `a` is a later version of the record than `b`. */
export function isNewer(a: Versioned, b: Versioned): boolean {
  return Date.parse(a.updatedAt) > Date.parse(b.updatedAt);
}

/**
 * One cached list after a record changed: the row replaced in place, dropped when the record
 * no longer `belongs` in this list, or put in its sorted place when it newly does. A copy
 * older than the cached row changes nothing, so replays and late echoes never go back in
 * time; the same version twice leaves the same object.
 */
export function applyRecordChange<T extends Versioned>(
  data: PagedRecords<T>,
  record: T,
  belongs: boolean,
): PagedRecords<T> {
  const present = findRecord(data, record.id);
  if (!present) return belongs ? insertRecordSorted(data, record) : data;
  if (isNewer(present, record)) return data;
  if (!belongs) return mapRecords(data, (item) => (item.id === record.id ? null : item));
  if (!isNewer(record, present)) return data;
  return mapRecords(data, (item) => (item.id === record.id ? record : item));
}
