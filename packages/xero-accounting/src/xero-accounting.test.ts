import { BYTE8_MODULE_FACTS } from '@byte8/testkit';
import { runProviderConformance } from '@byte8/testkit/conformance';
import { describe, expect, it } from 'vitest';
import { XERO_PROVIDER_KEY, xeroAccounting } from './xero-accounting.js';

const xero = xeroAccounting();

describe('xeroAccounting()', () => {
  it('sends a capture-online invoice as invoice.created (paid) then invoice.paid, under the contract keys', () => {
    const fired = xero.eventsFor({ kind: 'invoice', change: { before: null, after: { id: 7, incrementId: 'INV-7', state: 'paid', websiteId: 1, storeId: 1 } } });
    expect(fired.map((e) => [e.idempotencyKey, e.payload])).toEqual([
      ['invoice.created:7', { increment_id: 'INV-7', paid: true }],
      ['invoice.paid:7', { increment_id: 'INV-7' }],
    ]);
  });

  it('keeps products out of Xero: catalog and stock saves send nothing (not in the Xero MVP)', () => {
    expect([...xero.eventsFor({ kind: 'product', change: { after: { id: 11 } } }), ...xero.eventsFor({ kind: 'stock', change: { productId: 11 } })]).toEqual([]);
  });

  it('is addressed as ?provider=xero and has no CLI group', () => {
    expect([XERO_PROVIDER_KEY, xero.webhookProviderParam, xero.commands.length]).toEqual(['xero', 'xero', 0]);
  });
});

// Key, routes, observers, labels (sage-and-providers a.1/a.2), then the rules,
// keys, payloads and envelopes of wire-contract §6.1 / §6.2.
runProviderConformance(xero, { module: BYTE8_MODULE_FACTS.xero });
