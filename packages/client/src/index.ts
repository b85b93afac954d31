export {
  createNotificationsClient,
  type NotificationsClient,
  type NotificationsClientOptions,
} from './client';
export { TRPCClientError } from '@trpc/client';
