import { signInContext } from '../support/session';
import { getFreePort } from '@acme/testing';
import { createFreshUser } from '../support/fresh-user';
import {
  buildNotification,
  expect,
  expectUnread,
  inbox,
  test,
  uniqueTitle,
} from '../support/notification-fixtures';
import { startServer, type RunningServer } from '../support/server';

// A server of this test's own, on a fixed port, so it can be stopped and started again
// under the open page without disturbing the shared one.
test('a server restart under an open page: what was created meanwhile shows once, and Live returns', async ({
  browser,
  store,
}) => {
  const redisUrl = process.env.E2E_REDIS_URL ?? '';
  const port = await getFreePort();
  let server: RunningServer = await startServer({ redisUrl, port });
  const user = await createFreshUser('sales');
  const context = await browser.newContext({ baseURL: server.url });
  try {
    await signInContext(context, server.url, user.email, user.password);

    const page = await context.newPage();
    await page.goto('/');
    await expect(inbox.status(page)).toHaveText('Live');
    const before = uniqueTitle('Before the restart');
    await store.create(user.id, buildNotification('task_assignment', before));
    await expect(inbox.toast(page, before)).toBeVisible();
    await expectUnread(page, 1);

    await server.stop();
    await expect(inbox.status(page)).not.toHaveText('Live');
    const whileDown = uniqueTitle('Created while the server was down');
    await store.create(user.id, buildNotification('lead_assignment', whileDown));

    server = await startServer({ redisUrl, port });
    await expect(inbox.status(page)).toHaveText('Live', { timeout: 30_000 });
    await expect(inbox.toast(page, whileDown)).toBeVisible();
    await expectUnread(page, 2);

    await inbox.bell(page).click();
    await expect(inbox.item(page, whileDown)).toHaveCount(1);
    await expect(inbox.item(page, before)).toHaveCount(1);
    await expect(inbox.panel(page).getByRole('listitem')).toHaveCount(2);
  } finally {
    await context.close();
    await server.stop();
  }
});
