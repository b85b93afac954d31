#!/usr/bin/env -S npx tsx
// notify — the command line for Acme Ops notifications.
//   notify login --url http://127.0.0.1:3000 --email you@example.com [--password …]
//   notify tail [--json]      notify list [--unread] [--limit N]      notify read <id> | --all
//   notify archive <id>       notify snooze <id> <45m | 2h | 3d | ISO date-time>
import { parseArgs } from 'node:util';
import type { StreamEvent } from '@acme/contracts';
import { createNotificationsClient } from '../client';
import { loadCredentials, saveCredentials } from './credentials';
import { CliError, explain } from './errors';
import { formatEvent, formatNotification } from './format';
import { readPassword } from './prompt';
import { parseWhen } from './when';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: process.env.ACME_URL ?? 'http://127.0.0.1:3000' },
    email: { type: 'string' },
    password: { type: 'string' },
    json: { type: 'boolean', default: false },
    unread: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    limit: { type: 'string', default: '20' },
  },
});
const [command, ...args] = positionals;
let url = values.url;

async function session() {
  const creds = await loadCredentials();
  if (!creds)
    throw new CliError('Not logged in. Run `notify login --url URL --email EMAIL` first.');
  if (Date.parse(creds.expiresAt) <= Date.now()) {
    throw new CliError(`Your token expired at ${creds.expiresAt}. Run \`notify login\` again.`);
  }
  url = creds.url;
  return createNotificationsClient({ url: creds.url, token: creds.accessToken });
}

const print = (line: string) => process.stdout.write(`${line}\n`);

const commands: Record<string, () => Promise<void>> = {
  async login() {
    if (!values.email) throw new CliError('Give --email.');
    const password = values.password ?? (await readPassword('Password: '));
    const anonymous = createNotificationsClient({ url, token: '' });
    const { accessToken, expiresAt } = await anonymous.auth.createToken.mutate({
      email: values.email,
      password,
    });
    const file = await saveCredentials({ url, email: values.email, accessToken, expiresAt });
    print(`Logged in as ${values.email}; token saved to ${file} (valid until ${expiresAt}).`);
  },

  async tail() {
    const client = await session();
    await new Promise<void>((resolve, reject) => {
      const sub = client.notifications.onEvent.subscribe(undefined, {
        onData: ({ id, data }: { id: string; data: StreamEvent }) => {
          print(values.json ? JSON.stringify({ id, ...data }) : formatEvent(data));
        },
        onError: (err) => {
          sub.unsubscribe();
          reject(err);
        },
        onConnectionStateChange: (state) => {
          if (state.state === 'connecting' && state.error)
            process.stderr.write(`reconnecting: ${state.error.message}\n`);
        },
        onComplete: () => {
          resolve();
        },
      });
      process.once('SIGINT', () => {
        sub.unsubscribe();
        resolve();
      });
    });
  },

  async list() {
    const client = await session();
    const page = await client.notifications.list.query({
      limit: Number(values.limit),
      unreadOnly: values.unread,
    });
    if (values.json) page.items.forEach((n) => print(JSON.stringify(n)));
    else if (page.items.length === 0)
      print(values.unread ? "You're all caught up." : 'No notifications yet.');
    else page.items.forEach((n) => print(formatNotification(n)));
  },

  async read() {
    const client = await session();
    if (values.all) {
      const { count } = await client.notifications.markAllRead.mutate();
      print(`Marked ${count} notification${count === 1 ? '' : 's'} as read.`);
      return;
    }
    const [id] = args;
    if (!id) throw new CliError('Give a notification id, or --all.');
    const n = await client.notifications.markRead.mutate({ id });
    print(`Read: ${n.title}`);
  },

  async archive() {
    const [id] = args;
    if (!id) throw new CliError('Give a notification id.');
    const client = await session();
    const n = await client.notifications.archive.mutate({ id });
    print(`Archived: ${n.title}`);
  },

  async snooze() {
    const [id, when] = args;
    if (!id || !when) throw new CliError('Give a notification id and a time, e.g. 2h.');
    const until = parseWhen(when);
    const client = await session();
    const n = await client.notifications.snooze.mutate({ id, until });
    print(`Snoozed until ${new Date(until).toLocaleString()}: ${n.title}`);
  },
};

const run = command ? commands[command] : undefined;
if (!run) {
  process.stderr.write(
    'Usage: notify login | tail [--json] | list [--unread] | read <id> | read --all' +
      ' | archive <id> | snooze <id> <when>\n',
  );
  process.exit(2);
}
run().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`notify: ${explain(err, url)}\n`);
    process.exit(1);
  },
);
