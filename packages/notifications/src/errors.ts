/** The notification is unknown, expired, or belongs to another user. */
export class NotificationNotFoundError extends Error {
  override readonly name = 'NotificationNotFoundError';

  constructor(readonly notificationId: string) {
    super(`Notification ${notificationId} not found`);
  }
}

/**
 * An events() consumer fell too far behind live traffic. Its iterator ends with this error;
 * the client reconnects with its last event id and loses nothing (the stream holds it).
 */
export class SlowConsumerError extends Error {
  override readonly name = 'SlowConsumerError';

  constructor(readonly buffered: number) {
    super(`Event consumer fell ${buffered} events behind; reconnect with the last event id`);
  }
}
