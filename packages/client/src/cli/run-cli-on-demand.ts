import type { CliIo } from './cli-io.js';

/**
 * Runs the `byte8` CLI once and resolves to its exit code: 0 done, 1 the
 * command failed, 2 bad arguments or configuration (130: interrupted
 * backfill). In-process twin of the binary, for tests and embedding.
 *
 * The CLI (commander and every command) is loaded on the first call, so
 * that importing the package for its stores or worker does not load it.
 *
 * @example
 * const code = await runCli(['outbox', 'inspect', '--json'], { stdout: process.stdout, stderr: process.stderr, env: process.env });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cli = await import('./run-cli.js');
  return cli.runCli(argv, io);
}
