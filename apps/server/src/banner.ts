import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

/** The start-up message on stdout: where the app is and, in demo mode, who can sign in. */
export function printBanner(url: string, demo: boolean): void {
  const lines = ['', `Acme Ops is running at ${url}`];
  if (demo) {
    lines.push(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS) lines.push(`  ${u.email.padEnd(22)} ${u.role}`);
  }
  // One write: worker log lines share this stdout and must not land inside the banner.
  process.stdout.write(`${lines.join('\n')}\n`);
}
