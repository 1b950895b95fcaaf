import { describe, expect, it } from 'vitest';
import { defineProvider, type ProviderInput } from './define-provider.js';
import { providerLabels, STANDARD_CHIPS } from './provider-labels.js';
import { catalogEventRules, salesEventRules } from './rules/event-rule-sets.js';

const labels = providerLabels({ name: 'Acme Books', statusColumn: 'Acme Status' });
const minimal: ProviderInput = { key: 'acme_books', labels, events: salesEventRules };

describe('defineProvider() defaults', () => {
  it('fills in the conventions of the namespaced providers', () => {
    const acme = defineProvider(minimal);
    expect(acme).toMatchObject({
      key: 'acme_books',
      cliName: 'acme-books',
      pairingPath: '/V1/byte8/acme_books_accounting/setup/pair',
      webhookProviderParam: 'acme_books',
      commands: [],
      healthTile: false,
    });
    expect(acme.events.map((r) => r.event)).toEqual(['invoice.created', 'invoice.paid', 'creditmemo.created', 'customer.upserted']);
  });

  it('keeps what the provider states, including a null webhook parameter', () => {
    const legacy = defineProvider({
      ...minimal,
      key: 'sage_accounting',
      cliName: 'sage',
      pairingPath: '/V1/byte8/setup/pair',
      webhookProviderParam: null,
      healthTile: true,
      events: [...salesEventRules, ...catalogEventRules],
    });
    expect([legacy.cliName, legacy.pairingPath, legacy.webhookProviderParam, legacy.healthTile]).toEqual(['sage', '/V1/byte8/setup/pair', null, true]);
    expect(legacy.events).toHaveLength(6);
  });

  it('freezes the provider, its events and its labels', () => {
    const acme = defineProvider(minimal);
    expect(Object.isFrozen(acme)).toBe(true);
    expect(Object.isFrozen(acme.events)).toBe(true);
    expect(Object.isFrozen(acme.labels.chips)).toBe(true);
    expect(() => (acme.events as unknown[]).push(salesEventRules[0])).toThrow();
  });
});

describe('defineProvider() refuses a bad definition, naming the setting', () => {
  it.each([
    ['a key with spaces', { key: 'Bad Key' }, /defineProvider\(Bad Key\): key: key must be lowercase snake_case/],
    ['a key over 32 characters', { key: 'a'.repeat(33) }, /: key: /],
    ['a CLI name in capitals', { cliName: 'Acme' }, /: cliName: cliName must be lowercase kebab-case/],
    ['a pairing path outside /V1/byte8', { pairingPath: '/pair' }, /: pairingPath: /],
    ['an empty webhook parameter', { webhookProviderParam: '' }, /: webhookProviderParam: /],
    ['an empty provider name', { labels: { ...labels, name: ' ' } }, /: labels\.name: must be a non-empty text/],
    ['a missing chip', { labels: { name: 'A', statusColumn: 'A Status', chips: { ...STANDARD_CHIPS, failed: undefined } } }, /: labels\.chips\.failed: /],
    ['events that are not a list', { events: 'all' }, /: events: events must be a list of rules/],
    ['a rule without fire', { events: [{ event: 'invoice.created', on: 'invoice' }] }, /: events\.0\.fire: must be a function/],
    ['a rule for an event the wire does not have', { events: [{ event: 'order.placed', on: 'invoice', fire: () => null }] }, /: events\.0\.event: must be one of invoice\.created, /],
    ['a rule on a change hosts do not report', { events: [{ event: 'invoice.paid', on: 'payment', fire: () => null }] }, /: events\.0\.on: must be one of invoice, creditmemo, customer, product, stock/],
    ['a command without run', { commands: [{ name: 'sync' }] }, /: commands\.0\.run: must be a function/],
    ['a health tile flag that is not a boolean', { healthTile: 'yes' }, /: healthTile: healthTile must be true or false/],
  ])('%s', (_name, override, message) => {
    expect(() => defineProvider({ ...minimal, ...(override as object) } as ProviderInput)).toThrow(message);
  });

  it('refuses the same subscription twice and a definition that is not an object', () => {
    expect(() => defineProvider({ ...minimal, events: [...salesEventRules, salesEventRules[0]!] })).toThrow(
      'defineProvider(acme_books): events: invoice:invoice.created is declared twice',
    );
    expect(() => defineProvider(null as never)).toThrow('defineProvider: expects a definition object');
  });
});
