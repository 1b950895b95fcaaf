import type { CanonicalSource, ChangedEntity, EntityType, ProviderCommandContext } from '@byte8/core';
import type { Publisher } from '../publisher/publisher.js';
import { isConnected } from '../transport/resolve-ledger-auth.js';
import type { CliStorage } from './cli-context.js';

export interface ProviderCommandContextDeps {
  readonly provider: string;
  readonly storage: Pick<CliStorage, 'connections'>;
  readonly source: CanonicalSource;
  readonly publisher: Pick<Publisher, 'publishNow'>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/**
 * The `ProviderCommandContext` of `byte8 <cliName> <command>`: the host's
 * data through its `CanonicalSource`, publishing through the publisher.
 */
export function createProviderCommandContext(deps: ProviderCommandContextDeps): ProviderCommandContext {
  // `listEntities` pages by id, the host's feed by (changedAt, id): remember
  // where each handed-out page ended so the next call continues from there.
  const cursors = new Map<string, { at: Date; afterId: number }>();
  return {
    provider: deps.provider,
    async isConnected() {
      return isConnected(await deps.storage.connections.get(deps.provider));
    },
    loadInvoice: (id) => deps.source.invoice(id),
    async listEntities(entityType: EntityType, afterId: number | undefined, limit: number): Promise<ChangedEntity[]> {
      const cursor = afterId === undefined ? undefined : cursors.get(`${entityType}:${afterId}`);
      const page = await deps.source.changedSince({
        entityType,
        since: cursor?.at ?? new Date(0),
        afterId: cursor?.afterId ?? 0,
        limit,
      });
      const last = page[page.length - 1];
      if (last) cursors.set(`${entityType}:${last.id}`, { at: last.changedAt, afterId: last.id });
      return page;
    },
    publishNow: (event) => deps.publisher.publishNow(deps.provider, event),
    out: deps.out,
    err: deps.err,
  };
}
