export * from './users';
export * from './domain';
export * from './notifications';
export * from './stream-id';
export * from './errors';
