// Refresh period in whole seconds within the build's bounds (packed builds: >= 30 s, the alarm minimum).
import { InvalidSettingsError } from '../../errors/errors.js';

export interface PeriodBounds {
  min: number;
  max: number;
}

export function parseRefreshPeriod(input: unknown, bounds: PeriodBounds): number {
  const n = typeof input === 'string' && input.trim() !== '' ? Number(input.trim()) : input;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new InvalidSettingsError('Refresh period must be a whole number of seconds');
  if (n < bounds.min || n > bounds.max) throw new InvalidSettingsError(`Refresh period must be between ${bounds.min} and ${bounds.max} seconds`);
  return n;
}
