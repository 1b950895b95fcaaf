import { createHash } from 'node:crypto';
import type { Logger, SecretBox } from '@byte8/core';
import { AesGcmSecretBox, type SecretBoxKeyRing } from './aes-gcm-secret-box.js';

export interface CreateSecretBoxOptions {
  /** Key ring from configuration; required when `production`. */
  readonly encryption?: SecretBoxKeyRing | undefined;
  readonly production?: boolean | undefined;
  readonly logger: Logger;
}

/** Key id of the development key; values sealed under it are unreadable once real keys are configured. */
export const DEVELOPMENT_KEY_ID = 'dev-insecure';
// A public constant: anyone can open what it seals. Development only.
const DEVELOPMENT_KEY = createHash('sha256').update('byte8 development key: not secret, never use in production').digest('base64');

let warnedAboutDevelopmentKey = false;

/**
 * The master-key `SecretBox` for the composition root. Fails closed in
 * production without `encryption`; in development falls back to a public,
 * fixed key and warns (once per process) that stored keys are not protected.
 *
 * @example
 * const secretBox = createSecretBox({ encryption: config.encryption, production: true, logger });
 */
export function createSecretBox(options: CreateSecretBoxOptions): SecretBox {
  if (options.encryption) return new AesGcmSecretBox(options.encryption);
  if (options.production) {
    throw new Error('encryption: required in production (a key ring { keys: { <id>: <base64 32 bytes> }, activeKeyId }) to encrypt the ledger master key at rest');
  }
  if (!warnedAboutDevelopmentKey) {
    warnedAboutDevelopmentKey = true;
    options.logger.warn(
      { setting: 'encryption' },
      'byte8: NO ENCRYPTION KEY CONFIGURED - the ledger master key is stored under a public development key. Set `encryption` before going live.',
    );
  }
  return new AesGcmSecretBox({ keys: { [DEVELOPMENT_KEY_ID]: DEVELOPMENT_KEY }, activeKeyId: DEVELOPMENT_KEY_ID });
}
