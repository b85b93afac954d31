import { CliError } from './errors';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const isUnit = (unit: string): unit is keyof typeof UNIT_MS => unit in UNIT_MS;

/**
 * A time for `notify snooze`: a span from now (`45m`, `2h`, `3d`) or an ISO date-time. The
 * server decides whether it is acceptable (in the future, at most 90 days ahead).
 */
export function parseWhen(text: string, now = Date.now()): string {
  const span = /^(\d+)([a-z])$/.exec(text);
  if (span?.[1] && span[2] && isUnit(span[2])) {
    return new Date(now + Number(span[1]) * UNIT_MS[span[2]]).toISOString();
  }
  const at = Date.parse(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(at)) return new Date(at).toISOString();
  throw new CliError(`Give a time like 45m, 2h, 3d or 2030-01-15T09:00:00Z, not "${text}".`);
}
