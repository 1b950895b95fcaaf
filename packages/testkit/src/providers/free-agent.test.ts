import type { InvoiceSnapshot } from '@byte8/core';
import { describe, expect, it } from 'vitest';
import { freeAgent } from './free-agent.js';

const provider = freeAgent();
const invoice = (state: InvoiceSnapshot['state'], id = 42): InvoiceSnapshot => ({ id, incrementId: `INV-${id}`, state, websiteId: 1, storeId: 1 });

describe('freeAgent() test provider', () => {
  it('is a separate provider with its own key, route and webhook routing', () => {
    expect(provider.key).toBe('freeagent');
    expect(provider.pairingPath).toBe('/V1/byte8/freeagent/setup/pair');
    expect(provider.webhookProviderParam).toBe('freeagent');
    expect(provider.labels.statusColumn).toBe('FreeAgent Status');
    expect(provider.events.map((r) => r.event)).toEqual(['invoice.created', 'invoice.paid', 'creditmemo.created', 'customer.upserted']);
  });

  it('fires created then paid on a paid insert, paid alone on open -> paid, nothing when cancelled', () => {
    const names = (before: InvoiceSnapshot | null, after: InvoiceSnapshot) =>
      provider.eventsFor({ kind: 'invoice', change: { before, after } }).map((e) => e.idempotencyKey);
    expect(names(null, invoice('paid'))).toEqual(['invoice.created:42', 'invoice.paid:42']);
    expect(names(invoice('open'), invoice('paid'))).toEqual(['invoice.paid:42']);
    expect(names(invoice('paid'), invoice('paid'))).toEqual([]);
    expect(names(null, invoice('cancelled'))).toEqual([]);
    expect(names(null, invoice('open', 0))).toEqual([]);
  });

  it('sends credit memos and customers but never products or stock', () => {
    expect(provider.eventsFor({ kind: 'creditmemo', change: { before: null, after: { id: 3, incrementId: 'CN-3', websiteId: 1, storeId: 2 } } })).toHaveLength(1);
    const [customer] = provider.eventsFor({ kind: 'customer', change: { after: { id: 5, websiteId: 2 } } });
    expect(customer).toMatchObject({ idempotencyKey: 'customer.upserted:5', websiteId: 2, storeId: 0, payload: {}, upsert: true });
    expect(provider.eventsFor({ kind: 'product', change: { after: { id: 11 } } })).toEqual([]);
    expect(provider.eventsFor({ kind: 'stock', change: { productId: 11 } })).toEqual([]);
  });
});
