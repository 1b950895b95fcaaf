import { describe, expect, it } from 'vitest';
import { deriveSimSubkey } from '../crypto/derive-subkey.js';
import { mintInboundToken } from '../crypto/inbound-token.js';
import { jtiReplayKey } from '../crypto/jti-replay-key.js';
import { signHs256 } from '../crypto/sign-hs256.js';
import { verifyOutboundToken } from '../crypto/verify-outbound-token.js';
import { SPEC_VECTORS } from './spec-vectors.js';

const { subkeys, outboundToken, inboundToken } = SPEC_VECTORS;
const tenant = outboundToken.claims.sub;

describe('spec vectors (wire-contract §3.1–§3.3)', () => {
  it('derives both subkeys byte for byte', () => {
    expect(deriveSimSubkey(subkeys.masterKey, 'outbound').toString('hex')).toBe(subkeys.outboundHex);
    expect(deriveSimSubkey(subkeys.masterKey, 'inbound').toString('hex')).toBe(subkeys.inboundHex);
  });

  it('treats surrounding whitespace of the master key as the host does (trimmed)', () => {
    expect(deriveSimSubkey(`  ${subkeys.masterKey}\n`, 'outbound').toString('hex')).toBe(subkeys.outboundHex);
    expect(() => deriveSimSubkey('   ', 'inbound')).toThrow(/empty/);
  });

  it('signs the example outbound claims into exactly the example token', () => {
    expect(signHs256({ ...outboundToken.claims }, deriveSimSubkey(outboundToken.masterKey, 'outbound'))).toBe(outboundToken.token);
  });

  it('accepts the example outbound token at its time and rejects it once expired', () => {
    const key = deriveSimSubkey(outboundToken.masterKey, 'outbound');
    const options = { expectedTenant: tenant, keyFor: (t: string) => (t === tenant ? key : null), seen: () => false };
    const atIssue = verifyOutboundToken(outboundToken.token, { ...options, now: 1767225600 });
    expect(atIssue).toEqual({ ok: true, claims: outboundToken.claims });
    expect(verifyOutboundToken(outboundToken.token, { ...options, now: 1767225659 }).ok).toBe(true);
    expect(verifyOutboundToken(outboundToken.token, { ...options, now: 1767225660 })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyOutboundToken(outboundToken.token, { ...options, now: 1767225599 })).toEqual({ ok: false, reason: 'not_yet_valid' });
  });

  it('mints exactly the example inbound token from its claims', () => {
    const token = mintInboundToken({
      tenantId: tenant,
      subkey: deriveSimSubkey(inboundToken.masterKey, 'inbound'),
      now: inboundToken.claims.iat,
      ttlSeconds: 300,
      nbfBackdateSeconds: 0,
      jti: inboundToken.claims.jti,
    });
    expect(token).toBe(inboundToken.token);
  });

  it('computes the example jti cache key', () => {
    expect(jtiReplayKey(inboundToken.claims.jti)).toBe(inboundToken.jtiCacheKey);
  });
});
