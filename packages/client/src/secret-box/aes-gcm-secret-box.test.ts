import { randomBytes } from 'node:crypto';
import type { Logger } from '@byte8/core';
import { describe, expect, it } from 'vitest';
import { AesGcmSecretBox } from './aes-gcm-secret-box.js';
import { createSecretBox } from './create-secret-box.js';

const key = () => randomBytes(32).toString('base64');

describe('AesGcmSecretBox', () => {
  it('round-trips and never stores the plaintext', () => {
    const box = new AesGcmSecretBox({ keys: { k1: key() }, activeKeyId: 'k1' });
    const sealed = box.seal('byte8_lk_master');
    expect(sealed).toMatch(/^v1:k1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain('byte8_lk_master');
    expect(box.seal('byte8_lk_master')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('byte8_lk_master');
  });

  it('opens values sealed under an older key after rotation', () => {
    const k1 = key();
    const old = new AesGcmSecretBox({ keys: { k1 }, activeKeyId: 'k1' }).seal('secret');
    const rotated = new AesGcmSecretBox({ keys: { k1, k2: key() }, activeKeyId: 'k2' });
    expect(rotated.open(old)).toBe('secret');
    expect(rotated.seal('secret')).toMatch(/^v1:k2:/);
  });

  it('refuses a tampered value, a swapped key id and an unknown key id', () => {
    const k1 = key();
    const box = new AesGcmSecretBox({ keys: { k1, k2: key() }, activeKeyId: 'k1' });
    const sealed = box.seal('secret');
    const parts = sealed.split(':');
    const flipped = Buffer.from(parts[4]!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => box.open([...parts.slice(0, 4), flipped.toString('base64url')].join(':'))).toThrow(/tampered/);
    expect(() => box.open(sealed.replace('v1:k1:', 'v1:k2:'))).toThrow(/tampered/);
    expect(() => box.open(sealed.replace('v1:k1:', 'v1:k9:'))).toThrow(/unknown key id "k9"/);
    expect(() => box.open('plaintext')).toThrow(/not a v1 sealed value/);
  });

  it('validates the key ring with the setting name', () => {
    expect(() => new AesGcmSecretBox({ keys: { k1: Buffer.alloc(16).toString('base64') }, activeKeyId: 'k1' })).toThrow(/encryption.keys.k1/);
    expect(() => new AesGcmSecretBox({ keys: { k1: key() }, activeKeyId: 'k2' })).toThrow(/encryption.activeKeyId/);
    expect(() => new AesGcmSecretBox({ keys: { 'bad:id': key() }, activeKeyId: 'bad:id' })).toThrow(/key id/);
  });
});

describe('createSecretBox', () => {
  const recorder = () => {
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, error() {}, warn: (_f, m) => warnings.push(m) };
    return { logger, warnings };
  };

  it('refuses to start in production without keys, naming the setting', () => {
    expect(() => createSecretBox({ production: true, logger: recorder().logger })).toThrow(/^encryption: required in production/);
  });

  it('uses the configured ring', () => {
    const encryption = { keys: { k1: key() }, activeKeyId: 'k1' };
    const box = createSecretBox({ encryption, production: true, logger: recorder().logger });
    expect(new AesGcmSecretBox(encryption).open(box.seal('x'))).toBe('x');
  });

  it('falls back to a development key in development and warns loudly once', () => {
    const { logger, warnings } = recorder();
    const first = createSecretBox({ logger });
    const second = createSecretBox({ logger });
    expect(second.open(first.seal('x'))).toBe('x');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/NO ENCRYPTION KEY CONFIGURED/);
  });
});
