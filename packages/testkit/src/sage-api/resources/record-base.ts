import { refTo, type SageRecord, type SageRef, sageTimestamp } from '../store/sage-record.js';
import type { Input } from '../validation/field-reader.js';
import type { ResourceContext } from '../api/resource-spec.js';

/** The fields every stored object starts with; an update keeps `id` and `created_at`. */
export function baseFields(resource: string, id: string, displayedAs: string, ctx: ResourceContext, existing?: SageRecord) {
  const now = sageTimestamp(ctx.now);
  return { id, displayed_as: displayedAs, $path: `/${resource}/${id}`, created_at: existing?.created_at ?? now, updated_at: now };
}

export const refOrNull = (resource: string, record: SageRecord | undefined): SageRef | null => (record === undefined ? null : refTo(resource, record));

/**
 * The request object a PUT is checked as: the last accepted one with the new
 * fields laid over it (nested objects one level deep, arrays replaced whole).
 */
export function mergeInput(previous: Input, changes: Input): Input {
  const merged: Input = { ...previous };
  for (const [key, value] of Object.entries(changes)) {
    const before = merged[key];
    const bothObjects = [before, value].every((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
    merged[key] = bothObjects ? { ...(before as Input), ...(value as Input) } : value;
  }
  return merged;
}
