import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { deriveSubkey } from './derive-subkeys.js';
import { signOutboundJwt } from './sign-outbound-jwt.js';

const SPEC_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJtYWdlbnRvIiwic3ViIjoiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAxIiwiYXVkIjoiYnl0ZTgtbGVkZ2VyIiwiaWF0IjoxNzY3MjI1NjAwLCJuYmYiOjE3NjcyMjU2MDAsImV4cCI6MTc2NzIyNTY2MCwianRpIjoiMTExMTExMTEtMjIyMi00MzMzLTg0NDQtNTU1NTU1NTU1NTU1In0.NqTt46ywgSe_phHplQPjf_9I635C-1jXAhR6kIN6gS0';
const TENANT = '00000000-0000-4000-8000-000000000001';
const subkey = deriveSubkey('test-master-key-0123456789', 'outbound');

describe('signOutboundJwt (wire-contract §3.2)', () => {
  it('reproduces the spec token byte for byte', () => {
    const token = signOutboundJwt(subkey, TENANT, {
      now: new Date(1767225600_000 + 999),
      jti: '11111111-2222-4333-8444-555555555555',
    });
    expect(token).toBe(SPEC_TOKEN);
  });

  it('verifies with an independent JWT library and carries a 60 s lifetime', async () => {
    const now = new Date();
    const token = signOutboundJwt(subkey, TENANT, { now });
    const { payload, protectedHeader } = await jwtVerify(token, subkey, {
      issuer: 'magento',
      audience: 'byte8-ledger',
      subject: TENANT,
      algorithms: ['HS256'],
    });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(Object.keys(payload)).toEqual(['iss', 'sub', 'aud', 'iat', 'nbf', 'exp', 'jti']);
    expect(payload.exp! - payload.iat!).toBe(60);
    expect(payload.nbf).toBe(payload.iat);
  });

  it('uses a fresh v4 jti for every token', () => {
    const jtis = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const token = signOutboundJwt(subkey, TENANT, { now: new Date() });
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
      expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      jtis.add(claims.jti);
    }
    expect(jtis.size).toBe(50);
  });

  it('refuses an empty tenant', () => {
    expect(() => signOutboundJwt(subkey, '', { now: new Date() })).toThrow(/not connected/);
  });
});
