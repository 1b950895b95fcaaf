import { contactFixture, guestContactFixture, invoiceLineFixture } from '@byte8/testkit';
import { describe, expect, it } from 'vitest';
import { resolveSagePolicy } from '../policy/sage-policy.js';
import { exchangeRateOf } from './artefact-lines.js';
import { routesToFallback } from './b2c-routing.js';
import { contactName, fallbackIdentity, individualIdentity } from './contact-identity.js';
import { documentReference } from './invoice-payload.js';
import { bankAccountFor } from './payment-payload.js';
import { euGoodsServicesType, isCrossBorder, lineTaxRateId, percentageKey, shippingTaxRateId } from './tax-routing.js';
import { decodeEntities } from './text-fields.js';

const policy = (options: Parameters<typeof resolveSagePolicy>[0] = {}) => resolveSagePolicy({ defaultTaxRateId: 'GB_STANDARD', ...(options as object) });

describe('contact identity (b.6, b.8 §23, e.13)', () => {
  it('is M{id} in the base currency and M{id}{initial} otherwise, always within 10 characters', () => {
    const p = policy();
    expect(individualIdentity(contactFixture({ magento_id: 5 }), 'GBP', p)).toEqual({ kind: 'contact', hostKey: '5:GBP', reference: 'M5', currency: 'GBP' });
    expect(individualIdentity(contactFixture({ magento_id: 5 }), 'EUR', p).reference).toBe('M5E');
    const long = individualIdentity(contactFixture({ magento_id: 123_456_789_012 }), 'USD', p);
    expect(long.reference.length).toBeLessThanOrEqual(10);
    expect(long.reference).toBe(`M${(123_456_789_012).toString(36).toUpperCase()}U`);
  });

  it('derives a guest from the email (case and spaces ignored), G + 9 hex, 8 + initial in a foreign currency', () => {
    const p = policy();
    const a = individualIdentity(guestContactFixture({ email: 'Ann@Example.com ' }), 'GBP', p);
    const b = individualIdentity(guestContactFixture({ email: 'ann@example.com' }), 'GBP', p);
    expect(a).toEqual(b);
    expect(a.reference).toMatch(/^G[0-9A-F]{9}$/);
    const eur = individualIdentity(guestContactFixture({ email: 'ann@example.com' }), 'EUR', p);
    expect(eur.reference).toMatch(/^G[0-9A-F]{8}E$/);
    expect(eur.hostKey).not.toBe(a.hostKey);
  });

  it('names the contact by customer_name_priority (b.5) and suffixes the fallback reference per currency (b.7)', () => {
    const both = contactFixture({ company: 'Doe Ltd' });
    expect(contactName(both, policy()).name).toBe('Doe Ltd');
    expect(contactName(both, policy({ customerNamePriority: 'Person' })).name).toBe('Jane Doe');
    expect(contactName(contactFixture({ first_name: null, last_name: null, company: null }), policy()).name).toBe('jane@example.com');
    expect(fallbackIdentity('EUR', policy()).reference).toBe('WEBSALESE');
    expect(fallbackIdentity('EUR', policy({ b2cConsolidation: { fallbackContactReference: 'TENCHARSXX' } })).reference).toBe('TENCHARSXE');
  });
});

describe('B2C routing (b.7), first match wins', () => {
  const on = policy({ b2cConsolidation: { enabled: true, minTotalForIndividual: 100 } });
  const guest = guestContactFixture();
  it('routes small first-time buyers to the fallback and everyone else to their own contact', () => {
    expect(routesToFallback(policy(), guest, 10, false)).toBe(false);
    expect(routesToFallback(on, guest, 10, false)).toBe(true);
    expect(routesToFallback(on, { ...guest, company: 'Acme' }, 10, false)).toBe(false);
    expect(routesToFallback(policy({ b2cConsolidation: { enabled: true, alwaysIndividualForB2b: false } }), { ...guest, company: 'Acme' }, 10, false)).toBe(true);
    expect(routesToFallback(on, guest, 10, true)).toBe(false);
    expect(routesToFallback(on, guest, 100, false)).toBe(false);
    expect(routesToFallback(on, guest, 99.99, false)).toBe(true);
  });
});

describe('tax routing (b.4, b.6)', () => {
  it('maps the rounded percentage, falls back to the default, and zero rates cross-border lines', () => {
    const p = policy({ taxRateMap: { ' 20.0 ': 'GB_STANDARD', '5': 'GB_LOWER' } });
    expect(Object.keys(p.taxRateMap).sort()).toEqual(['20.00', '5.00']);
    expect(percentageKey(0.2)).toBe('20.00');
    expect(lineTaxRateId(p, invoiceLineFixture({ tax_rate: 0.05 }), false)).toBe('GB_LOWER');
    expect(lineTaxRateId(p, invoiceLineFixture({ tax_rate: 0.175 }), false)).toBe('GB_STANDARD');
    expect(lineTaxRateId(p, invoiceLineFixture({ tax_rate: null }), false)).toBe('GB_STANDARD');
    expect(lineTaxRateId(p, invoiceLineFixture({ tax_rate: 0.2 }), true)).toBe('GB_ZERO');
    expect(() => lineTaxRateId(resolveSagePolicy({}), invoiceLineFixture({ tax_rate: 0.175 }), false)).toThrow('policy.defaultTaxRateId');
  });

  it('zero rates untaxed shipping (§32) and routes taxed shipping by its percentage', () => {
    const p = policy({ taxRateMap: { '5': 'GB_LOWER' } });
    expect(shippingTaxRateId(p, 5, 0, false)).toBe('GB_ZERO');
    expect(shippingTaxRateId(p, 5, 0.25, false)).toBe('GB_LOWER');
    expect(shippingTaxRateId(p, 5, 1, false)).toBe('GB_STANDARD');
    expect(shippingTaxRateId(p, 5, 1, true)).toBe('GB_ZERO');
  });

  it('knows cross-border by the billing country, and coerces mixed goods and services to the default', () => {
    const p = policy();
    expect(isCrossBorder(p, 'FR')).toBe(true);
    expect(isCrossBorder(p, 'gb')).toBe(false);
    expect(isCrossBorder(p, null)).toBe(false);
    expect(euGoodsServicesType(p, [invoiceLineFixture({ product_type: 'virtual' })])).toEqual({ type: 'SERVICES', coerced: false });
    expect(euGoodsServicesType(p, [invoiceLineFixture(), invoiceLineFixture({ product_type: 'virtual' })])).toEqual({ type: 'GOODS', coerced: true });
    expect(euGoodsServicesType(policy({ defaultEuGoodsServicesType: 'SERVICES' }), [invoiceLineFixture({ product_type: 'custom_kit' })])).toEqual({ type: 'SERVICES', coerced: false });
  });
});

describe('documents and payments', () => {
  it('prefixes references once, within 25 characters (b.5, c.7)', () => {
    expect(documentReference(policy({ invoiceNumberPrefix: 'WEB-' }), '000000042')).toBe('WEB-000000042');
    expect(documentReference(policy({ invoiceNumberPrefix: 'WEB-' }), 'WEB-000000042')).toBe('WEB-000000042');
    expect(documentReference(policy(), 'x'.repeat(40))).toHaveLength(25);
  });

  it('picks the payment bank account by the decision tree of b.3', () => {
    const p = policy({ paymentMethodMap: { stripe: 'card', checkmo: null }, defaultBankAccountId: 'current' });
    expect(bankAccountFor(p, 'stripe')).toBe('card');
    expect(bankAccountFor(p, 'checkmo')).toBeNull();
    expect(bankAccountFor(p, 'paypal')).toBe('current');
    expect(bankAccountFor(policy(), 'paypal')).toBeNull();
    expect(bankAccountFor(p, 'toString')).toBe('current');
  });

  it('sends an exchange rate only for a foreign currency (b.6, c.8)', () => {
    const p = policy();
    expect(exchangeRateOf(p, 'GBP', 1.17)).toBeNull();
    expect(exchangeRateOf(p, 'EUR', 1)).toBeNull();
    expect(exchangeRateOf(p, 'EUR', null)).toBeNull();
    expect(exchangeRateOf(p, 'EUR', 1.1734567891234)).toBe(1.1734567891);
  });

  it('decodes HTML entities Sage rejects in descriptions (b.8 §22)', () => {
    expect(decodeEntities('Tote&trade; &amp; Bag &#8482; &#x2122; &unknown;')).toBe('Tote™ & Bag ™ ™ unknown');
  });
});
