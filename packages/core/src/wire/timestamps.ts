/** `YYYY-MM-DDTHH:MM:SSZ`, UTC, second precision (wire-contract §6.2, §8). */
export function formatWireTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export const WIRE_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
