/**
 * The environment of a merchant's shell: this process's, less what the test
 * runner and the workspace's package manager add (`npm_*` settings, `NODE_ENV=test`,
 * vitest's variables), which would change how npm, pnpm and Medusa behave in
 * an app outside the workspace.
 */
export function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|VITEST)|^(NODE_ENV|NODE_OPTIONS|INIT_CWD|TEST)$/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, MEDUSA_DISABLE_TELEMETRY: 'true', ...extra };
}
