import type { HostHooks } from '@byte8/core';
import type { ShopDb } from '../db/shop-tables.js';

/** What the shop's operations need: its database and the connector's hooks. */
export interface ShopDeps {
  readonly db: ShopDb;
  readonly hooks: HostHooks;
}

/** A request the shop refuses (bad input or a wrong state); nothing was written. */
export class ShopError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShopError';
  }
}

/** Shop numbers: `INV-000042`. */
export function documentNumber(prefix: string, id: number): string {
  return `${prefix}-${String(id).padStart(6, '0')}`;
}

/** The demo runs one website and one store view, both id 1. */
export const WEBSITE_ID = 1;
export const STORE_ID = 1;

/** Refuses anything but a positive integer id before it reaches SQL. */
export function requireId(id: number, what: string): number {
  if (!Number.isSafeInteger(id) || id < 1) throw new ShopError(`Choose a valid ${what}.`);
  return id;
}
