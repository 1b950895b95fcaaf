import { BYTE8_MODULE_FACTS } from '@byte8/testkit';
import { runProviderConformance } from '@byte8/testkit/conformance';
import { describe, expect, it } from 'vitest';
import { FREEAGENT_PROVIDER_KEY, freeAgentAccounting } from './freeagent-accounting.js';

const freeAgent = freeAgentAccounting();

describe('freeAgentAccounting()', () => {
  it('follows the module code, not its docs: a product save sends nothing (sage-and-providers (e) 6)', () => {
    expect(freeAgent.events.some((rule) => rule.event === 'product.upserted')).toBe(false);
    expect(freeAgent.eventsFor({ kind: 'product', change: { after: { id: 3 } } })).toEqual([]);
  });

  it('sends a refund as creditmemo.created on every save, one key, so the outbox sends it once', () => {
    const memo = { id: 12, incrementId: 'CM-12', websiteId: 1, storeId: 2 };
    const keys = [null, memo].flatMap((before) => freeAgent.eventsFor({ kind: 'creditmemo', change: { before, after: memo } }).map((e) => e.idempotencyKey));
    expect(keys).toEqual(['creditmemo.created:12', 'creditmemo.created:12']);
  });

  it('pairs on its own route under the freeagent_accounting namespace and is addressed as ?provider=freeagent', () => {
    expect(freeAgent.pairingPath.split('/')).toContain('freeagent_accounting');
    expect(freeAgent.webhookProviderParam).toBe(FREEAGENT_PROVIDER_KEY);
  });
});

// Key, routes, observers, labels (sage-and-providers a.1/a.2), then the rules,
// keys, payloads and envelopes of wire-contract §6.1 / §6.2.
runProviderConformance(freeAgent, { module: BYTE8_MODULE_FACTS.freeagent });
