import { expect, inbox, test } from '../support/notification-fixtures';

test('a signed-out page cannot open the stream: sign-in shown, no Live status', async ({
  page,
  context,
}) => {
  let streamRequests = 0;
  context.on('request', (req) => {
    if (req.url().includes('/trpc/notifications.onEvent')) streamRequests += 1;
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(inbox.status(page)).toHaveCount(0);
  await expect(page.getByText('Live', { exact: true })).toHaveCount(0);
  expect(streamRequests).toBe(0);

  // Even asked directly, the server refuses the stream without a session.
  const answer = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const source = new EventSource('/trpc/notifications.onEvent');
        source.addEventListener('serialized-error', (event) => {
          source.close();
          resolve((event as MessageEvent<string>).data);
        });
        source.onmessage = () => {
          source.close();
          resolve('data');
        };
      }),
  );
  expect(answer).toContain('UNAUTHORIZED');
});
