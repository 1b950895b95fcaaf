import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CommandFailure, UsageError } from '../cli-errors.js';
import { parseInteger } from '../parse-values.js';
import type { RunAction } from '../run-action.js';

/**
 * `byte8 outbox requeue`: dead-lettered -> pending with attempts 0, keeping
 * the last status, error and attempt time (wire-contract §11).
 */
export function registerOutboxRequeue(outbox: Command, ctx: CliContext, run: RunAction): void {
  outbox
    .command('requeue')
    .description('send dead-lettered events again (exactly one of --id or --all)')
    .option('--id <id>', 'one outbox row')
    .option('--all', 'every dead-lettered row')
    .option('--provider <key>', 'with --all: only this provider')
    .action(
      run(async (options: { id?: string; all?: boolean; provider?: string }) => {
        if ((options.id === undefined) === (options.all !== true)) throw new UsageError('pass exactly one of --id <id> or --all');
        const provider = ctx.providerFilter(options.provider);
        const storage = await ctx.storage();
        if (options.all) {
          const count = await storage.outbox.requeue({ all: true }, provider);
          if (ctx.settings.json) ctx.json({ requeued: count });
          else ctx.out(`Requeued ${count} dead-lettered event(s)${provider ? ` for ${provider}` : ''}.`);
          return 0;
        }
        const id = parseInteger('--id', options.id!, 1);
        const row = await storage.outbox.find(id);
        if (!row || (provider && row.provider !== provider)) {
          throw new CommandFailure(`outbox row ${id} does not exist${row && provider ? ` for provider ${provider}` : ''}`);
        }
        if (row.status !== 'dead_lettered') {
          if (ctx.settings.json) ctx.json({ requeued: 0, id, status: row.status });
          else ctx.err(`Outbox row ${id} is ${row.status}, not dead-lettered; nothing to requeue.`);
          return 0;
        }
        const count = await storage.outbox.requeue({ id }, provider);
        if (ctx.settings.json) ctx.json({ requeued: count, id });
        else ctx.out(`Requeued outbox row ${id} (${row.eventName}, ${row.idempotencyKey}).`);
        return 0;
      }),
    );
}
