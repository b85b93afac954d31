import { roleLabel } from '../../lib/roles';
import type { Role } from '@acme/contracts';

export const demoPassword = 'demo-password';

const demoAccounts: { email: string; role: Role }[] = [
  { email: 'manager@demo.test', role: 'manager' },
  { email: 'sales1@demo.test', role: 'sales' },
  { email: 'sales2@demo.test', role: 'sales' },
  { email: 'approver@demo.test', role: 'approver' },
];

/** Seeded accounts for trying the app; picking one fills the sign-in form. */
export function DemoAccounts({ onPick }: { onPick: (email: string) => void }) {
  return (
    <section
      aria-labelledby="demo-accounts-heading"
      className="rounded-md border border-dashed border-line-strong p-4"
    >
      <h2 id="demo-accounts-heading" className="text-sm font-medium text-fg">
        Demo accounts
      </h2>
      <p className="mt-1 text-xs text-fg-muted">
        Pick one to fill the form. The password for all of them is{' '}
        <code className="rounded-sm border border-line bg-surface px-1 font-mono text-fg">
          {demoPassword}
        </code>
      </p>
      <ul className="-mx-2 mt-2 flex flex-col">
        {demoAccounts.map((account) => (
          <li key={account.email}>
            <button
              type="button"
              onClick={() => {
                onPick(account.email);
              }}
              className="flex w-full cursor-pointer items-center justify-between gap-4 rounded-sm px-2 py-1.5 text-left hover:bg-muted"
            >
              <span className="truncate text-fg">{account.email}</span>
              <span className="text-xs text-fg-muted">{roleLabel(account.role)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
