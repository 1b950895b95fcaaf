import { describe, expect, it } from 'vitest';
import { readJsonBody } from './read-json-body.js';

describe('readJsonBody', () => {
  it('maps camelCase members to snake_case; snake_case wins', () => {
    expect(readJsonBody('{"pairingCode":"a","tenant_id":"t","tenantId":"ignored","byte8ApiKey":"k"}')).toEqual({
      ok: true,
      params: { pairing_code: 'a', tenant_id: 't', byte8_api_key: 'k' },
    });
  });

  it('accepts bytes', () => {
    expect(readJsonBody(new TextEncoder().encode('{"a":1}'))).toEqual({ ok: true, params: { a: 1 } });
  });

  it.each([
    ['', /empty/],
    ['{"a":', /not valid JSON/],
    ['[1]', /JSON object/],
    ['null', /JSON object/],
  ])('refuses %j', (body, message) => {
    const result = readJsonBody(body);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
