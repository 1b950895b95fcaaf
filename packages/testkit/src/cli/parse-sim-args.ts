import { parseArgs } from 'node:util';
import type { LedgerSimulatorOptions, PolicyOutcome } from '../simulator/simulator-options.js';
import type { TenantInput } from '../simulator/tenant-registry.js';
import { parsePortFlag } from './port-flag.js';

const OUTCOMES: readonly PolicyOutcome[] = ['synced', 'skipped', 'failed', 'none'];

export const USAGE = `Usage: byte8-ledger-sim [options]

Runs the Byte8 Ledger simulator: a local stand-in for the ledger that accepts
webhooks, pulls canonical entities back and calls back sync-state. It prints a
line per delivery, pull and callback, and serves what arrived as a page at its
URL (/activity.json as JSON; /embed/<tenant> is the tenant view a store's
admin embeds).

Options:
  --port <n>             port to listen on (default 0: a free port)
  --host <addr>          address to bind (default 127.0.0.1)
  --policy <outcome>     synced | skipped | failed | none (default synced)
  --delay-ms <n>         wait before processing each accepted event (default 0)
  --tenant-id <uuid>     register a tenant without pairing (needs --master-key)
  --master-key <key>     master key of that tenant
  --host-base-url <url>  base URL of that tenant's host, for pulls and callbacks
  --provider <key>       the provider that tenant is bound to (default sage_accounting)
  -h, --help             show this help

Pair from a shell:
  curl -X POST <sim-url>/v1/magento/connect -H 'content-type: application/json' \\
    -d '{"magento_base_url":"http://127.0.0.1:3000","pairing_code":"<code>"}'`;

export type SimArgs =
  | { readonly help: true }
  | { readonly help: false; readonly options: LedgerSimulatorOptions & { port: number; host: string }; readonly tenant: TenantInput | null };

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  return n;
}

/** Parses the command line; throws with the option's name on bad input. */
export function parseSimArgs(argv: readonly string[]): SimArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      policy: { type: 'string' },
      'delay-ms': { type: 'string' },
      'tenant-id': { type: 'string' },
      'master-key': { type: 'string' },
      'host-base-url': { type: 'string' },
      provider: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const port = parsePortFlag(values.port);
  const outcome = (values.policy ?? 'synced') as PolicyOutcome;
  if (!OUTCOMES.includes(outcome)) throw new Error(`--policy must be one of ${OUTCOMES.join(', ')}, got '${values.policy}'`);
  const delayMs = integer('delay-ms', values['delay-ms'], 0);
  if ((values['tenant-id'] === undefined) !== (values['master-key'] === undefined)) {
    throw new Error('--tenant-id and --master-key go together');
  }
  if (values.provider !== undefined && !/^[a-z][a-z0-9_]{0,31}$/.test(values.provider)) {
    throw new Error(`--provider must be a provider key (lowercase snake_case), got '${values.provider}'`);
  }
  if (values.provider !== undefined && values['tenant-id'] === undefined) throw new Error('--provider goes with --tenant-id');
  const tenant: TenantInput | null = values['tenant-id']
    ? {
        tenantId: values['tenant-id'],
        masterKey: values['master-key']!,
        hostBaseUrl: values['host-base-url'] ?? null,
        ...(values.provider ? { provider: values.provider } : {}),
      }
    : null;
  return { help: false, options: { port, host: values.host ?? '127.0.0.1', policy: { outcome, delayMs } }, tenant };
}
