import type { Command } from 'commander';
import type { DirectMode } from '@byte8/core';
import type { CliContext } from '../cli-context.js';
import type { RunAction } from '../run-action.js';

/** Registers the commands of the host's direct modes (`createByte8({ direct })`) under their provider's CLI name. */
export function registerDirectCommands(program: Command, ctx: CliContext, run: RunAction, groups: Map<string, Command>): void {
  const modes = Array.isArray(ctx.config?.direct) ? (ctx.config.direct as readonly DirectMode[]) : [];
  for (const mode of modes) {
    const provider = ctx.providers.find((p) => p.key === mode?.provider);
    if (!provider || !Array.isArray(mode.commands) || mode.commands.length === 0) continue;
    let group = groups.get(provider.key);
    if (!group) {
      group = program.command(provider.cliName).description(`${provider.labels.name} commands`);
      groups.set(provider.key, group);
    }
    for (const command of mode.commands) {
      const sub = group.command(command.name).description(command.description);
      for (const option of command.options) {
        if (option.defaultValue === undefined) sub.option(option.flags, option.description);
        else sub.option(option.flags, option.description, option.defaultValue);
      }
      sub.action(
        run(async (options: Record<string, string | boolean | undefined>) => {
          const byte8 = await ctx.byte8(`${provider.cliName} ${command.name}`);
          const connection = byte8.direct.get(provider.key);
          if (!connection) throw new Error(`${provider.key} is not in direct mode`);
          return command.run(options, {
            provider: provider.key,
            connection,
            outboxCounts: async () => (await byte8.storage.outbox.counts()).filter((count) => count.provider === provider.key),
            out: (line: string) => ctx.out(line),
            err: (line: string) => ctx.err(line),
          });
        }),
      );
    }
  }
}
