import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';

const credentialsSchema = z.object({
  url: z.url(),
  email: z.string(),
  accessToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export function credentialsPath(): string {
  // The XDG spec: an unset, empty or relative XDG_CONFIG_HOME means ~/.config.
  const xdg = process.env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.config');
  return join(base, 'acme-notify', 'credentials.json');
}

export async function saveCredentials(creds: Credentials): Promise<string> {
  const file = credentialsPath();
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // writeFile keeps the mode of an existing file
  return file;
}

export async function loadCredentials(): Promise<Credentials | null> {
  try {
    return credentialsSchema.parse(JSON.parse(await readFile(credentialsPath(), 'utf8')));
  } catch {
    return null;
  }
}
