import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '@byte8/core';

/** Key ring: key id -> base64 of 32 bytes; `activeKeyId` seals, every id opens. */
export interface SecretBoxKeyRing {
  readonly keys: Readonly<Record<string, string>>;
  readonly activeKeyId: string;
}

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * AES-256-GCM encryption at rest for master keys. Sealed values are
 * self-describing, `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts),
 * so a ring holding old and new keys opens values sealed under either:
 * rotate by adding a key, making it active, and re-pairing or re-sealing.
 *
 * @example
 * const box = new AesGcmSecretBox({ keys: { k1: base64Of32Bytes }, activeKeyId: 'k1' });
 * box.open(box.seal('byte8_lk_...')); // 'byte8_lk_...'
 */
export class AesGcmSecretBox implements SecretBox {
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly #activeKeyId: string;

  constructor(ring: SecretBoxKeyRing) {
    const keys = new Map<string, Buffer>();
    for (const [id, encoded] of Object.entries(ring.keys)) {
      if (!KEY_ID.test(id)) throw new Error(`encryption.keys: key id "${id}" must be 1-64 characters of A-Z a-z 0-9 _ -`);
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== 32) throw new Error(`encryption.keys.${id}: must be base64 of exactly 32 bytes (got ${key.length})`);
      keys.set(id, key);
    }
    if (!keys.has(ring.activeKeyId)) throw new Error(`encryption.activeKeyId: "${ring.activeKeyId}" is not one of encryption.keys`);
    this.#keys = keys;
    this.#activeKeyId = ring.activeKeyId;
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#keys.get(this.#activeKeyId)!, iv);
    cipher.setAAD(Buffer.from(`${VERSION}:${this.#activeKeyId}`));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
    return `${VERSION}:${this.#activeKeyId}:${parts.join(':')}`;
  }

  open(sealed: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new Error('secret box: not a v1 sealed value');
    const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
    const key = this.#keys.get(keyId);
    if (!key) throw new Error(`secret box: unknown key id "${keyId}" (add it to encryption.keys)`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(`${VERSION}:${keyId}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('secret box: sealed value was tampered with or the key is wrong');
    }
  }
}
