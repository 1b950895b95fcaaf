import { type Provider, STANDARD_CHIPS } from '@byte8/core';
import { expect } from 'vitest';
import type { Byte8ModuleFacts } from '../vectors/byte8-module-facts.js';
import type { ProviderCheck } from './provider-checks.js';

/** A check that the provider declares what the Byte8 Magento module it stands for declares. */
export function moduleFactsCheck(facts: Byte8ModuleFacts): ProviderCheck {
  return {
    name: `declares what Byte8's ${facts.labels.name} module does (key, pairing route, webhook routing, observers, commands, tile, labels)`,
    run(provider: Provider) {
      const declared: Byte8ModuleFacts = {
        key: provider.key,
        pairingPath: provider.pairingPath,
        webhookProviderParam: provider.webhookProviderParam,
        subscriptions: provider.events.map((rule) => `${rule.on}:${rule.event}`),
        commands: provider.commands.map((command) => command.name),
        healthTile: provider.healthTile,
        labels: { name: provider.labels.name, statusColumn: provider.labels.statusColumn },
      };
      for (const field of Object.keys(facts) as (keyof Byte8ModuleFacts)[]) expect(declared[field], field).toEqual(facts[field]);
      // The chips of wire-contract §10.1 are the same in every module.
      expect(provider.labels.chips).toEqual(STANDARD_CHIPS);
    },
  };
}
