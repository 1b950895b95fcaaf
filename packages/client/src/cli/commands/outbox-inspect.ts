import { formatWireTimestamp, type OutboxRow } from '@byte8/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { parseInteger } from '../parse-values.js';
import { currentTenants, heldLines, heldSummary } from './outbox-held.js';
import { renderTable } from '../render-table.js';
import type { RunAction } from '../run-action.js';

const ERROR_WIDTH = 120;

/** Whitespace collapsed, cut at 120 characters unless `full` (wire-contract §11). */
function errorCell(error: string | null, full: boolean): string {
  const collapsed = (error ?? '').replace(/\s+/g, ' ').trim();
  return full || collapsed.length <= ERROR_WIDTH ? collapsed : `${collapsed.slice(0, ERROR_WIDTH - 1)}…`;
}

const byLastAttemptDesc = (a: OutboxRow, b: OutboxRow) =>
  (b.lastAttemptAt?.getTime() ?? Number.NEGATIVE_INFINITY) - (a.lastAttemptAt?.getTime() ?? Number.NEGATIVE_INFINITY) || b.id - a.id;

/** `byte8 outbox inspect`: held events first (if any), then the dead letters, newest attempt first, with requeue hints. */
export function registerOutboxInspect(outbox: Command, ctx: CliContext, run: RunAction): void {
  outbox
    .command('inspect')
    .description('list dead-lettered events (newest attempt first)')
    .option('--limit <n>', 'rows to show (1 to 10000)', '50')
    .option('--full', 'show whole error messages')
    .option('--provider <key>', 'only this provider')
    .action(
      run(async (options: { limit: string; full?: boolean; provider?: string }) => {
        // Bounded: every row shown is read into memory at once.
        const limit = parseInteger('--limit', options.limit, 1, undefined, 10_000);
        const provider = ctx.providerFilter(options.provider);
        const storage = await ctx.storage();
        const { rows, total } = await storage.outbox.list({ status: 'dead_lettered', limit, ...(provider ? { provider } : {}) });
        const sorted = [...rows].sort(byLastAttemptDesc);
        const held = await heldSummary(ctx, storage.outbox, await currentTenants(ctx, storage), provider);
        if (ctx.settings.json) {
          ctx.json({
            total,
            held,
            rows: sorted.map((row) => ({
              id: row.id,
              provider: row.provider,
              event: row.eventName,
              idempotencyKey: row.idempotencyKey,
              attempts: row.attempts,
              lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
              http: row.lastStatusCode,
              error: options.full ? row.lastError : errorCell(row.lastError, false),
            })),
          });
          return 0;
        }
        const scope = provider ? ` for ${provider}` : '';
        for (const line of heldLines(held)) ctx.out(line);
        if (held.length > 0) ctx.out('');
        if (total === 0) {
          ctx.out(`No dead-lettered events${scope}.`);
          return 0;
        }
        ctx.out(`${total} dead-lettered event(s)${scope}${total > sorted.length ? `, showing ${sorted.length}` : ''}:`);
        const showProvider = !provider && new Set(sorted.map((r) => r.provider)).size > 1;
        const header = [...(showProvider ? ['provider'] : []), 'id', 'event', 'idempotency_key', 'last_attempt_at', 'http', 'error'];
        const table = sorted.map((row) => [
          ...(showProvider ? [row.provider] : []),
          String(row.id),
          row.eventName,
          row.idempotencyKey,
          row.lastAttemptAt ? formatWireTimestamp(row.lastAttemptAt) : '—',
          row.lastStatusCode === null ? '(transient)' : String(row.lastStatusCode),
          errorCell(row.lastError, options.full === true),
        ]);
        for (const line of renderTable(header, table)) ctx.out(line);
        ctx.out('');
        ctx.out('Requeue one:  byte8 outbox requeue --id <id>');
        ctx.out(`Requeue all:  byte8 outbox requeue --all${provider ? ` --provider ${provider}` : ''}`);
        return 0;
      }),
    );
}
