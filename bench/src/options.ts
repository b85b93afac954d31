import { FULL, QUICK, type Settings } from './settings';
import { PHASES, SYSTEMS, type SystemSpec } from './systems';

/** The command line of `pnpm bench` (see src/main.ts). */
export interface Options {
  settings: Settings;
  systems: SystemSpec[];
  /** which Redis the product runs on: the bench's redis-server, a local cluster, or both */
  redis: RedisChoice;
  /** rebuild apps/server: when a source is newer than its bundle, always, or never */
  build: 'auto' | 'always' | 'never';
  cpuProfile: boolean;
  heapSnapshot: boolean;
  /** run this server script instead of apps/server/dist/main.js */
  productEntry: string | null;
}

export function parseOptions(argv: readonly string[]): Options {
  const flag = (name: string) => argv.includes(`--${name}`);
  const option = (name: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;

  const settings: Settings = { ...(flag('quick') ? QUICK : FULL) };
  const reps = option('reps');
  if (reps) settings.reps = Math.max(1, Number(reps));
  const redis = redisChoice(option('redis') ?? 'single');
  const chosen = (option('systems') ?? 'product,product-workers,seed,raw').split(',');
  const systems = SYSTEMS.filter((s) => chosen.includes(s.name) || productOn(s, chosen, redis));
  if (systems.length === 0) throw new Error(`--systems: none of ${chosen.join(', ')}`);
  // The deadline was set for three systems running every phase.
  const weight = systems.reduce(
    (a, s) => a + (s.phases ? s.phases.runs.length / PHASES.length : 1),
    0,
  );
  settings.deadlineMs = Math.round(settings.deadlineMs * Math.max(1, weight / 3));
  return {
    settings,
    systems,
    redis,
    build: flag('no-build') ? 'never' : flag('build') ? 'always' : 'auto',
    cpuProfile: flag('cpu-prof'),
    heapSnapshot: flag('heap-snapshot'),
    productEntry: option('product-entry'),
  };
}

export type RedisChoice = 'single' | 'cluster' | 'both';

function redisChoice(value: string): RedisChoice {
  if (value === 'single' || value === 'cluster' || value === 'both') return value;
  throw new Error(`--redis=${value}: expected single, cluster or both`);
}

/** `--systems=product` means the product on each Redis that `--redis` names. */
function productOn(spec: SystemSpec, chosen: string[], redis: RedisChoice): boolean {
  if (!spec.product || spec.workers > 1 || !chosen.includes('product')) return false;
  return redis === 'both' || spec.redis === redis;
}
