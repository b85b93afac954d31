import { writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { RunResult } from '../results';
import { LABEL, openStreams } from './format';
import { summarizeSystem } from './summary';

// Charts: vega-lite compiled to vega, rendered to SVG in Node, rasterised by resvg.

const COLORS = {
  domain: Object.values(LABEL),
  range: ['#1f77b4', '#2ca02c', '#9467bd', '#d62728', '#7f7f7f'],
};

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const CONFIG = { font: 'DejaVu Sans', background: 'white' };
const SYSTEM_COLOR = {
  field: 'system',
  type: 'nominal',
  scale: COLORS,
  legend: { orient: 'bottom', title: null },
} as const;

export function latencySpec(run: RunResult): TopLevelSpec {
  const values: { system: string; level: string; latency: number; fraction: number }[] = [];
  for (const sys of run.systems) {
    for (const level of run.settings.latencyLevels) {
      const all = run.reps
        .filter((r) => r.system === sys)
        .flatMap((r) => r.latency[String(level)]?.latencies ?? [])
        .sort((a, b) => a - b);
      all.forEach((latency, i) => {
        values.push({
          system: LABEL[sys],
          level: openStreams(level),
          latency: Math.max(0.05, latency),
          fraction: (i + 1) / all.length,
        });
      });
    }
  }
  return {
    $schema: SCHEMA,
    title: {
      text: 'Create-to-receive latency (CDF, all repetitions pooled)',
      subtitle: `${run.machine.cpus} cores, Node ${run.machine.node}, Redis ${run.machine.redis}, ${run.date.slice(0, 10)}`,
    },
    data: { values },
    facet: {
      column: {
        field: 'level',
        type: 'ordinal',
        sort: run.settings.latencyLevels.map(openStreams),
        title: null,
      },
    },
    spec: {
      width: 300,
      height: 260,
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: {
        x: {
          field: 'latency',
          type: 'quantitative',
          scale: { type: 'log' },
          title: 'latency (ms, log scale)',
          axis: { grid: true },
        },
        y: {
          field: 'fraction',
          type: 'quantitative',
          title: 'fraction of notifications',
          scale: { domain: [0, 1] },
        },
        color: SYSTEM_COLOR,
      },
    },
    config: CONFIG,
  };
}

export function rssSpec(run: RunResult): TopLevelSpec {
  const values: { system: string; streams: number; rss: number }[] = [];
  for (const sys of run.systems) {
    const summary = summarizeSystem(run, sys);
    for (const level of run.settings.rssLevels) {
      const v = summary.rss[String(level)];
      if (v !== undefined && Number.isFinite(v))
        values.push({ system: LABEL[sys], streams: level, rss: v / 2 ** 20 });
    }
  }
  const label = (filter: string, dy: number) => ({
    transform: [{ filter }],
    mark: { type: 'text' as const, dx: 4, dy, align: 'left' as const, fontSize: 11 },
    encoding: { text: { field: 'rss', type: 'quantitative' as const, format: '.0f' } },
  });
  return {
    $schema: SCHEMA,
    title: {
      text: 'Server RSS vs open idle streams (one process, median of repetitions)',
      subtitle: `after a forced GC; ${run.machine.cpus} cores, Node ${run.machine.node}, ${run.date.slice(0, 10)}`,
    },
    width: 560,
    height: 340,
    data: { values },
    encoding: {
      x: { field: 'streams', type: 'quantitative', title: 'open idle streams' },
      y: { field: 'rss', type: 'quantitative', title: 'RSS (MB)' },
      color: SYSTEM_COLOR,
    },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 } },
      { mark: { type: 'point', filled: true, size: 60 } },
      // Labels above the line, the raw floor's below it: the two low lines nearly touch.
      label("datum.system !== 'raw floor'", -10),
      label("datum.system === 'raw floor'", 14),
    ],
    config: CONFIG,
  };
}

/** Writes `<file>.svg` and `<file>.png`; returns their paths. */
export async function render(spec: TopLevelSpec, file: string): Promise<string[]> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  writeFileSync(`${file}.svg`, svg);
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  writeFileSync(`${file}.png`, png);
  return [`${file}.svg`, `${file}.png`];
}
