import type { Command } from 'commander';
import { collectMetrics } from '../../metrics/collect-metrics.js';
import type { CliContext } from '../cli-context.js';
import { formatAge } from '../parse-values.js';
import type { RunAction } from '../run-action.js';

/** `byte8 status`: per provider, connection, outbox depth, oldest pending row and dead letters. */
export function registerStatus(program: Command, ctx: CliContext, run: RunAction): void {
  program
    .command('status')
    .description('connection and outbox health per provider')
    .option('--provider <key>', 'only this provider')
    .action(
      run(async (options: { provider?: string }) => {
        const filter = ctx.providerFilter(options.provider);
        const providers = ctx.providers.filter((p) => !filter || p.key === filter);
        const storage = await ctx.storage();
        const snapshot = await collectMetrics({ ...storage, providers, watermarks: storage.watermarks });
        const records = await storage.connections.list();
        const report = providers.map((provider) => {
          const record = records.find((r) => r.provider === provider.key) ?? null;
          const count = (status: string) => snapshot.outbox.find((o) => o.provider === provider.key && o.status === status)?.count ?? 0;
          const age = snapshot.oldestPendingAgeSeconds.find((o) => o.provider === provider.key)?.seconds ?? null;
          return {
            provider: provider.key,
            name: provider.labels.name,
            connected: snapshot.providers.find((p) => p.provider === provider.key)?.connected ?? false,
            tenantId: record?.tenantId ?? null,
            ledgerBaseUrl: record?.ledgerBaseUrl ?? null,
            pairedAt: record?.pairedAt?.toISOString() ?? null,
            pairingCodePending: Boolean(record?.pairingCodeHash),
            outbox: { pending: count('pending'), succeeded: count('succeeded'), deadLettered: count('dead_lettered') },
            oldestPendingAgeSeconds: age,
            reconciliationLagSeconds: Object.fromEntries(
              snapshot.reconciliationLag.filter((l) => l.provider === provider.key).map((l) => [l.entityType, l.seconds]),
            ),
          };
        });
        if (ctx.settings.json) {
          ctx.json({ providers: report });
          return 0;
        }
        if (report.length === 0) ctx.out('No provider installed.');
        for (const item of report) {
          ctx.out(`${item.name} (${item.provider})`);
          const connection = item.connected
            ? `connected, tenant ${item.tenantId}${item.ledgerBaseUrl ? `, ledger ${item.ledgerBaseUrl}` : ''}`
            : `not connected${item.pairingCodePending ? ' (pairing code issued, waiting for the ledger)' : ''}`;
          ctx.out(`  connection:      ${connection}`);
          ctx.out(`  outbox:          ${item.outbox.pending} pending, ${item.outbox.succeeded} succeeded, ${item.outbox.deadLettered} dead-lettered`);
          ctx.out(`  oldest pending:  ${item.oldestPendingAgeSeconds === null ? '—' : formatAge(item.oldestPendingAgeSeconds * 1000)}`);
          ctx.out(
            `  dead letters:    ${item.outbox.deadLettered === 0 ? 'none' : `${item.outbox.deadLettered} need attention: byte8 outbox inspect --provider ${item.provider}`}`,
          );
        }
        return 0;
      }),
    );
}
