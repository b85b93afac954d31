// `npm test`: installs what is missing (pnpm, dependencies, redis-server, chromium), then runs
// typecheck, lint, unit + integration tests (real Redis), the integration tests again on a
// 3+3 Redis Cluster, and the Playwright suite (real Chromium).
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

// The cluster pass writes vitest-cluster.json (see the packages' test scripts), beside the first.
const resultFiles = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(join(root, dir)).flatMap((p) =>
    ['vitest.json', 'vitest-cluster.json'].map((f) => join(root, dir, p, 'test-results', f)),
  ),
);
/** The packages whose integration tests run on a cluster too (ACME_TEST_REDIS, startTestRedis). */
const clusterSuites = ['api', 'server', 'notifications', 'domain', 'client'].map(
  (name) => `--filter=@acme/${name}`,
);
const e2eResults = join(root, 'e2e/playwright-report/results.json');
for (const f of [...resultFiles, e2eResults]) rmSync(f, { force: true });

log('Typecheck, lint and build');
run('pnpm', ['exec', 'turbo', 'run', 'typecheck', 'lint', 'build', '--output-logs=errors-only']);

/** `turbo run test` one package at a time, with ACME_TEST_REDIS set (cluster) or not. */
const turboTest = (filters, testRedis) => {
  const { ACME_TEST_REDIS: _, ...env } = process.env;
  if (testRedis) env.ACME_TEST_REDIS = testRedis;
  const args = ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue', ...filters];
  return spawnSync('pnpm', args, { stdio: 'inherit', cwd: root, env }).status;
};

const steps = [];
log('Unit and integration tests (vitest, real redis-server)');
steps.push(['unit and integration', turboTest(['--filter=!@acme/e2e'])]);
log('Integration tests again on a 3+3 Redis Cluster (ACME_TEST_REDIS=cluster)');
const clusterStart = Date.now();
steps.push(['cluster pass', turboTest(clusterSuites, 'cluster')]);
log(`The cluster pass took ${Math.round((Date.now() - clusterStart) / 1000)} s`);
log('End-to-end tests (Playwright, Debian Chromium)');
const e2e = spawnSync('pnpm', ['--filter', '@acme/e2e', 'test'], { stdio: 'inherit', cwd: root });
steps.push(['end-to-end', e2e.status]);

// The summary is printed last so that the tail of a long CI log says what failed and where.
let passed = 0;
let failed = 0;
const problems = [];
for (const f of resultFiles.filter(existsSync)) {
  const r = JSON.parse(readFileSync(f, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  const where = f.slice(root.length + 1);
  for (const file of r.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'failed') problems.push(`${where}: ${t.fullName}`);
    }
  }
  if (!r.success && r.numFailedTests === 0) problems.push(`${where}: errors outside any test`);
}
if (existsSync(e2eResults)) {
  const { stats } = JSON.parse(readFileSync(e2eResults, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
}
const failedSteps = steps.filter(([, status]) => status !== 0).map(([name]) => name);
if (failedSteps.length > 0 && failed === 0) failed = 1; // a runner crashed before reporting
for (const p of problems) process.stdout.write(`failed: ${p}\n`);
for (const s of failedSteps) process.stdout.write(`failed step: ${s}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
const stepFailed = failedSteps.length > 0;
if (stepFailed || failed > 0) fail('tests failed');
