import { z } from 'zod';
import type { HostChange } from '../host/host-changes.js';
import type { SyncStatus } from '../sync/sync-status.js';
import type { ProviderCommand } from './provider-command.js';
import type { AnyProviderEventRule, FiredEvent } from './provider-event.js';

/** Texts the admin surfaces show for a provider (wire-contract §10). */
export interface ProviderLabels {
  /** e.g. `Sage Accounting` (detail block title, settings page). */
  readonly name: string;
  /** e.g. `Sage Status` (list column header). */
  readonly statusColumn: string;
  readonly chips: Readonly<Record<SyncStatus | 'none', string>>;
}

export interface ProviderDefinition {
  /** The `provider` column of the mirror and the outbox, e.g. `sage_accounting`. */
  readonly key: string;
  /** Name of the provider's CLI group, e.g. `sage` gives `byte8 sage invoice:sync`. */
  readonly cliName: string;
  readonly labels: ProviderLabels;
  /** Anonymous pairing route under `/rest`, e.g. `/V1/byte8/setup/pair`. */
  readonly pairingPath: string;
  /** `?provider=` value on webhooks; null for the legacy default (Sage). */
  readonly webhookProviderParam: string | null;
  /** Subscriptions in enqueue order: the earlier rule's event is enqueued first. */
  readonly events: readonly AnyProviderEventRule[];
  readonly commands: readonly ProviderCommand[];
}

/** A provider ready to install: its definition plus the rule runner. */
export interface Provider extends ProviderDefinition {
  /** Runs every rule listening to this change, in declaration order. */
  eventsFor(change: HostChange): FiredEvent[];
}

const definitionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'key must be lowercase snake_case, at most 32 characters'),
  cliName: z.string().regex(/^[a-z][a-z0-9-]*$/, 'cliName must be lowercase kebab-case'),
  pairingPath: z.string().regex(/^\/V1\/byte8\/([a-z0-9_]+\/)?setup\/pair$/, 'pairingPath must look like /V1/byte8/<key>/setup/pair'),
  webhookProviderParam: z.string().min(1).nullable(),
});

/**
 * Declares a provider package (design §4). Validates at definition time and
 * fails with the offending setting's name.
 *
 * @example
 * export const freeAgent = () => defineProvider({
 *   key: 'freeagent', cliName: 'freeagent', labels,
 *   pairingPath: '/V1/byte8/freeagent/setup/pair', webhookProviderParam: 'freeagent',
 *   events: [invoiceCreated, invoicePaid, creditMemoCreated, customerUpserted],
 * });
 */
export function defineProvider(
  definition: Omit<ProviderDefinition, 'commands'> & { readonly commands?: readonly ProviderCommand[] },
): Provider {
  const checked = definitionSchema.safeParse(definition);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(`defineProvider(${String(definition.key)}): ${issue.path.join('.')}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const rule of definition.events) {
    const id = `${rule.on}:${rule.event}`;
    if (seen.has(id)) throw new Error(`defineProvider(${definition.key}): events: ${id} is declared twice`);
    seen.add(id);
  }
  const frozen: ProviderDefinition = Object.freeze({ ...definition, commands: definition.commands ?? [] });
  return Object.freeze({
    ...frozen,
    eventsFor(change: HostChange): FiredEvent[] {
      const fired: FiredEvent[] = [];
      for (const rule of frozen.events) {
        if (rule.on !== change.kind) continue;
        const event = (rule.fire as (c: HostChange['change']) => FiredEvent | null)(change.change);
        if (event) fired.push(event);
      }
      return fired;
    },
  });
}
