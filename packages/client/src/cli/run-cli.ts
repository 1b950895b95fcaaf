import { Command, CommanderError } from 'commander';
import type { Provider } from '@byte8/core';
import { CliContext } from './cli-context.js';
import { CommandFailure, EXIT, UsageError, operatorMessage } from './cli-errors.js';
import type { CliIo } from './cli-io.js';
import { registerBackfill } from './commands/backfill.js';
import { registerDisconnect } from './commands/disconnect.js';
import { registerMigrate } from './commands/migrate.js';
import { registerOutboxCleanup } from './commands/outbox-cleanup.js';
import { registerOutboxHeld } from './commands/outbox-held.js';
import { registerOutboxInspect } from './commands/outbox-inspect.js';
import { registerOutboxRequeue } from './commands/outbox-requeue.js';
import { registerPairCode } from './commands/pair-code.js';
import { registerProviderCommands } from './commands/provider-commands.js';
import { registerStatus } from './commands/status.js';
import { registerWorker } from './commands/worker.js';
import { defaultProviders } from './default-providers.js';
import { GLOBAL_SETTINGS, resolveGlobalSettings } from './global-settings.js';
import type { Byte8HostConfig } from './host-config.js';
import { findConfigFile, loadHostConfig } from './load-host-config.js';
import { prescanConfig } from './prescan-config.js';
import type { RunAction } from './run-action.js';

const VERSION = '0.1.0';

/**
 * Runs the `byte8` CLI once and resolves to its exit code: 0 done, 1 the
 * command failed, 2 bad arguments or configuration (130: interrupted
 * backfill). In-process twin of the binary, for tests and embedding.
 *
 * @example
 * const code = await runCli(['outbox', 'inspect', '--json'], { stdout: process.stdout, stderr: process.stderr, env: process.env });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let config: Byte8HostConfig | null = null;
  let configPath: string | null = null;
  let providers: readonly Provider[];
  try {
    configPath = findConfigFile(prescanConfig(argv, io.env), cwd);
    config = configPath ? await loadHostConfig(configPath) : null;
    providers = config?.providers ?? (await defaultProviders(cwd));
  } catch (error) {
    io.stderr.write(`byte8: ${(error as Error).message}\n`);
    return error instanceof UsageError ? EXIT.usage : EXIT.failure;
  }

  const ctx = new CliContext(io, config, configPath, providers);
  let exitCode: number = EXIT.ok;
  const run: RunAction =
    (body) =>
    async (...args) => {
      try {
        exitCode = await body(...args);
      } catch (error) {
        exitCode = error instanceof UsageError ? EXIT.usage : EXIT.failure;
        const message = error instanceof UsageError || error instanceof CommandFailure ? error.message : operatorMessage(error);
        ctx.err(`byte8: ${message}`);
      }
    };

  const program = new Command('byte8')
    .description('Operate the Byte8 connector: worker, outbox, pairing, backfill')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run with --help for usage)')
    .option('--json', 'machine-readable output on stdout');
  for (const [key, setting] of Object.entries(GLOBAL_SETTINGS)) {
    program.option(setting.flag, `${setting.description} [env ${setting.env}]`);
    void key;
  }
  program.hook('preAction', () => {
    ctx.settings = resolveGlobalSettings(program.opts(), io.env);
  });

  registerMigrate(program, ctx, run);
  registerWorker(program, ctx, run);
  const outbox = program.command('outbox').description('inspect and repair the outbox');
  registerOutboxInspect(outbox, ctx, run);
  registerOutboxRequeue(outbox, ctx, run);
  registerOutboxCleanup(outbox, ctx, run);
  registerOutboxHeld(outbox, ctx, run);
  registerPairCode(program, ctx, run);
  registerDisconnect(program, ctx, run);
  registerStatus(program, ctx, run);
  registerBackfill(program, ctx, run);
  registerProviderCommands(program, ctx, run);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const informational = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
      exitCode = informational ? EXIT.ok : EXIT.usage;
    } else if (error instanceof UsageError) {
      // From the preAction hook (invalid global settings).
      io.stderr.write(`byte8: ${error.message}\n`);
      exitCode = EXIT.usage;
    } else {
      io.stderr.write(`byte8: ${(error as Error).message}\n`);
      exitCode = EXIT.failure;
    }
  } finally {
    await ctx.close();
  }
  return exitCode;
}
