import type { DirectMode, DirectModeDeps } from '@byte8/core';
import { directDryRunCommand } from './commands/direct-dry-run.js';
import { directStatusCommand } from './commands/direct-status.js';
import { resolveSageDirectOptions, type SageDirectOptions } from './options/sage-direct-options.js';
import { SageDirectConnection } from './sage-direct-connection.js';

/** `sageDirect()`'s result: checked options, ready to attach to a connector. */
export interface SageDirectMode extends DirectMode<SageDirectConnection> {
  readonly provider: string;
  attach(deps: DirectModeDeps): SageDirectConnection;
}

/**
 * Sage Business Cloud Accounting in direct mode: the store's own worker
 * talks to Sage, no ledger in between. Checks the options now (a bad one
 * throws, naming it); pass the result to `createByte8({ direct: [...] })`,
 * which attaches it to the connector's storage and secret box.
 *
 * @example
 * const byte8 = await createByte8({ storage, providers: [sageAccounting()], canonicalSource,
 *   direct: [sageDirect({ clientId: env.SAGE_CLIENT_ID, clientSecret: env.SAGE_CLIENT_SECRET,
 *     redirectUri: 'https://shop.example.com/admin/byte8/providers/sage_accounting/oauth/callback' })] });
 * const sage = byte8.direct.get('sage_accounting') as SageDirectConnection;
 * await sage.api.post('/contacts', { contact: { name: 'Ada Lovelace', contact_type_ids: ['CUSTOMER'] } });
 */
export function sageDirect(options: SageDirectOptions): SageDirectMode {
  const { options: resolved, clientSecret } = resolveSageDirectOptions(options);
  return {
    provider: resolved.provider,
    attach: (deps) => new SageDirectConnection(resolved, clientSecret, deps),
    commands: [directStatusCommand, directDryRunCommand],
  };
}
