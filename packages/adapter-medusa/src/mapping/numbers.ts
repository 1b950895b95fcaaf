import type { Numeric } from './graph-types.js';

/**
 * A Medusa amount as a JSON number in major units. `query.graph` returns
 * plain numbers for totals and BigNumber-like objects for raw fields.
 */
export function toMoney(value: Numeric): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (typeof value === 'string') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : 0;
  }
  if (typeof value.numeric === 'number') return value.numeric;
  return toMoney(value.value ?? null);
}

/** Rounds to 4 decimals, enough for unit prices derived by division. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
