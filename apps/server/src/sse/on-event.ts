/** The one long-lived procedure that every stream route serves, named in one place. */
export const ON_EVENT_PATH = 'notifications.onEvent';
