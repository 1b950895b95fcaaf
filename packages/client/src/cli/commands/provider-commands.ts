import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { createProviderCommandContext } from '../provider-command-context.js';
import { registerDirectCommands } from './direct-commands.js';
import type { RunAction } from '../run-action.js';

/** Registers each provider's commands as `byte8 <cliName> <name>` (e.g. `byte8 sage invoice:sync`). */
export function registerProviderCommands(program: Command, ctx: CliContext, run: RunAction): void {
  const groups = new Map<string, Command>();
  for (const provider of ctx.providers) {
    if (provider.commands.length === 0) continue;
    const group = program.command(provider.cliName).description(`${provider.labels.name} commands`);
    groups.set(provider.key, group);
    for (const command of provider.commands) {
      const sub = group.command(command.name).description(command.description);
      for (const option of command.options) {
        if (option.defaultValue === undefined) sub.option(option.flags, option.description);
        else sub.option(option.flags, option.description, option.defaultValue);
      }
      sub.action(
        run(async (options: Record<string, string | boolean | undefined>) => {
          const byte8 = await ctx.byte8(`${provider.cliName} ${command.name}`);
          const context = createProviderCommandContext({
            provider: provider.key,
            storage: byte8.storage,
            source: byte8.canonicalSource,
            publisher: byte8.publisher,
            out: (line) => ctx.out(line),
            err: (line) => ctx.err(line),
          });
          return command.run(options, context);
        }),
      );
    }
  }
  registerDirectCommands(program, ctx, run, groups);
}
