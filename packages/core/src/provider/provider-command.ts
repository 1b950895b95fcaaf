import type { Invoice } from '../canonical/invoice.js';
import type { ChangedEntity } from '../ports/canonical-source.js';
import type { EntityType } from '../sync/entity-types.js';
import type { WireEventName } from '../wire/event-names.js';

/** One option of a provider command, declared without a CLI library. */
export interface ProviderCommandOption {
  /** commander-style flags, e.g. `--id <id>` or `--all`. */
  readonly flags: string;
  readonly description: string;
  readonly defaultValue?: string;
}

/** Result of a synchronous publish (wire-contract §6.9). */
export type PublishNowResult =
  | { readonly kind: 'accepted'; readonly syncRunId: string }
  | { readonly kind: 'queued'; readonly reason: string }
  | { readonly kind: 'rejected'; readonly statusCode: number; readonly body: string };

/** What the client gives a provider command; commands never touch storage or HTTP directly. */
export interface ProviderCommandContext {
  readonly provider: string;
  isConnected(): Promise<boolean>;
  loadInvoice(id: number): Promise<Invoice | null>;
  /** Pages through every entity of a type, oldest first. */
  listEntities(entityType: EntityType, afterId: number | undefined, limit: number): Promise<ChangedEntity[]>;
  /** POSTs now; on a transient failure the event is put in the outbox instead. No mirror write. */
  publishNow(event: {
    readonly eventName: WireEventName;
    readonly entityId: number;
    readonly websiteId: number;
    readonly storeId: number;
    readonly payload: Readonly<Record<string, unknown>>;
    readonly idempotencyKey: string;
  }): Promise<PublishNowResult>;
  out(line: string): void;
  err(line: string): void;
}

/** A provider CLI command, exposed by the client CLI as `byte8 <cliName> <name>`. */
export interface ProviderCommand {
  readonly name: string;
  readonly description: string;
  readonly options: readonly ProviderCommandOption[];
  /** Returns the process exit code. */
  run(options: Readonly<Record<string, string | boolean | undefined>>, context: ProviderCommandContext): Promise<number>;
}
