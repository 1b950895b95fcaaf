import { randomBytes } from 'node:crypto';

export interface Flash {
  readonly kind: 'success' | 'error';
  readonly message: string;
  /** A pairing code to show exactly once. */
  readonly pairingCode?: { readonly provider: string; readonly code: string; readonly expiresAt: Date };
}

/**
 * One-shot messages between a POST and the page it redirects to (the
 * Post/Redirect/Get pattern). A pairing code is shown once: reading the flash
 * removes it, so a reload shows nothing. Process-local by design: the
 * plaintext code never leaves memory, and a lost flash only means
 * "generate again". Entries expire after `ttlMs` if never read.
 */
export class FlashStore {
  readonly #entries = new Map<string, { flash: Flash; expires: number }>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { ttlMs?: number; now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  put(flash: Flash): string {
    this.#sweep();
    const id = randomBytes(18).toString('base64url');
    this.#entries.set(id, { flash, expires: this.#now() + this.#ttlMs });
    return id;
  }

  take(id: string | undefined): Flash | null {
    if (!id) return null;
    const entry = this.#entries.get(id);
    this.#entries.delete(id);
    if (!entry || entry.expires < this.#now()) return null;
    return entry.flash;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [id, entry] of this.#entries) if (entry.expires < now) this.#entries.delete(id);
  }
}
