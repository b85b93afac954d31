import type { SystemName } from '../protocol';

export const LABEL: Record<SystemName, string> = {
  product: 'this product',
  'product-workers': 'product (2 workers)',
  'product-cluster': 'product (cluster)',
  'product-cluster-wait': 'product (cluster, WAIT 1)',
  seed: 'seed (polling)',
  raw: 'raw floor',
};

export const count = (n: number) => n.toLocaleString('en-US');

/** e.g. "1 open stream", "5,000 open streams" */
export const openStreams = (n: number) => `${count(n)} open stream${n > 1 ? 's' : ''}`;

export const fmt = (v: number, digits = 1) =>
  Number.isFinite(v)
    ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    : '—';

export const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${fmt(a / b, a / b < 0.1 ? 3 : 2)}×` : '—';

export const mb = (b: number) => fmt(b / 2 ** 20, 1);
