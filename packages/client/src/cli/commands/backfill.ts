import { ENTITY_TYPES, type EntityType } from '@byte8/core';
import type { Command } from 'commander';
import { createProgressReporter } from '../../backfill/progress-reporter.js';
import { runBackfill } from '../../backfill/run-backfill.js';
import type { CliContext } from '../cli-context.js';
import { CommandFailure, UsageError } from '../cli-errors.js';
import { parseDate, parseInteger } from '../parse-values.js';
import type { RunAction } from '../run-action.js';

/** Exit code of a run stopped by SIGINT/SIGTERM; rerunning resumes it. */
export const EXIT_INTERRUPTED = 130;

/**
 * `byte8 backfill`: enqueues the history the hooks never saw, through the
 * reconciliation path (same keys, nothing sent twice), resumable.
 */
export function registerBackfill(program: Command, ctx: CliContext, run: RunAction): void {
  program
    .command('backfill')
    .description('enqueue historical entities the ledger has not seen (resumable; rerun to continue)')
    .requiredOption('--entity <type>', `one of ${ENTITY_TYPES.join(', ')}`)
    .requiredOption('--since <date>', 'start of the window, by the host\'s change time (YYYY-MM-DD or ISO-8601, inclusive)')
    .option('--until <date>', 'end of the window (inclusive); default: up to now')
    .option('--provider <key>', 'only this provider (default: every connected provider)')
    .option('--page-size <n>', 'entities per page', '500')
    .option('--progress-every <seconds>', 'seconds between progress lines when not on a terminal', '5')
    .action(
      run(async (options: { entity: string; since: string; until?: string; provider?: string; pageSize: string; progressEvery: string }) => {
        if (!(ENTITY_TYPES as readonly string[]).includes(options.entity)) {
          throw new UsageError(`--entity must be one of ${ENTITY_TYPES.join(', ')}; got "${options.entity}"`);
        }
        const entityType = options.entity as EntityType;
        const since = parseDate('--since', options.since);
        const until = options.until === undefined ? undefined : parseDate('--until', options.until);
        if (until && until < since) throw new UsageError('--until must not be before --since');
        const pageSize = parseInteger('--page-size', options.pageSize, 1, undefined, 10_000);
        const lineIntervalMs = parseInteger('--progress-every', options.progressEvery, 0, undefined, 86_400) * 1000;
        const provider = ctx.providerFilter(options.provider);
        const byte8 = await ctx.byte8('backfill');
        const storage = await ctx.storage();
        const report = await runBackfill({
          ...storage,
          source: byte8.canonicalSource,
          providers: ctx.providers,
          enqueuer: byte8.publisher,
          entityType,
          since,
          ...(until ? { until } : {}),
          ...(provider ? { provider } : {}),
          pageSize,
          ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
          progress: (key) =>
            createProgressReporter({
              write: (text) => ctx.io.stderr.write(text),
              tty: ctx.io.stderr.isTTY === true,
              label: `backfill ${entityType} ${key}`,
              lineIntervalMs,
            }),
        });
        if (report.runs.length === 0) {
          throw new CommandFailure(`no connected provider listens to ${entityType}${provider ? ` (provider ${provider})` : ''}: pair one first`);
        }
        const complete = report.runs.every((r) => r.complete);
        if (ctx.settings.json) ctx.json({ entityType, since: since.toISOString(), until: until?.toISOString() ?? null, complete, runs: report.runs });
        else {
          for (const r of report.runs) {
            ctx.out(`backfill ${entityType} ${r.provider}: ${r.scanned} scanned, ${r.enqueued} enqueued${r.complete ? ', complete' : ', interrupted'}`);
          }
          if (!complete) ctx.err('Interrupted: run the same command again to resume where it stopped.');
        }
        return complete ? 0 : EXIT_INTERRUPTED;
      }),
    );
}
