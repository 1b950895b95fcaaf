/**
 * The `--config` value, read before commander parses: the config module
 * names the providers whose commands must be registered first.
 */
export function prescanConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--config') return argv[i + 1];
    if (arg.startsWith('--config=')) return arg.slice('--config='.length);
  }
  const fromEnv = env.BYTE8_CONFIG;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}
