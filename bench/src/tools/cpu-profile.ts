/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): self time by package and by function, and
 * inclusive time. Usage: tsx src/tools/cpu-profile.ts <file> [top=25] [fromSec toSec]
 * (fromSec/toSec: only samples in that window, seconds since the profile started; without
 * them, the script prints CPU busy time per second so a window can be chosen).
 */
import { readFileSync } from 'node:fs';

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Node {
  id: number;
  callFrame: Frame;
  children?: number[];
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node from the sample timeline (timeDeltas[i] precedes samples[i]).
const self = new Map<number, number>();
const from = fromArg ? Number(fromArg) * 1e6 : -Infinity;
const to = toArg ? Number(toArg) * 1e6 : Infinity;
const busyPerSecond: (number | undefined)[] = [];
let t = 0;
for (let i = 0; i < profile.samples.length; i += 1) {
  const id = profile.samples[i] ?? 0;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  t += profile.timeDeltas[i] ?? 0;
  const name = byId.get(id)?.callFrame.functionName;
  if (name !== '(idle)') {
    const sec = Math.floor(t / 1e6);
    busyPerSecond[sec] = (busyPerSecond[sec] ?? 0) + dt; // sparse until filled
  }
  if (t < from || t > to) continue;
  self.set(id, (self.get(id) ?? 0) + dt);
}
if (!fromArg) {
  process.stdout.write('busy ms per second of the profile:\n');
  process.stdout.write(
    `${Array.from(busyPerSecond, (v, i) => `${i}:${Math.round((v ?? 0) / 1000)}`).join(' ')}\n`,
  );
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

function pkgOf(url: string): string {
  if (!url) return '(native/vm)';
  const pnpm = /node_modules\/\.pnpm\/([^/]+)\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[2] ?? url;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1] ?? url;
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/apps/server/dist/')) return 'product (bundled @acme/*)';
  return url;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const byPkg = new Map<string, number>();
const byFn = new Map<string, number>();
for (const [id, t] of self) {
  const f = byId.get(id)?.callFrame;
  if (!f) continue;
  const name = f.functionName || '(anonymous)';
  add(byPkg, pkgOf(f.url), t);
  const where = f.url ? `${pkgOf(f.url)} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}` : '';
  add(byFn, `${name} ${where}`.trim(), t);
}

const pct = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)}%`;
const print = (title: string, m: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, v] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${pct(v)}  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}\n`);
  }
};
process.stdout.write(
  `${file}: ${(total / 1e6).toFixed(1)} s sampled over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s\n`,
);
print('self time by package', byPkg);
print('self time by function', byFn);

// Inclusive time: a sample counts once for every distinct function name on its stack.
const inclusive = new Map<string, number>();
for (const [id, t] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const f = byId.get(cur)?.callFrame;
    if (!f?.functionName) continue;
    const key = `${f.functionName} (${pkgOf(f.url)})`;
    if (seen.has(key)) continue;
    seen.add(key);
    add(inclusive, key, t);
  }
}
print('inclusive time by function', inclusive);
