import { describe, expect, it } from 'vitest';
import { serializeEnvelope } from './envelope.js';
import { phpJsonEncode } from './php-json.js';
import { formatWireTimestamp } from './timestamps.js';

describe('serializeEnvelope (wire-contract §6.2)', () => {
  it('writes members in contract order, compact, whatever the input order', () => {
    const body = serializeEnvelope({
      payload: { increment_id: '000000042', paid: false },
      occurred_at: '2026-04-30T10:11:12Z',
      store_id: 1,
      website_id: 1,
      magento_entity_id: 42,
    });
    expect(body).toBe(
      '{"magento_entity_id":42,"website_id":1,"store_id":1,"occurred_at":"2026-04-30T10:11:12Z","payload":{"increment_id":"000000042","paid":false}}',
    );
  });

  it('keeps an empty payload as an object', () => {
    expect(
      serializeEnvelope({ magento_entity_id: 7, website_id: 0, store_id: 0, occurred_at: '2026-04-30T10:11:12Z', payload: {} }),
    ).toContain('"payload":{}');
  });

  it('rejects extra members, non-positive ids and a non-UTC timestamp', () => {
    const ok = { magento_entity_id: 7, website_id: 0, store_id: 0, occurred_at: '2026-04-30T10:11:12Z', payload: {} };
    expect(() => serializeEnvelope({ ...ok, extra: 1 } as never)).toThrow();
    expect(() => serializeEnvelope({ ...ok, magento_entity_id: 0 })).toThrow();
    expect(() => serializeEnvelope({ ...ok, occurred_at: '2026-04-30T10:11:12+00:00' })).toThrow(/occurred_at/);
  });
});

describe('phpJsonEncode', () => {
  it('leaves slashes alone and escapes non-ASCII like PHP', () => {
    expect(phpJsonEncode({ url: 'a/b', name: 'Café ☕', emoji: '😀' })).toBe(
      '{"url":"a/b","name":"Caf\\u00e9 \\u2615","emoji":"\\ud83d\\ude00"}',
    );
  });
});

describe('formatWireTimestamp', () => {
  it('drops milliseconds and ends in Z', () => {
    expect(formatWireTimestamp(new Date('2026-04-30T10:11:12.987Z'))).toBe('2026-04-30T10:11:12Z');
  });
});
