import type { z } from 'zod';

/**
 * Validates an entity and returns it as the wire shape: keys in the contract's
 * order (the schema's order), null and undefined members omitted (Magento's
 * webapi drops nullable getters that return null, wire-contract §7.1).
 * Throws a `ZodError` when the host produced an invalid entity.
 */
export function toWire<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  return omitNulls(schema.parse(value)) as z.output<S>;
}

function omitNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === null || member === undefined) continue;
    out[key] = omitNulls(member);
  }
  return out;
}
