import { systemClock } from '@byte8/core';
import type { Command } from 'commander';
import { systemRandom } from '../../crypto/system-random.js';
import { generatePairingCode } from '../../pairing/generate-pairing-code.js';
import type { CliContext } from '../cli-context.js';
import type { RunAction } from '../run-action.js';

/**
 * `byte8 pair-code`: issues a pairing code for hosts without an admin page.
 * The code is a secret: it goes to stdout only, never to the log.
 */
export function registerPairCode(program: Command, ctx: CliContext, run: RunAction): void {
  program
    .command('pair-code')
    .description('issue a pairing code to enter in the Byte8 Ledger (replaces any earlier code)')
    .option('--provider <key>', 'provider to pair (required when several are installed)')
    .action(
      run(async (options: { provider?: string }) => {
        const provider = ctx.provider(options.provider);
        const storage = await ctx.storage();
        const { code, expiresAt } = await generatePairingCode(
          { connections: storage.connections, random: ctx.config?.random ?? systemRandom, clock: ctx.config?.clock ?? systemClock },
          provider.key,
        );
        if (ctx.settings.json) {
          ctx.json({ provider: provider.key, code, expiresAt: expiresAt.toISOString() });
          return 0;
        }
        ctx.err(`Pairing code for ${provider.labels.name}, valid until ${expiresAt.toISOString()} (single use; a new code replaces it):`);
        ctx.out(code);
        return 0;
      }),
    );
}
