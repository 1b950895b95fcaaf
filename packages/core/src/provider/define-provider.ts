import { z } from 'zod';
import { HOST_CHANGE_KINDS, type HostChange } from '../host/host-changes.js';
import { SYNC_STATUSES } from '../sync/sync-status.js';
import { WIRE_EVENTS } from '../wire/event-names.js';
import type { ProviderCommand } from './provider-command.js';
import type { AnyProviderEventRule, FiredEvent } from './provider-event.js';
import type { ProviderLabels } from './provider-labels.js';
import { defaultPairingPath, providerShortName } from './provider-naming.js';

export interface ProviderDefinition {
  /** The `provider` column of the mirror and the outbox, e.g. `sage_accounting`. */
  readonly key: string;
  /** Name of the provider's CLI group, e.g. `sage` gives `byte8 sage invoice:sync`. */
  readonly cliName: string;
  readonly labels: ProviderLabels;
  /** Anonymous pairing route under `/rest`, e.g. `/V1/byte8/xero_accounting/setup/pair`. */
  readonly pairingPath: string;
  /** `?provider=` value on webhooks; null for the legacy default (Sage). */
  readonly webhookProviderParam: string | null;
  /** Subscriptions in enqueue order: the earlier rule's event is enqueued first. */
  readonly events: readonly AnyProviderEventRule[];
  /** `byte8 <cliName> <name>` commands; a provider without any gets no CLI group. */
  readonly commands: readonly ProviderCommand[];
  /** Whether the admin dashboard shows this provider's health tile (wire-contract §10.4; Byte8 has one for Sage only). */
  readonly healthTile: boolean;
}

/**
 * What a provider package passes to `defineProvider()`. Only the key, the
 * labels and the events are required; the rest follows the conventions of
 * Byte8's non-Sage modules (see the defaults below).
 */
export type ProviderInput = Pick<ProviderDefinition, 'key' | 'labels' | 'events'> &
  Partial<Omit<ProviderDefinition, 'key' | 'labels' | 'events'>>;

/** A provider ready to install: its definition plus the rule runner. */
export interface Provider extends ProviderDefinition {
  /** Runs every rule listening to this change, in declaration order. */
  eventsFor(change: HostChange): FiredEvent[];
}

const text = z.string().trim().min(1, 'must be a non-empty text');
const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function');
const definitionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'key must be lowercase snake_case, at most 32 characters'),
  cliName: z.string().regex(/^[a-z][a-z0-9-]*$/, 'cliName must be lowercase kebab-case'),
  labels: z.object({
    name: text,
    statusColumn: text,
    chips: z.object(Object.fromEntries([...SYNC_STATUSES, 'none'].map((status) => [status, text]))),
  }),
  pairingPath: z.string().regex(/^\/V1\/byte8\/([a-z0-9_]+\/)?setup\/pair$/, 'pairingPath must look like /V1/byte8/<key>/setup/pair'),
  webhookProviderParam: z.string().min(1).nullable(),
  events: z.array(
    z.object({
      event: z.enum(WIRE_EVENTS, `must be one of ${WIRE_EVENTS.join(', ')}`),
      on: z.enum(HOST_CHANGE_KINDS as [string, ...string[]], `must be one of ${HOST_CHANGE_KINDS.join(', ')}`),
      fire: fn,
    }),
    'events must be a list of rules',
  ),
  commands: z.array(z.object({ name: text, run: fn }), 'commands must be a list of commands'),
  healthTile: z.boolean('healthTile must be true or false'),
});

/**
 * Declares a provider package (design §4). Fills in the defaults, validates
 * at definition time and fails with the offending setting's name.
 *
 * Defaults: `cliName` is the key without `_accounting`, `_` as `-`
 * (`xero`); `pairingPath` is `/V1/byte8/<key>_accounting/setup/pair` (or
 * `/V1/byte8/<key>/setup/pair` when the key already ends in `_accounting`);
 * `webhookProviderParam` is the key; no commands; no health tile.
 *
 * @example
 * export const xeroAccounting = () => defineProvider({
 *   key: 'xero',
 *   labels: providerLabels({ name: 'Xero Accounting', statusColumn: 'Xero Status' }),
 *   events: salesEventRules,
 * });
 */
export function defineProvider(input: ProviderInput): Provider {
  if (typeof input !== 'object' || input === null) throw new Error('defineProvider: expects a definition object');
  const key = String(input.key);
  const definition: ProviderDefinition = {
    ...input,
    cliName: input.cliName ?? providerShortName(key),
    pairingPath: input.pairingPath ?? defaultPairingPath(key),
    webhookProviderParam: input.webhookProviderParam === undefined ? key : input.webhookProviderParam,
    commands: input.commands ?? [],
    healthTile: input.healthTile ?? false,
  };
  const checked = definitionSchema.safeParse(definition);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(`defineProvider(${key}): ${issue.path.join('.')}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const rule of definition.events) {
    const id = `${rule.on}:${rule.event}`;
    if (seen.has(id)) throw new Error(`defineProvider(${key}): events: ${id} is declared twice`);
    seen.add(id);
  }
  const frozen: ProviderDefinition = Object.freeze({ ...definition, events: Object.freeze([...definition.events]), commands: Object.freeze([...definition.commands]) });
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
