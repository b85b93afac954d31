import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Paths } from './systems';

const bench = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const PATHS: Paths = {
  root: resolve(bench, '..'),
  bench,
  dist: join(bench, 'dist'),
  tmp: join(bench, 'results', 'tmp'),
};
