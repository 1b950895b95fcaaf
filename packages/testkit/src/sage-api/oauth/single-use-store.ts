import { randomBytes } from 'node:crypto';

/**
 * Values handed out under a random key that serve once and expire: the
 * authorization codes (60 s, c.2) and the open sign-in requests. `take`
 * removes the entry whatever its age, so the caller can tell "expired" from
 * "unknown or used".
 */
export class SingleUseStore<T extends object> {
  readonly #entries = new Map<string, T & { readonly expiresAtMs: number }>();

  constructor(
    readonly ttlMs: number,
    readonly keyBytes: number,
  ) {}

  put(value: T, nowMs: number): string {
    const key = randomBytes(this.keyBytes).toString('base64url');
    this.#entries.set(key, { ...value, expiresAtMs: nowMs + this.ttlMs });
    return key;
  }

  take(key: string): (T & { readonly expiresAtMs: number }) | undefined {
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    return entry;
  }
}
