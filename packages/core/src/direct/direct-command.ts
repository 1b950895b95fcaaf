import type { OutboxCount } from '../ports/outbox-store.js';
import type { ProviderCommandOption } from '../provider/provider-command.js';
import type { DirectConnection } from './direct-connection.js';

/** What a direct mode's CLI command works with: the attached connection and the provider's outbox. */
export interface DirectCommandContext {
  readonly provider: string;
  readonly connection: DirectConnection;
  /** Outbox rows of this provider by status. */
  outboxCounts(): Promise<OutboxCount[]>;
  out(line: string): void;
  err(line: string): void;
}

/** A CLI command of a direct mode, exposed as `byte8 <cliName> <name>` (e.g. `byte8 sage direct:status`). */
export interface DirectCommand {
  readonly name: string;
  readonly description: string;
  readonly options: readonly ProviderCommandOption[];
  /** Returns the process exit code. */
  run(options: Readonly<Record<string, string | boolean | undefined>>, context: DirectCommandContext): Promise<number>;
}
