/**
 * Renders the Markdown table and the charts again from a results JSON (after a change to the
 * report, or for a run written by an older version of the bench).
 * Usage: tsx src/tools/report.ts results/<date>.json [outDir=results]
 */
import { readFileSync } from 'node:fs';
import type { RunResult } from '../results';
import { writeReport } from '../report/write';

const [file, outDir = 'results'] = process.argv.slice(2);
if (!file) throw new Error('usage: report.ts <results.json> [outDir]');
// Runs written before `discarded` and `foreign` existed lack them.
type Stored = Omit<RunResult, 'discarded' | 'reps'> &
  Partial<Pick<RunResult, 'discarded'>> & {
    summaries?: unknown;
    reps: (Omit<RunResult['reps'][number], 'foreign'> &
      Partial<Pick<RunResult['reps'][number], 'foreign'>>)[];
  };
const { summaries: _ignored, ...stored } = JSON.parse(readFileSync(file, 'utf8')) as Stored;
const raw: RunResult = {
  ...stored,
  discarded: stored.discarded ?? [],
  reps: stored.reps.map((rep) => ({ ...rep, foreign: rep.foreign ?? {} })),
};
const written = await writeReport(raw, outDir);
process.stdout.write(`${written.join('\n')}\n`);
