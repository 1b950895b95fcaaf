import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CommandFailure } from '../cli-errors.js';
import { parseInteger } from '../parse-values.js';
import type { RunAction } from '../run-action.js';

const DAY_MS = 86_400_000;

/** `byte8 outbox cleanup`: purges succeeded rows older than N days (wire-contract §6.11, §11). */
export function registerOutboxCleanup(outbox: Command, ctx: CliContext, run: RunAction): void {
  outbox
    .command('cleanup')
    .description('delete succeeded events older than N days (pending and dead-lettered rows are never touched)')
    .option('--days <n>', 'age in days (1 to 36500)', '30')
    .option('--dry-run', 'only count what would be deleted')
    .action(
      run(async (options: { days: string; dryRun?: boolean }) => {
        // The contract makes a bad --days a failure (exit 1), not a usage error.
        // At most 100 years: further back than any row, and inside PostgreSQL's timestamp range.
        const days = parseInteger('--days', options.days, 1, CommandFailure, 36_500);
        const storage = await ctx.storage();
        const olderThan = new Date(Date.now() - days * DAY_MS);
        const dryRun = options.dryRun === true;
        const count = await storage.outbox.purgeSucceeded({ olderThan, dryRun });
        if (ctx.settings.json) ctx.json({ dryRun, days, count });
        else if (dryRun) ctx.out(`${count} succeeded event(s) older than ${days} day(s) would be deleted (dry run).`);
        else ctx.out(`Deleted ${count} succeeded event(s) older than ${days} day(s).`);
        return 0;
      }),
    );
}
