import { formatWireTimestamp } from '@byte8/core';

/** A Medusa date as the wire's `YYYY-MM-DDTHH:MM:SSZ`, or null when absent or unparseable. */
export function wireTime(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : formatWireTimestamp(date);
}

/** Required wire timestamps fall back to `''` (wire-contract §8). */
export function requiredWireTime(value: string | Date | null | undefined): string {
  return wireTime(value) ?? '';
}
