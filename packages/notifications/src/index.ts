export {
  createNotificationService,
  type NotificationService,
  type NotificationsOptions,
} from './service';
export { NotificationNotFoundError, SlowConsumerError } from './errors';
export type { Bulk } from './store-read-state';
export { userKeys, type UserKeys } from './keys';
export type { StreamItem } from './codec';
export type { Created } from './store-write';
export { cursorSchema, decodeCursor, encodeCursor } from './cursor';
export { LIST_SCAN_BUDGET } from './store-read';
export type { Logger } from './bus';
export type { EventSink, Following } from './follow';
export { pull, type PushSink, type PushSource } from './pull';
export { recordEventSchema, type RecordEvent, type RecordEventItem } from './store-record-events';
