/**
 * What one open stream leaves on the JS heap: compares two V8 heap snapshots of the same
 * server (written by `pnpm bench --heap-snapshot`, at 0 and N open streams) and prints the
 * change in object count and self size per constructor, divided by N.
 * Usage: node --max-old-space-size=8192 --import tsx src/tools/heap-diff.ts <0.heapsnapshot>
 *        <N.heapsnapshot> N [top=40]
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

interface Group {
  count: number;
  size: number;
}

function groups(file: string): Map<string, Group> {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const out = new Map<string, Group>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt] ?? 0] ?? '?';
    const name = snap.strings[snap.nodes[i + nameAt] ?? 0] ?? '?';
    const size = snap.nodes[i + sizeAt] ?? 0;
    const key =
      type === 'object' || type === 'native'
        ? name
        : type === 'closure'
          ? `(closure) ${name || 'anonymous'}`
          : type === 'string' || type === 'concatenated string' || type === 'sliced string'
            ? '(string)'
            : `(${type})`;
    const g = out.get(key) ?? { count: 0, size: 0 };
    g.count += 1;
    g.size += size;
    out.set(key, g);
  }
  return out;
}

const [before, after, nArg, topArg] = process.argv.slice(2);
if (!before || !after || !nArg) throw new Error('usage: heap-diff.ts <before> <after> N [top]');
const n = Number(nArg);
const top = Number(topArg ?? 40);
const a = groups(before);
const b = groups(after);
const rows: { key: string; count: number; size: number }[] = [];
for (const key of new Set([...a.keys(), ...b.keys()])) {
  const x = a.get(key) ?? { count: 0, size: 0 };
  const y = b.get(key) ?? { count: 0, size: 0 };
  rows.push({ key, count: (y.count - x.count) / n, size: (y.size - x.size) / n });
}
rows.sort((p, q) => q.size - p.size);
const total = rows.reduce((s, r) => s + r.size, 0);
process.stdout.write(
  `per stream (N=${n}): ${(total / 1024).toFixed(1)} KB of JS heap (self sizes)\n` +
    `${'bytes'.padStart(9)} ${'objects'.padStart(8)}  constructor\n`,
);
for (const r of rows.slice(0, top)) {
  process.stdout.write(
    `${r.size.toFixed(0).padStart(9)} ${r.count.toFixed(1).padStart(8)}  ${r.key}\n`,
  );
}
