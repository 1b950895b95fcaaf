import type { HostApp } from './host-app.js';

export interface Byte8ProviderStatus {
  readonly provider: string;
  readonly connected: boolean;
  readonly tenantId: string | null;
  readonly outbox: { readonly pending: number; readonly succeeded: number; readonly deadLettered: number };
}

/** `npx byte8 status --database-url … --json`, from the app's own `@byte8/client`. */
export async function byte8Status(app: HostApp, databaseUrl: string): Promise<Byte8ProviderStatus[]> {
  const { stdout } = await app.run('npx', ['byte8', 'status', '--database-url', databaseUrl, '--json']);
  return (JSON.parse(stdout) as { providers: Byte8ProviderStatus[] }).providers;
}
