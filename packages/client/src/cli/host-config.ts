import type { CanonicalSource, Provider } from '@byte8/core';
import type { Byte8Options } from '../app/byte8-types.js';
import type { Byte8Storage } from '../storage/byte8-storage.js';

/**
 * What a host's `byte8.config.mjs` exports (default export: this object, a
 * promise of it, or a function returning either). It is the same object the
 * host passes to `createByte8()` in-process, except that `storage` may be
 * the options of `createStorage()` instead of an open storage.
 *
 * @example
 * // byte8.config.mjs
 * import { sageAccounting } from '@byte8/sage-accounting';
 * import { shopCanonicalSource } from './dist/byte8-source.js';
 * export default {
 *   storage: { databaseUrl: process.env.DATABASE_URL },
 *   providers: [sageAccounting()],
 *   canonicalSource: shopCanonicalSource,
 *   encryption: { keys: { k1: process.env.BYTE8_KEY_K1 }, activeKeyId: 'k1' },
 *   production: true,
 *   reconciliation: { intervalMs: 60_000 },
 * };
 */
export interface Byte8HostConfig extends Partial<Omit<Byte8Options, 'storage' | 'providers' | 'canonicalSource'>> {
  readonly storage?: Byte8Storage | Readonly<Record<string, unknown>>;
  readonly providers?: readonly Provider[];
  readonly canonicalSource?: CanonicalSource;
}

/** Identity helper that gives a config module type checking. */
export function defineByte8Config<T extends Byte8HostConfig>(config: T): T {
  return config;
}

/** Duck-typing an open storage (a host may pass the instance it already uses). */
export function isOpenStorage(value: unknown): value is Byte8Storage {
  const candidate = value as Partial<Byte8Storage> | null;
  return !!candidate && typeof candidate.migrate === 'function' && typeof candidate.close === 'function' && !!candidate.outbox;
}
