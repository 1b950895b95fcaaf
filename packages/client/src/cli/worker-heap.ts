import { GLOBAL_SETTINGS } from './global-settings.js';

/**
 * V8 settings of a `byte8 worker` process. Draining keeps rows and requests
 * alive across each HTTP round trip, so many survive a young-generation
 * collection and are promoted; the old generation then grows by V8's own factor
 * (up to 4x) before a full collection finds them dead: about 190 MiB resident
 * at a 100k backlog, though a full GC leaves ~22 MiB in use. Growing it by 50%
 * a step holds the worker near 135 MiB, for a few percent more worker CPU per
 * event (docs/performance.md has the figures). V8 reads the setting at each
 * collection, so setting it as the process starts works as the node flag does.
 */
export const WORKER_V8_FLAGS: readonly string[] = ['--heap-growing-percent=50'];

const VALUE_FLAGS = new Set(Object.values(GLOBAL_SETTINGS).map((setting) => setting.flag.split(' ')[0]!));

/** The command `argv` runs: its first word that is neither a global option nor an option's value. */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (!arg.startsWith('-')) return arg;
    if (VALUE_FLAGS.has(arg)) i += 1;
  }
  return undefined;
}

/**
 * The worker's V8 settings that the operator has not given node themselves
 * (`node --heap-growing-percent=0 .../dist/cli/main.js worker`): theirs win. NODE_OPTIONS
 * cannot carry this flag (node refuses it there).
 */
export function workerV8Flags(argv: readonly string[], nodeFlags: readonly string[]): string[] {
  if (commandOf(argv) !== 'worker') return [];
  const named = (flag: string) => flag.replace(/^--/, '').split('=')[0]!.replaceAll('_', '-');
  const given = new Set(nodeFlags.filter((flag) => flag.startsWith('--')).map(named));
  return WORKER_V8_FLAGS.filter((flag) => !given.has(named(flag)));
}
