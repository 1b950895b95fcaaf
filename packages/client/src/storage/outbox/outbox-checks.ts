import { OUTBOX_STATUSES } from '@byte8/core';

/** Refuses anything but positive safe integers, naming the method (ids come from the CLI and admin forms). */
export function checkIds(method: string, ids: readonly number[]): void {
  if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new TypeError(`${method}: ids must be positive integers`);
  }
}

/** Refuses a status filter the outbox does not have. */
export function checkStatus(status: unknown): void {
  if (status !== undefined && !(OUTBOX_STATUSES as readonly unknown[]).includes(status)) {
    throw new TypeError(`outbox: \`status\` must be one of ${OUTBOX_STATUSES.join(', ')}`);
  }
}
