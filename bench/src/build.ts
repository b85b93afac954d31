import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { log } from './log';
import type { Options } from './options';
import type { Paths } from './systems';

/** The product's bundle (rebuilt only when needed), then the bench's own processes. */
export async function buildAll(paths: Paths, mode: Options['build']): Promise<void> {
  buildProduct(paths, mode);
  await build({
    entryPoints: {
      load: join(paths.bench, 'src/load/index.ts'),
      seed: join(paths.bench, 'src/servers/seed.ts'),
      raw: join(paths.bench, 'src/servers/raw.ts'),
      probe: join(paths.bench, 'src/probe.ts'),
    },
    outdir: paths.dist,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}

function buildProduct(paths: Paths, mode: Options['build']): void {
  // apps/server/dist is shared with other users of the repo (e2e runs it): rebuild it only
  // when a source is newer than the bundle, with the server's own build script.
  const bundle = join(paths.root, 'apps/server/dist/main.js');
  const sources = [
    'apps/server/src',
    'packages/api/src',
    'packages/auth/src',
    'packages/domain/src',
    'packages/notifications/src',
    'packages/contracts/src',
  ];
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  const stale = sources.some((dir) => newestMtime(join(paths.root, dir)) > built);
  if (mode === 'never') {
    if (!existsSync(bundle)) throw new Error(`--no-build: ${bundle} does not exist`);
  } else if (stale || mode === 'always') {
    log('building apps/server (node build.mjs)');
    execFileSync(process.execPath, ['build.mjs'], {
      cwd: join(paths.root, 'apps/server'),
      stdio: 'inherit',
    });
  } else {
    log('apps/server/dist/main.js is newer than its sources: not rebuilt');
  }
}

/** Newest modification time (ms) of any file under `dir`, skipping tests. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
