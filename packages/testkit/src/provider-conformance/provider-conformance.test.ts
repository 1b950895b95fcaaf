import {
  type AnyProviderEventRule,
  catalogEventRules,
  creditMemoCreatedRule,
  defineProvider,
  invoiceCreatedRule,
  invoicePaidRule,
  type Provider,
  type ProviderEventRule,
  providerLabels,
  salesEventRules,
} from '@byte8/core';
import { describe, expect, it } from 'vitest';
import { BYTE8_MODULE_FACTS } from '../vectors/byte8-module-facts.js';
import { moduleFactsCheck } from './module-facts-check.js';
import { PROVIDER_CHECKS } from './provider-checks.js';
import { runProviderConformance } from './run-provider-conformance.js';

const labels = providerLabels({ name: 'Acme Books', statusColumn: 'Acme Status' });
const acme = (events: readonly AnyProviderEventRule[]): Provider => defineProvider({ key: 'acme_books', labels, events });
const failing = (provider: Provider) => PROVIDER_CHECKS.filter((check) => !passes(() => check.run(provider))).map((check) => check.name);
function passes(run: () => void): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

// A provider on the core's rules passes with any subset of the events.
runProviderConformance(acme([...salesEventRules, ...catalogEventRules]));
runProviderConformance(acme([creditMemoCreatedRule]));

describe('the provider checks catch a provider that breaks the contract', () => {
  it('paid declared before created', () => {
    expect(failing(acme([invoicePaidRule, invoiceCreatedRule]))).toEqual([
      'declares invoice.created before invoice.paid, so one save that fires both enqueues created first',
      'fires on every (before, after) invoice state pair what wire-contract §6.1 says',
    ]);
  });

  it('invoice.created on every save instead of the insert edge', () => {
    const everySave: ProviderEventRule<'invoice'> = { ...invoiceCreatedRule, fire: ({ after }) => invoiceCreatedRule.fire({ before: null, after }) };
    expect(failing(acme([everySave]))).toEqual(['fires on every (before, after) invoice state pair what wire-contract §6.1 says']);
  });

  it('no id check, a key of its own, a payload member the contract does not have', () => {
    const noIdCheck: AnyProviderEventRule = {
      event: 'customer.upserted',
      on: 'customer',
      fire: ({ after }) => ({ eventName: 'customer.upserted', entityType: 'customer', entityId: after.id, websiteId: 0, storeId: 0, payload: {}, idempotencyKey: `customer.upserted:${after.id}`, upsert: true }),
    };
    expect(failing(acme([noIdCheck]))).toContain('fires nothing for an entity id that is not a positive integer');

    const ownKey: ProviderEventRule<'creditmemo'> = { ...creditMemoCreatedRule, fire: (change) => ({ ...creditMemoCreatedRule.fire(change)!, idempotencyKey: 'memo-9' }) };
    expect(failing(acme([ownKey]))).toContain('turns every event it fires into a valid wire envelope with the payload and key of its event');

    const extra: ProviderEventRule<'creditmemo'> = { ...creditMemoCreatedRule, fire: (change) => ({ ...creditMemoCreatedRule.fire(change)!, payload: { increment_id: '1', total: 5 } }) };
    expect(failing(acme([extra]))).toContain('turns every event it fires into a valid wire envelope with the payload and key of its event');
  });

  it('a provider object not made by defineProvider, with a chip missing', () => {
    const base = acme(salesEventRules);
    const chipless = { ...base, labels: { ...base.labels, chips: { ...base.labels.chips, skipped: '' } } } as Provider;
    expect(failing(chipless)).toEqual(['has labels for every chip, a pairing route under /V1/byte8 and at least one subscription']);
  });
});

describe('the module facts check', () => {
  it('passes a provider that declares what the module does and names what differs otherwise', () => {
    const check = moduleFactsCheck(BYTE8_MODULE_FACTS.freeagent);
    const freeagent = defineProvider({ key: 'freeagent', labels: providerLabels(BYTE8_MODULE_FACTS.freeagent.labels), events: salesEventRules });
    expect(() => check.run(freeagent)).not.toThrow();
    // The route FreeAgent's docs give, not the one its code serves (sage-and-providers (e) 2).
    const docsRoute = defineProvider({ key: 'freeagent', labels: freeagent.labels, events: salesEventRules, pairingPath: '/V1/byte8/freeagent/setup/pair' });
    expect(() => check.run(docsRoute)).toThrow(/^pairingPath: /);
    // Product sync, as FreeAgent's docs claim and its code does not do.
    const withProducts = defineProvider({ key: 'freeagent', labels: freeagent.labels, events: [...salesEventRules, ...catalogEventRules] });
    expect(() => check.run(withProducts)).toThrow(/^subscriptions: /);
  });
});
