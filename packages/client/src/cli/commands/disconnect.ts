import type { Command } from 'commander';
import { isConnected, resolveLedgerAuth } from '../../transport/resolve-ledger-auth.js';
import type { CliContext } from '../cli-context.js';
import { ledgerWiring } from '../ledger-wiring.js';
import type { RunAction } from '../run-action.js';

/**
 * `byte8 disconnect`: tells the ledger (best effort) and always clears the
 * tenant, master key and pairing code (wire-contract §5.1), for hosts without
 * an admin page. Outbox and mirror rows stay; pending rows wait for a re-pair.
 */
export function registerDisconnect(program: Command, ctx: CliContext, run: RunAction): void {
  program
    .command('disconnect')
    .description('unpair a provider: notify the ledger, then forget the tenant and master key')
    .option('--provider <key>', 'provider to disconnect (required when several are installed)')
    .action(
      run(async (options: { provider?: string }) => {
        const provider = ctx.provider(options.provider);
        const storage = await ctx.storage();
        const record = await storage.connections.get(provider.key);
        const wiring = ledgerWiring(ctx, storage);
        let acknowledged = false;
        const auth = (() => {
          try {
            return resolveLedgerAuth(record, wiring.secretBox, wiring.defaultBaseUrl, wiring.urlPolicy);
          } catch {
            // A key that cannot be opened cannot sign either; clear it anyway.
            return null;
          }
        })();
        if (auth) acknowledged = await wiring.transport.disconnect(auth);
        // As Magento: a provider that is not paired is left as it is (a pending pairing code stays valid).
        const wasConnected = isConnected(record);
        if (wasConnected) await storage.connections.clearCredentials(provider.key);
        if (ctx.settings.json) ctx.json({ provider: provider.key, wasConnected, acknowledged });
        else if (!wasConnected) ctx.out(`${provider.labels.name} is not connected; nothing changed.`);
        else ctx.out(`${provider.labels.name} disconnected${acknowledged ? ' (the ledger acknowledged)' : ' (the ledger did not answer; it will see 401s until it is told)'}.`);
        return 0;
      }),
    );
}
