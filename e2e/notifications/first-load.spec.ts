import {
  expect,
  expectUnread,
  inbox,
  openPanel,
  test,
  uniqueTitle,
} from '../support/inbox-fixtures';

// Notifications created while the page is still loading its first snapshot and opening the
// stream: the first answer may predate them and the stream may start after them, so the
// stream's opening reset must refetch (a first load in flight started over, not joined).
test('notifications created while the page loads all show, in the badge and the panel', async ({
  people,
  signIn,
  notify,
}) => {
  const [rep] = await people('sales');
  const { page } = await signIn(rep, {});
  const titles = [0, 1, 2, 3].map((i) => uniqueTitle(`While loading ${i}`));
  for (const title of titles) await notify(rep.id, { title });
  await expectUnread(page, 4);
  await expect(inbox.status(page)).toHaveText('Live');
  await openPanel(page);
  for (const title of titles) await expect(inbox.item(page, title)).toHaveCount(1);
});
