/** A stored Sage object, shaped as the API answers it (`id`, `displayed_as`, `$path`, ...). */
export type SageRecord = { readonly id: string; [field: string]: unknown };

/** How Sage nests a reference to another object (c.3). */
export interface SageRef {
  readonly id: string;
  readonly displayed_as: string;
  readonly $path: string;
}

export function refTo(resource: string, record: SageRecord): SageRef {
  return { id: record.id, displayed_as: String(record.displayed_as ?? record.id), $path: `/${resource}/${record.id}` };
}

/** Sage's timestamps: ISO 8601 in UTC, whole seconds. */
export function sageTimestamp(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}
