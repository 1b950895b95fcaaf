import type { EntityType } from '../sync/entity-types.js';
import type { ProviderDefinition } from './define-provider.js';

/** The entity types a provider's rules listen to (a stock change is a product). */
export function entityTypesOf(provider: Pick<ProviderDefinition, 'events'>): EntityType[] {
  const types = new Set<EntityType>();
  for (const rule of provider.events) types.add(rule.on === 'stock' ? 'product' : rule.on);
  return [...types];
}
