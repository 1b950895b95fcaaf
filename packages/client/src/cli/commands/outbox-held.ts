import type { CurrentTenant, HeldCount, OutboxStore } from '@byte8/core';
import type { Command } from 'commander';
import { isConnected } from '../../transport/resolve-ledger-auth.js';
import type { CliContext, CliStorage } from '../cli-context.js';
import { CommandFailure, UsageError } from '../cli-errors.js';
import type { RunAction } from '../run-action.js';

/** Each installed, paired provider with the tenant it is paired with now. */
export async function currentTenants(ctx: CliContext, storage: CliStorage): Promise<CurrentTenant[]> {
  const installed = new Set(ctx.providers.map((p) => p.key));
  return (await storage.connections.list())
    .filter((record) => installed.has(record.provider) && isConnected(record))
    .map((record) => ({ provider: record.provider, tenantId: record.tenantId! }));
}

/** Held rows of the installed providers (optionally one), with the tenant each would go to. */
export async function heldSummary(
  ctx: CliContext,
  outbox: Pick<OutboxStore, 'heldCounts'>,
  current: readonly CurrentTenant[],
  provider?: string,
): Promise<Array<HeldCount & { readonly currentTenantId: string }>> {
  const scoped = current.filter((c) => provider === undefined || c.provider === provider);
  const counts = await outbox.heldCounts(scoped);
  return counts.map((c) => ({ ...c, currentTenantId: scoped.find((s) => s.provider === c.provider)!.tenantId }));
}

/** Lines `outbox inspect` and `outbox held` print for held rows. */
export function heldLines(held: Awaited<ReturnType<typeof heldSummary>>): string[] {
  return held.flatMap((h) => [
    `${h.count} event(s) of ${h.provider} held: queued for previous tenant(s) ${h.tenants.join(', ') || '(none)'}, not sent to the current tenant ${h.currentTenantId}.`,
    `  Send them to ${h.currentTenantId}:  byte8 outbox held --readdress --provider ${h.provider}`,
    `  Drop them:${' '.repeat(h.currentTenantId.length + 7)}byte8 outbox held --drop --provider ${h.provider}`,
  ]);
}

/**
 * `byte8 outbox held`: rows enqueued for a tenant before a re-pair to another
 * one. Lists them; `--readdress` sends them to the current tenant (in their
 * order), `--drop` deletes them.
 */
export function registerOutboxHeld(outbox: Command, ctx: CliContext, run: RunAction): void {
  outbox
    .command('held')
    .description('events held for a previous tenant: list them, or --readdress / --drop them (with --provider)')
    .option('--readdress', 'send them to the provider\'s current tenant')
    .option('--drop', 'delete them; they are never sent')
    .option('--provider <key>', 'the provider (required with --readdress or --drop when several are installed)')
    .action(
      run(async (options: { readdress?: boolean; drop?: boolean; provider?: string }) => {
        if (options.readdress && options.drop) throw new UsageError('pass at most one of --readdress or --drop');
        const action = options.readdress ? 'readdress' : options.drop ? 'drop' : null;
        const storage = await ctx.storage();
        const current = await currentTenants(ctx, storage);
        if (action === null) {
          const held = await heldSummary(ctx, storage.outbox, current, ctx.providerFilter(options.provider));
          if (ctx.settings.json) ctx.json({ held });
          else if (held.length === 0) ctx.out('No held events.');
          else for (const line of heldLines(held)) ctx.out(line);
          return 0;
        }
        const provider = ctx.provider(options.provider).key;
        const tenant = current.find((c) => c.provider === provider);
        if (!tenant) throw new CommandFailure(`${provider} is not paired: pair it first, then send or drop its held events`);
        const changed = await storage.outbox.resolveHeld(provider, tenant.tenantId, action);
        if (ctx.settings.json) ctx.json({ provider, action, changed, tenantId: tenant.tenantId });
        else ctx.out(action === 'drop' ? `Dropped ${changed} held event(s) of ${provider}.` : `Sent ${changed} held event(s) of ${provider} to tenant ${tenant.tenantId}.`);
        return 0;
      }),
    );
}
