import { unmutableTypes, type NotificationType } from '@acme/contracts';
import { Switch } from 'radix-ui';
import { PageHeader } from '../../components/page-header';
import { Card } from '../../components/ui/card';
import { ListError } from '../../components/ui/list-error';
import { Skeleton } from '../../components/ui/spinner';
import { describeError } from '../../lib/errors';
import { notificationTypeInfo, typeFilterOptions } from '../notifications/notification-types';
import {
  channelsOf,
  usePreferences,
  useUpdatePreference,
  type Channel,
} from '../notifications/use-preferences';
import { DesktopPermissionNote } from './desktop-permission-note';

const channels: { channel: Channel; label: string; hint: string }[] = [
  { channel: 'inApp', label: 'In-app', hint: 'In the inbox and its count' },
  { channel: 'toast', label: 'Toast', hint: 'A pop-up while the app is open' },
  { channel: 'desktop', label: 'Desktop', hint: 'While the tab is in the background' },
];

const typeHints: Record<NotificationType, string> = {
  task_assignment: 'A task is assigned to you',
  lead_assignment: 'A lead is assigned to you',
  task_reminder: 'A reminder you set comes due',
  approver_group_created: 'You are added to an approver group',
  task_unassigned: 'A task of yours is reassigned to someone else',
  task_completed: 'Someone completes a task you created',
};

const LOCKED_REASON = 'You set reminders yourself, so they always reach your inbox.';

function ChannelSwitch({
  type,
  channel,
  checked,
  locked,
  onChange,
}: {
  type: NotificationType;
  channel: (typeof channels)[number];
  checked: boolean;
  locked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <Switch.Root
      checked={checked}
      disabled={locked}
      onCheckedChange={onChange}
      aria-label={`${notificationTypeInfo[type].label}: ${channel.label}`}
      aria-describedby={locked ? `locked-${type}` : undefined}
      className="relative inline-flex h-6 w-10 align-middle shrink-0 cursor-pointer items-center rounded-full border border-line bg-muted transition-colors data-disabled:cursor-not-allowed data-disabled:opacity-60 data-[state=checked]:border-accent data-[state=checked]:bg-accent"
    >
      <Switch.Thumb className="block size-4 translate-x-1 rounded-full bg-fg-subtle shadow-float data-[state=checked]:bg-on-accent transition-transform data-[state=checked]:translate-x-5 motion-reduce:transition-none" />
    </Switch.Root>
  );
}

/** Per type and channel: whether it reaches the inbox, pops up a toast, raises a desktop one. */
export function NotificationSettingsPage() {
  const preferences = usePreferences();
  const update = useUpdatePreference();

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Notification settings"
        description="Choose what reaches you, and how. Changes apply on all your devices at once."
      />
      <DesktopPermissionNote />
      <Card>
        {preferences.isPending ? (
          <div role="status" aria-label="Loading settings" className="flex flex-col gap-3 p-4">
            {typeFilterOptions.map((type) => (
              <Skeleton key={type} className="h-10 w-full" />
            ))}
          </div>
        ) : preferences.isError ? (
          <ListError
            title="Couldn't load your settings"
            message={describeError(preferences.error)}
            retrying={preferences.isFetching}
            onRetry={() => {
              void preferences.refetch();
            }}
          />
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">Notification channels per type</caption>
            <thead>
              <tr className="border-b border-line text-left text-xs text-fg-muted">
                <th scope="col" className="px-4 py-3 font-medium">
                  Notify me when
                </th>
                {channels.map(({ channel, label, hint }) => (
                  <th
                    key={channel}
                    scope="col"
                    title={hint}
                    className="w-16 px-2 py-3 text-center font-medium sm:w-24"
                  >
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {typeFilterOptions.map((type) => {
                const { label, icon: Icon } = notificationTypeInfo[type];
                const current = channelsOf(preferences.data, type);
                const locked = unmutableTypes.includes(type);
                return (
                  <tr key={type} className="border-b border-line last:border-0">
                    <th scope="row" className="px-4 py-3 text-left font-normal">
                      <span className="flex items-start gap-3">
                        <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-fg-muted" />
                        <span className="min-w-0">
                          <span className="block font-medium text-fg">{label}</span>
                          <span className="block text-xs text-fg-muted">{typeHints[type]}</span>
                          {locked && (
                            <span
                              id={`locked-${type}`}
                              className="mt-1 block text-xs text-fg-muted"
                            >
                              {LOCKED_REASON}
                            </span>
                          )}
                        </span>
                      </span>
                    </th>
                    {channels.map((channel) => (
                      <td key={channel.channel} className="px-2 py-3 text-center">
                        <ChannelSwitch
                          type={type}
                          channel={channel}
                          checked={current[channel.channel]}
                          locked={locked && channel.channel === 'inApp'}
                          onChange={(on) => {
                            update.mutate({ type, channel: channel.channel, on });
                          }}
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
