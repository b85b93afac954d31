import type { Page } from '@playwright/test';
import {
  createPeople,
  expect,
  recordRow,
  saveScreenshot,
  test,
  type Person,
  type TrpcCaller,
} from '../support/domain-fixtures';

/*
 * Screenshots of the domain pages for review (e2e/screenshots/domain-*.png), in light and
 * dark, on a desktop and a phone, with a cast and records of their own made once per worker.
 * Jordan (approver) sees only the showcase tasks. Run this file alone for clean pictures:
 * Dana (manager) sees every lead, including other specs'.
 */

interface Cast {
  jordan: Person;
  dana: Person;
  priya: Person;
  marcus: Person;
}

let cast: Promise<Cast> | undefined;

function castOnce(): Promise<Cast> {
  cast ??= createPeople([
    { role: 'approver', name: 'Jordan Blake' },
    { role: 'manager', name: 'Dana Whitfield' },
    { role: 'sales', name: 'Priya Shah' },
    { role: 'sales', name: 'Marcus Lee' },
  ]).then(([jordan, dana, priya, marcus]) => ({ jordan, dana, priya, marcus }));
  return cast;
}

const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 820 } };

function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function seedShowcase(api: TrpcCaller, { dana, priya, marcus }: Cast) {
  const existing = await api.query<{ items: { title: string }[] }>('tasks.list', {
    createdByMe: true,
    limit: 50,
  });
  if (existing.items.some((t) => t.title === 'Complete project plan')) return;
  const tasks = [
    { title: 'Review vendor contracts', priority: 'low', assigneeId: dana.id },
    {
      title: 'Call supplier about the delayed shipment',
      priority: 'medium',
      dueDate: day(-1),
      assigneeId: marcus.id,
    },
    {
      title: 'Update pricing sheet',
      description: 'Include the new enterprise tier.',
      priority: 'medium',
      dueDate: day(6),
    },
    {
      title: 'Prepare Q3 forecast',
      description: 'Numbers for the board meeting, split by region.',
      priority: 'high',
      dueDate: day(1),
      dueTime: '09:00',
      assigneeId: priya.id,
    },
    {
      title: 'Complete project plan',
      description: 'Milestones, owners and the launch checklist.',
      priority: 'high',
      dueDate: day(0),
      dueTime: '17:00',
      assigneeId: priya.id,
    },
  ];
  const created: { id: string; title: string }[] = [];
  for (const task of tasks) created.push(await api.mutate('tasks.create', task));
  const byTitle = (title: string) => created.find((t) => t.title === title)?.id;
  await api.mutate('tasks.updateStatus', {
    taskId: byTitle('Review vendor contracts'),
    status: 'done',
  });
  await api.mutate('tasks.updateStatus', {
    taskId: byTitle('Prepare Q3 forecast'),
    status: 'in_progress',
  });
  await api.mutate('reminders.schedule', {
    taskId: byTitle('Complete project plan'),
    remindAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    note: 'Send the plan to Maya',
  });
}

async function seedLeadsAndGroups(api: TrpcCaller, { jordan, dana, priya, marcus }: Cast) {
  const existing = await api.query<{ items: { name: string }[] }>('leads.list', { limit: 50 });
  if (existing.items.some((l) => l.name === 'Globex Corporation')) return;
  const leads = [
    { name: 'Umbrella Health', company: 'Umbrella', value: 48000, source: 'Event' },
    {
      name: 'Initech renewal',
      company: 'Initech',
      email: 'bill@initech.test',
      value: 7500,
      source: 'Website',
      assignee: marcus.id,
    },
    { name: 'Soylent pilot', company: 'Soylent', phone: '+1 555 0142', source: 'Cold outreach' },
    {
      name: 'Globex Corporation',
      company: 'Globex',
      email: 'hank@globex.test',
      phone: '+1 555 0100',
      value: 12000,
      source: 'Referral',
      assignee: priya.id,
    },
  ];
  for (const { assignee, ...lead } of leads) {
    const created = await api.mutate<{ id: string }>('leads.create', lead);
    if (assignee) await api.mutate('leads.assign', { leadId: created.id, assigneeId: assignee });
  }
  const groups = [
    {
      name: 'Legal review',
      description: 'Contracts, NDAs and anything with a signature line.',
      memberIds: [jordan.id],
    },
    {
      name: 'Finance approvers',
      description: 'Purchases over $5,000 and new vendors.',
      memberIds: [jordan.id, dana.id, priya.id],
    },
  ];
  for (const group of groups) await api.mutate('approverGroups.create', group);
}

async function settle(page: Page) {
  await expect(recordRow(page, 'Complete project plan')).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  // Let toasts from sign-in and the highlight fade before the picture.
  await expect(page.locator('[data-highlighted]')).toHaveCount(0);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, options] of Object.entries({ desktop, phone })) {
    test(`tasks page, ${colorScheme}, ${device}`, async ({ signIn, apiAs }, testInfo) => {
      const people = await castOnce();
      await seedShowcase(await apiAs(people.jordan), people);
      const { page } = await signIn(people.jordan, { ...options, colorScheme });
      await settle(page);
      await saveScreenshot(page, testInfo, `tasks-${colorScheme}-${device}`);

      await page.getByRole('button', { name: 'New task' }).click();
      const dialog = page.getByRole('dialog', { name: 'New task' });
      await dialog.getByRole('button', { name: 'Create task' }).click();
      await expect(dialog.getByText('Title is required')).toBeVisible();
      await saveScreenshot(page, testInfo, `new-task-${colorScheme}-${device}`);
      await page.keyboard.press('Escape');

      await recordRow(page, 'Complete project plan')
        .getByRole('button', { name: /^Reminders for/ })
        .click();
      await expect(page.getByRole('dialog', { name: 'Reminders' })).toContainText('Scheduled');
      await saveScreenshot(page, testInfo, `reminders-${colorScheme}-${device}`);
    });
  }
}

test('tasks page: loading, error and empty states', async ({ signIn, apiAs }, testInfo) => {
  const people = await castOnce();
  await seedShowcase(await apiAs(people.jordan), people);
  const { page } = await signIn(people.jordan, desktop);

  // Hold the list request to see the skeleton, then let it go.
  const tasksList = /\/trpc\/[^?]*tasks\.list/;
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(tasksList, async (route) => {
    await held;
    await route.fallback();
  });
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Loading tasks' })).toBeAttached();
  await saveScreenshot(page, testInfo, 'tasks-loading');
  release();
  await expect(recordRow(page, 'Complete project plan')).toBeVisible();
  await page.unroute(tasksList);

  await page.getByRole('radio', { name: 'Assigned to me' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing assigned to you' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'tasks-empty');

  await page.route(tasksList, (route) => route.abort());
  await page.getByRole('radio', { name: 'Created by me' }).click();
  await expect(page.getByRole('heading', { name: "Couldn't load tasks" })).toBeVisible({
    timeout: 15_000,
  });
  await saveScreenshot(page, testInfo, 'tasks-error');
  await page.unroute(tasksList);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: "Couldn't load tasks" })).toBeHidden();
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, options] of Object.entries({ desktop, phone })) {
    test(`leads and approver groups, ${colorScheme}, ${device}`, async ({
      signIn,
      apiAs,
    }, testInfo) => {
      const people = await castOnce();
      await seedLeadsAndGroups(await apiAs(people.dana), people);
      const { page } = await signIn(people.dana, { ...options, colorScheme });
      await page.goto('/#/leads');
      const globex = recordRow(page, 'Globex Corporation');
      await expect(globex).toBeVisible();
      await expect(page.getByTestId('connection-status')).toHaveText('Live');
      await saveScreenshot(page, testInfo, `leads-${colorScheme}-${device}`);

      await recordRow(page, 'Umbrella Health')
        .getByRole('combobox', { name: /^Assign/ })
        .click();
      await expect(page.getByRole('option').first()).toBeVisible();
      await saveScreenshot(page, testInfo, `leads-assign-${colorScheme}-${device}`);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'New lead' }).click();
      const dialog = page.getByRole('dialog', { name: 'New lead' });
      await dialog.getByLabel('Name').fill('Hooli');
      await dialog.getByLabel('Email').fill('gavin@hooli');
      await dialog.getByRole('button', { name: 'Create lead' }).click();
      await expect(dialog.getByText('Enter a valid email address')).toBeVisible();
      await saveScreenshot(page, testInfo, `new-lead-${colorScheme}-${device}`);
      await page.keyboard.press('Escape');

      await page.goto('/#/approver-groups');
      await expect(recordRow(page, 'Finance approvers')).toBeVisible();
      await saveScreenshot(page, testInfo, `groups-${colorScheme}-${device}`);

      await page.getByRole('button', { name: 'New approver group' }).click();
      const groupDialog = page.getByRole('dialog', { name: 'New approver group' });
      await groupDialog.getByLabel('Name').fill('Finance approvers');
      await groupDialog.getByRole('checkbox', { name: /Priya Shah/ }).check();
      await groupDialog.getByRole('button', { name: 'Create group' }).click();
      await expect(groupDialog.getByText(/already exists/)).toBeVisible();
      await saveScreenshot(page, testInfo, `new-group-${colorScheme}-${device}`);
    });
  }
}

test('leads and approver groups: empty states', async ({ people, signIn }, testInfo) => {
  const [newcomer] = await people('sales');
  const { page } = await signIn(newcomer, desktop);
  await page.goto('/#/leads');
  await expect(page.getByRole('heading', { name: 'No leads yet' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'leads-empty');
  await page.goto('/#/approver-groups');
  await expect(page.getByRole('heading', { name: 'No approver groups yet' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'groups-empty');
});
