import { BYTE8_MODULE_FACTS } from '@byte8/testkit';
import { runProviderConformance } from '@byte8/testkit/conformance';
import { describe, expect, it } from 'vitest';
import { SAGE_PROVIDER_KEY, sageAccounting } from './sage-accounting.js';

const sage = sageAccounting();

describe('sageAccounting()', () => {
  it('groups its command under `byte8 sage` (the Magento command is byte8:sage:invoice:sync)', () => {
    expect([SAGE_PROVIDER_KEY, sage.cliName]).toEqual(['sage_accounting', 'sage']);
  });

  it('sends product.upserted for catalog and stock saves alike, under one key', () => {
    const fromProduct = sage.eventsFor({ kind: 'product', change: { after: { id: 11 } } });
    const fromStock = sage.eventsFor({ kind: 'stock', change: { productId: 11 } });
    expect(fromProduct.map((e) => e.idempotencyKey)).toEqual(['product.upserted:11']);
    expect(fromStock).toEqual(fromProduct);
  });
});

// Key, routes, observers, labels (sage-and-providers a.1/a.2), then the rules,
// keys, payloads and envelopes of wire-contract §6.1 / §6.2.
runProviderConformance(sage, { module: BYTE8_MODULE_FACTS.sage });
