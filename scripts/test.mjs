// `npm test`: installs what is missing (pnpm, dependencies, redis-server, chromium), then runs
// typecheck, lint, unit + integration tests (real Redis) and the Playwright suite (real Chromium).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDebian,
  ensureDependencies,
  ensurePnpm,
  fail,
  log,
  root,
  run,
} from './lib/setup.mjs';

ensurePnpm();
ensureDependencies();
ensureDebian('redis-server', 'redis-server', 'integration tests run against a real Redis');
ensureDebian('chromium', 'chromium', 'end-to-end tests drive Debian Chromium');

const resultFiles = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(join(root, dir)).map((p) => join(root, dir, p, 'test-results/vitest.json')),
);
const e2eResults = join(root, 'e2e/playwright-report/results.json');
for (const f of [...resultFiles, e2eResults]) rmSync(f, { force: true });

log('Typecheck, lint and build');
run('pnpm', ['exec', 'turbo', 'run', 'typecheck', 'lint', 'build', '--output-logs=errors-only']);

const steps = [];
log('Unit and integration tests (vitest, real redis-server)');
steps.push(
  spawnSync('pnpm', ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--filter=!@acme/e2e'], {
    stdio: 'inherit',
    cwd: root,
  }).status,
);
log('End-to-end tests (Playwright, Debian Chromium)');
steps.push(
  spawnSync('pnpm', ['--filter', '@acme/e2e', 'test'], { stdio: 'inherit', cwd: root }).status,
);

let passed = 0;
let failed = 0;
for (const f of resultFiles.filter(existsSync)) {
  const r = JSON.parse(readFileSync(f, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
if (existsSync(e2eResults)) {
  const { stats } = JSON.parse(readFileSync(e2eResults, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
}
const stepFailed = steps.some((s) => s !== 0);
if (stepFailed && failed === 0) failed = 1; // a runner crashed before reporting
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
if (stepFailed || failed > 0) fail('tests failed');
