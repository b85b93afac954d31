import type { CreateUserInput } from '@acme/contracts';
import { UserExistsError } from '@acme/auth';
import type { Services } from '@acme/domain';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_USERS: CreateUserInput[] = [
  { email: 'manager@demo.test', name: 'Maya Manager', role: 'manager', password: DEMO_PASSWORD },
  { email: 'sales1@demo.test', name: 'Sam Sales', role: 'sales', password: DEMO_PASSWORD },
  { email: 'sales2@demo.test', name: 'Sasha Sales', role: 'sales', password: DEMO_PASSWORD },
  {
    email: 'approver@demo.test',
    name: 'Avery Approver',
    role: 'approver',
    password: DEMO_PASSWORD,
  },
];

/** Creates the demo users that do not exist yet; safe to run on every start. */
export async function seedDemoUsers(services: Services): Promise<void> {
  for (const user of DEMO_USERS) {
    try {
      await services.users.create(user);
    } catch (err) {
      if (!(err instanceof UserExistsError)) throw err;
    }
  }
}
