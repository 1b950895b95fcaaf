import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import type { RunAction } from '../run-action.js';

/** `byte8 migrate`: creates or upgrades the `byte8_*` tables (idempotent). */
export function registerMigrate(program: Command, ctx: CliContext, run: RunAction): void {
  program
    .command('migrate')
    .description('create or upgrade the byte8_* tables (safe to run repeatedly)')
    .action(
      run(async () => {
        const storage = await ctx.storage();
        await storage.migrate();
        if (ctx.settings.json) ctx.json({ ok: true, dialect: storage.dialect, schema: storage.schema });
        else ctx.out(`byte8: migrations applied (${storage.dialect}${storage.schema ? `, schema ${storage.schema}` : ''})`);
        return 0;
      }),
    );
}
