import { FULL, QUICK, type Settings } from './settings';
import { SYSTEMS, type SystemSpec } from './systems';

/** The command line of `pnpm bench` (see src/main.ts). */
export interface Options {
  settings: Settings;
  systems: SystemSpec[];
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
  const chosen = (option('systems') ?? 'product,seed,raw').split(',');
  const systems = SYSTEMS.filter((s) => chosen.includes(s.name));
  if (systems.length === 0) throw new Error(`--systems: none of ${chosen.join(', ')}`);
  return {
    settings,
    systems,
    build: flag('no-build') ? 'never' : flag('build') ? 'always' : 'auto',
    cpuProfile: flag('cpu-prof'),
    heapSnapshot: flag('heap-snapshot'),
    productEntry: option('product-entry'),
  };
}
