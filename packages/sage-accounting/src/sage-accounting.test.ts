import {
  emptyPayloadSchema,
  type FiredEvent,
  type HostChange,
  type InvoiceSnapshot,
  incrementIdPayloadSchema,
  invoiceCreatedPayloadSchema,
  serializeEnvelope,
} from '@byte8/core';
import { describe, expect, it } from 'vitest';
import { sageAccounting } from './sage-accounting.js';

const sage = sageAccounting();

const invoice = (state: InvoiceSnapshot['state'], id = 42): InvoiceSnapshot => ({
  id,
  incrementId: `0000000${id}`,
  state,
  websiteId: 2,
  storeId: 3,
});
const invoiceSaved = (before: InvoiceSnapshot | null, after: InvoiceSnapshot): FiredEvent[] =>
  sage.eventsFor({ kind: 'invoice', change: { before, after } });
const names = (events: FiredEvent[]): string[] => events.map((e) => e.eventName);

describe('sageAccounting() definition', () => {
  it('declares the Sage key, CLI group, pairing route, legacy webhook routing and labels', () => {
    expect(sage.key).toBe('sage_accounting');
    expect(sage.cliName).toBe('sage');
    expect(sage.pairingPath).toBe('/V1/byte8/setup/pair');
    expect(sage.webhookProviderParam).toBeNull();
    expect(sage.labels).toEqual({
      name: 'Sage Accounting',
      statusColumn: 'Sage Status',
      chips: { synced: '✓ Synced', pending: '⏳ Pending', skipped: '⏸ Skipped', failed: '✗ Failed', none: '—' },
    });
    expect(sage.commands.map((c) => c.name)).toEqual(['invoice:sync']);
  });

  it('subscribes to the five wire events, product twice (catalog and stock)', () => {
    expect(sage.events.map((r) => `${r.on}:${r.event}`)).toEqual([
      'invoice:invoice.created',
      'invoice:invoice.paid',
      'creditmemo:creditmemo.created',
      'customer:customer.upserted',
      'product:product.upserted',
      'stock:product.upserted',
    ]);
  });
});

describe('invoice rules (wire-contract §6.1)', () => {
  // Every (before, after) state pair of one invoice and what Magento's two observers send.
  const cases: [InvoiceSnapshot['state'] | null, InvoiceSnapshot['state'], string[]][] = [
    [null, 'open', ['invoice.created']],
    [null, 'paid', ['invoice.created', 'invoice.paid']],
    [null, 'cancelled', []],
    ['open', 'open', []],
    ['open', 'paid', ['invoice.paid']],
    ['open', 'cancelled', []],
    ['paid', 'paid', []],
    ['paid', 'open', []],
    ['paid', 'cancelled', []],
    ['cancelled', 'cancelled', []],
    ['cancelled', 'open', []],
    // A cancelled invoice turned paid is a transition into paid; Magento's observer fires too.
    ['cancelled', 'paid', ['invoice.paid']],
  ];
  it.each(cases)('%s -> %s fires %j', (before, after, expected) => {
    expect(names(invoiceSaved(before === null ? null : invoice(before), invoice(after)))).toEqual(expected);
  });

  it('invoice.created carries {increment_id, paid:false}, its key and the snapshot scope', () => {
    const [created] = invoiceSaved(null, invoice('open'));
    expect(created).toEqual({
      eventName: 'invoice.created',
      entityType: 'invoice',
      entityId: 42,
      websiteId: 2,
      storeId: 3,
      payload: { increment_id: '000000042', paid: false },
      idempotencyKey: 'invoice.created:42',
      upsert: false,
    });
    expect(invoiceCreatedPayloadSchema.parse(created!.payload)).toEqual(created!.payload);
  });

  it('a fresh paid insert gives created with paid:true, then paid with {increment_id}', () => {
    const [created, paid] = invoiceSaved(null, invoice('paid', 7));
    expect(created!.payload).toEqual({ increment_id: '00000007', paid: true });
    expect(paid).toEqual({
      eventName: 'invoice.paid',
      entityType: 'invoice',
      entityId: 7,
      websiteId: 2,
      storeId: 3,
      payload: { increment_id: '00000007' },
      idempotencyKey: 'invoice.paid:7',
      upsert: false,
    });
    expect(incrementIdPayloadSchema.parse(paid!.payload)).toEqual(paid!.payload);
  });

  it.each([0, -1, 1.5])('fires nothing for invoice id %s', (id) => {
    expect(invoiceSaved(null, invoice('paid', id))).toEqual([]);
    expect(invoiceSaved(invoice('open', id), invoice('paid', id))).toEqual([]);
  });

  it('sends website 0 when the host does not know the scope', () => {
    const [created] = invoiceSaved(null, { ...invoice('open'), websiteId: -1, storeId: Number.NaN });
    expect([created!.websiteId, created!.storeId]).toEqual([0, 0]);
  });
});

describe('credit memo, customer and product rules (wire-contract §6.1)', () => {
  const memo = { id: 9, incrementId: '100000009', websiteId: 1, storeId: 4 };

  it('creditmemo.created fires on every save with the same key, so repeats collapse', () => {
    const first = sage.eventsFor({ kind: 'creditmemo', change: { before: null, after: memo } });
    const again = sage.eventsFor({ kind: 'creditmemo', change: { before: memo, after: memo } });
    expect(first).toEqual([
      {
        eventName: 'creditmemo.created',
        entityType: 'creditmemo',
        entityId: 9,
        websiteId: 1,
        storeId: 4,
        payload: { increment_id: '100000009' },
        idempotencyKey: 'creditmemo.created:9',
        upsert: false,
      },
    ]);
    expect(again).toEqual(first);
    expect(sage.eventsFor({ kind: 'creditmemo', change: { before: null, after: { ...memo, id: 0 } } })).toEqual([]);
  });

  it("customer.upserted uses the customer's website, store 0, an empty payload, and is an upsert", () => {
    const fired = sage.eventsFor({ kind: 'customer', change: { after: { id: 5, websiteId: 3 } } });
    expect(fired).toEqual([
      {
        eventName: 'customer.upserted',
        entityType: 'customer',
        entityId: 5,
        websiteId: 3,
        storeId: 0,
        payload: {},
        idempotencyKey: 'customer.upserted:5',
        upsert: true,
      },
    ]);
    expect(emptyPayloadSchema.parse(fired[0]!.payload)).toEqual({});
    expect(sage.eventsFor({ kind: 'customer', change: { before: { id: 5, websiteId: 3 }, after: { id: 5, websiteId: 3 } } })).toHaveLength(1);
    expect(sage.eventsFor({ kind: 'customer', change: { after: { id: 0, websiteId: 3 } } })).toEqual([]);
  });

  it('product.upserted fires from catalog and stock saves alike, with one shared key and scope 0', () => {
    const fromProduct = sage.eventsFor({ kind: 'product', change: { after: { id: 11 } } });
    const fromStock = sage.eventsFor({ kind: 'stock', change: { productId: 11 } });
    const expected: FiredEvent = {
      eventName: 'product.upserted',
      entityType: 'product',
      entityId: 11,
      websiteId: 0,
      storeId: 0,
      payload: {},
      idempotencyKey: 'product.upserted:11',
      upsert: true,
    };
    expect(fromProduct).toEqual([expected]);
    expect(fromStock).toEqual([expected]);
    expect(sage.eventsFor({ kind: 'product', change: { after: { id: -3 } } })).toEqual([]);
    expect(sage.eventsFor({ kind: 'stock', change: { productId: 0 } })).toEqual([]);
  });

  it('every fired event makes a valid wire envelope', () => {
    const changes: HostChange[] = [
      { kind: 'invoice', change: { before: null, after: invoice('paid') } },
      { kind: 'creditmemo', change: { before: null, after: memo } },
      { kind: 'customer', change: { after: { id: 5, websiteId: 1 } } },
      { kind: 'stock', change: { productId: 11 } },
    ];
    const bodies = changes.flatMap((c) => sage.eventsFor(c)).map((e) =>
      serializeEnvelope({
        magento_entity_id: e.entityId,
        website_id: e.websiteId,
        store_id: e.storeId,
        occurred_at: '2026-04-30T10:11:12Z',
        payload: { ...e.payload },
      }),
    );
    expect(bodies[0]).toBe(
      '{"magento_entity_id":42,"website_id":2,"store_id":3,"occurred_at":"2026-04-30T10:11:12Z","payload":{"increment_id":"000000042","paid":true}}',
    );
    expect(bodies).toHaveLength(5);
    expect(bodies[4]).toBe('{"magento_entity_id":11,"website_id":0,"store_id":0,"occurred_at":"2026-04-30T10:11:12Z","payload":{}}');
  });
});
