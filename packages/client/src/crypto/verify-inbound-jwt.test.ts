import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSubkey } from './derive-subkeys.js';
import { type InboundKey, verifyInboundJwt } from './verify-inbound-jwt.js';
import { topLevelRawMembers } from './verify-inbound-jwt-raw-json.js';

const TENANT = '00000000-0000-4000-8000-000000000001';
const SPEC_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJieXRlOC1sZWRnZXIiLCJzdWIiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDEiLCJhdWQiOiJtYWdlbnRvIiwiaWF0IjoxNzY3MjI1NjAwLCJuYmYiOjE3NjcyMjU2MDAsImV4cCI6MTc2NzIyNTkwMCwianRpIjoiNjY2NjY2NjYtNzc3Ny00ODg4LTk5OTktYWFhYWFhYWFhYWFhIn0.Rww56hdKMcw6zOjwdd9MRVFeBYdy-WsKD-22-eLvlb8';
const sage: InboundKey = { provider: 'sage_accounting', tenantId: TENANT, subkey: deriveSubkey('test-master-key-0123456789', 'inbound') };
const other: InboundKey = { provider: 'freeagent', tenantId: 'tenant-b', subkey: deriveSubkey('another-master-key', 'inbound') };
const at = (seconds: number) => new Date(seconds * 1000);

/** An independent signer over raw JSON text, so tests can send what a JSON encoder would not. */
function sign(header: string, payload: string, key: Uint8Array): string {
  const input = `${Buffer.from(header).toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}
const HEADER = '{"alg":"HS256","typ":"JWT"}';

describe('verifyInboundJwt', () => {
  it('accepts the spec example token inside its validity window (wire-contract §3.3.2)', () => {
    expect(verifyInboundJwt(SPEC_TOKEN, [sage], at(1767225600))).toEqual({
      ok: true,
      provider: 'sage_accounting',
      tenantId: TENANT,
      jti: '66666666-7777-4888-9999-aaaaaaaaaaaa',
      expiresAt: at(1767225900),
    });
    expect(verifyInboundJwt(SPEC_TOKEN, [sage], at(1767225899)).ok).toBe(true);
    expect(verifyInboundJwt(SPEC_TOKEN, [sage], at(1767225900))).toEqual({ ok: false, reason: 'expired' });
  });

  it('finds the provider whose key signed the token when several are connected', () => {
    const token = sign(HEADER, `{"iss":"byte8-ledger","sub":"tenant-b","aud":"magento","iat":100,"nbf":100,"exp":400,"jti":"j"}`, other.subkey);
    expect(verifyInboundJwt(token, [sage, other], at(100))).toMatchObject({ ok: true, provider: 'freeagent', tenantId: 'tenant-b' });
    expect(verifyInboundJwt(SPEC_TOKEN, [other, sage], at(1767225600))).toMatchObject({ ok: true, provider: 'sage_accounting' });
  });

  it("rejects a token whose sub is another connected provider's tenant", () => {
    const token = sign(HEADER, `{"iss":"byte8-ledger","sub":"${TENANT}","aud":"magento","iat":100,"nbf":100,"exp":400,"jti":"j"}`, other.subkey);
    expect(verifyInboundJwt(token, [sage, other], at(100))).toEqual({ ok: false, reason: 'sub does not match the tenant' });
  });

  it('reports not connected before looking at the token', () => {
    expect(verifyInboundJwt('garbage', [], at(0))).toEqual({ ok: false, reason: 'cannot be verified: not connected' });
  });

  it('rejects times PHP would decode as floats even though JSON.parse sees integers', () => {
    const claims = (iat: string) => `{"iss":"byte8-ledger","sub":"${TENANT}","aud":"magento","iat":${iat},"nbf":100,"exp":400,"jti":"j"}`;
    for (const iat of ['100.0', '1e2', '"100"', 'true', 'null']) {
      expect(verifyInboundJwt(sign(HEADER, claims(iat), sage.subkey), [sage], at(100))).toEqual({ ok: false, reason: 'iat, nbf or exp missing or not an integer' });
    }
    expect(verifyInboundJwt(sign(HEADER, claims('100'), sage.subkey), [sage], at(100)).ok).toBe(true);
  });

  it('allows iat and nbf up to 30 s ahead, not 31', () => {
    const claims = (iat: number, nbf: number) => `{"iss":"byte8-ledger","sub":"${TENANT}","aud":"magento","iat":${iat},"nbf":${nbf},"exp":${iat + 300},"jti":"j"}`;
    expect(verifyInboundJwt(sign(HEADER, claims(130, 130), sage.subkey), [sage], at(100)).ok).toBe(true);
    expect(verifyInboundJwt(sign(HEADER, claims(131, 100), sage.subkey), [sage], at(100))).toEqual({ ok: false, reason: 'iat too far in the future' });
    expect(verifyInboundJwt(sign(HEADER, claims(100, 131), sage.subkey), [sage], at(100))).toEqual({ ok: false, reason: 'not yet valid (nbf)' });
  });

  it('allows a TTL of exactly 300 s and rejects 301', () => {
    const claims = (ttl: number) => `{"iss":"byte8-ledger","sub":"${TENANT}","aud":"magento","iat":100,"nbf":100,"exp":${100 + ttl},"jti":"j"}`;
    expect(verifyInboundJwt(sign(HEADER, claims(300), sage.subkey), [sage], at(100)).ok).toBe(true);
    expect(verifyInboundJwt(sign(HEADER, claims(301), sage.subkey), [sage], at(100))).toEqual({ ok: false, reason: 'TTL above the 300 s ceiling' });
  });

  it('checks the header before the signature and the signature before the claims', () => {
    const payload = '{"iss":"nobody"}';
    expect(verifyInboundJwt(sign('{"alg":"HS256"}', payload, sage.subkey), [sage], at(100))).toEqual({ ok: false, reason: 'unsupported typ' });
    expect(verifyInboundJwt(sign(HEADER, payload, other.subkey), [sage], at(100))).toEqual({ ok: false, reason: 'signature mismatch' });
    expect(verifyInboundJwt(sign(HEADER, payload, sage.subkey), [sage], at(100))).toEqual({ ok: false, reason: 'iss mismatch' });
  });

  it('rejects non-canonical base64url and padded segments', () => {
    const [h, p, s] = SPEC_TOKEN.split('.') as [string, string, string];
    expect(verifyInboundJwt(`${h}=.${p}.${s}`, [sage], at(1767225600)).ok).toBe(false);
    expect(verifyInboundJwt(`${h}.${p}.${s}=`, [sage], at(1767225600))).toEqual({ ok: false, reason: 'signature mismatch' });
    expect(verifyInboundJwt(`${h}.${p}.${s.slice(0, -1)}9`, [sage], at(1767225600))).toEqual({ ok: false, reason: 'signature mismatch' });
  });
});

describe('topLevelRawMembers', () => {
  it('returns the source text of each top-level value, skipping nested ones', () => {
    const raw = topLevelRawMembers('{ "a" : 1.0 , "b":{"iat":2,"c":[1,{"d":3}]},"e":"x,}y" ,"a":7}');
    expect(Object.fromEntries(raw!)).toEqual({ a: '7', b: '{"iat":2,"c":[1,{"d":3}]}', e: '"x,}y"' });
  });

  it('returns null for anything but an object', () => {
    expect(topLevelRawMembers('[1]')).toBeNull();
    expect(topLevelRawMembers('1')).toBeNull();
  });
});
