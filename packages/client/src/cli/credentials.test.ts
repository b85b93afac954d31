import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { credentialsPath, loadCredentials, saveCredentials, type Credentials } from './credentials';

const creds: Credentials = {
  url: 'http://127.0.0.1:3000',
  email: 'sales1@demo.test',
  accessToken: 'header.payload.signature',
  expiresAt: '2030-01-02T03:04:05.000Z',
};

let root: string;
let home: string;
let config: string;

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'notify-credentials-'));
  home = join(root, 'home');
  config = join(root, 'config');
  // homedir() reads HOME, so neither case touches the real home folder.
  vi.stubEnv('HOME', home);
  vi.stubEnv('XDG_CONFIG_HOME', config);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

describe('credentialsPath', () => {
  it('is acme-notify/credentials.json under XDG_CONFIG_HOME', () => {
    expect(credentialsPath()).toBe(join(config, 'acme-notify', 'credentials.json'));
  });

  it('falls back to ~/.config without XDG_CONFIG_HOME', () => {
    vi.stubEnv('XDG_CONFIG_HOME', undefined);
    expect(credentialsPath()).toBe(join(home, '.config', 'acme-notify', 'credentials.json'));
  });

  // The XDG spec says an empty or relative XDG_CONFIG_HOME is to be ignored; `??` kept it,
  // which put the token file in whatever folder the command ran in.
  it('ignores an empty or relative XDG_CONFIG_HOME', () => {
    for (const value of ['', 'relative/config']) {
      vi.stubEnv('XDG_CONFIG_HOME', value);
      expect(credentialsPath()).toBe(join(home, '.config', 'acme-notify', 'credentials.json'));
    }
  });
});

describe('saveCredentials and loadCredentials', () => {
  it('round-trip through a 0600 file in a 0700 folder, and say where it is', async () => {
    const file = await saveCredentials(creds);
    expect(file).toBe(credentialsPath());
    expect(await modeOf(file)).toBe(0o600);
    expect(await modeOf(dirname(file))).toBe(0o700);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(creds);
    expect(await loadCredentials()).toEqual(creds);
  });

  it('replace an earlier login and tighten a file someone made readable', async () => {
    const file = credentialsPath();
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, '{}');
    await chmod(file, 0o644);
    const next = { ...creds, email: 'manager@demo.test', accessToken: 'another.token.here' };
    await saveCredentials(next);
    expect(await modeOf(file)).toBe(0o600);
    expect(await loadCredentials()).toEqual(next);
  });

  it('load null when nothing is saved, the file is not JSON, or its fields are wrong', async () => {
    expect(await loadCredentials()).toBeNull();
    const file = credentialsPath();
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, 'not json');
    expect(await loadCredentials()).toBeNull();
    for (const broken of [
      { ...creds, url: 'not a url' },
      { ...creds, expiresAt: 'tomorrow' },
      { url: creds.url, email: creds.email, expiresAt: creds.expiresAt },
    ]) {
      await writeFile(file, JSON.stringify(broken));
      expect(await loadCredentials()).toBeNull();
    }
  });
});
