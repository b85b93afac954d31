import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../results';
import { round } from '../stats';
import { latencySpec, render, rssSpec } from './charts';
import { markdown } from './markdown';
import { summarizeRun } from './summary';

/** Writes the run's JSON (every sample and the summaries), its Markdown table and charts. */
export async function writeReport(run: RunResult, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const stem = join(dir, `${run.date.slice(0, 10)}${run.mode === 'quick' ? '-quick' : ''}`);
  const summaries = summarizeRun(run);
  writeFileSync(`${stem}.json`, `${JSON.stringify({ ...run, summaries }, roundReplacer, 1)}\n`);
  const md = markdown(run);
  writeFileSync(`${stem}.md`, md);
  process.stdout.write(`\n${md}\n`);
  const files = [`${stem}.json`, `${stem}.md`];
  files.push(...(await render(latencySpec(run), `${stem}-latency-cdf`)));
  files.push(...(await render(rssSpec(run), `${stem}-rss`)));
  return files;
}

function roundReplacer(_key: string, value: unknown) {
  if (typeof value === 'number' && !Number.isInteger(value)) return round(value, 3);
  return value;
}
