import { describe, expect, it } from 'vitest';
import { CliError } from './errors';
import { parseWhen } from './when';

const NOW = Date.parse('2030-01-15T09:00:00.000Z');

describe('parseWhen', () => {
  it('reads a span from now in minutes, hours or days', () => {
    expect(parseWhen('45m', NOW)).toBe('2030-01-15T09:45:00.000Z');
    expect(parseWhen('2h', NOW)).toBe('2030-01-15T11:00:00.000Z');
    expect(parseWhen('3d', NOW)).toBe('2030-01-18T09:00:00.000Z');
  });

  it('reads an ISO date-time with an offset, as UTC', () => {
    expect(parseWhen('2030-02-01T10:30:00+01:00', NOW)).toBe('2030-02-01T09:30:00.000Z');
  });

  it('refuses anything else with a sentence that shows the forms', () => {
    for (const text of ['tomorrow', '2w', '5', '2030-02-01', '2030-13-01T00:00:00Z']) {
      expect(() => parseWhen(text, NOW)).toThrow(CliError);
    }
    expect(() => parseWhen('soon', NOW)).toThrow('Give a time like 45m, 2h, 3d');
  });
});
