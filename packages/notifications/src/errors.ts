import { AppError } from '@acme/contracts';

/** The notification is unknown, expired, or belongs to another user. */
export class NotificationNotFoundError extends AppError {
  override readonly name = 'NotificationNotFoundError';

  constructor(readonly notificationId: string) {
    super('NOT_FOUND', 'Notification not found');
  }
}

/**
 * An events() consumer fell too far behind live traffic. Its iterator ends with this error;
 * the client reconnects with its last event id and loses nothing (the stream holds it).
 */
export class SlowConsumerError extends AppError {
  override readonly name = 'SlowConsumerError';

  constructor(readonly buffered: number) {
    super(
      'SERVICE_UNAVAILABLE',
      `Event consumer fell ${buffered} events behind; reconnect with the last event id`,
    );
  }
}
