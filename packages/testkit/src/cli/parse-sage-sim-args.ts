import { parseArgs } from 'node:util';
import { DEFAULT_RATE_LIMIT, SAGE_DEMO_CLIENT, type SageClientRegistration, type SageRateLimit } from '../sage-api/sage-api-options.js';
import { parsePortFlag } from './port-flag.js';

export const SAGE_SIM_USAGE = `Usage: byte8-sage-sim [options]

Runs a local Sage Business Cloud Accounting v3.1 simulator: the OAuth
authorize page, token and revoke endpoints and the API, over seeded UK
businesses, with one registered OAuth client.

Options:
  --port <n>             port to listen on (default 0: a free port)
  --host <addr>          address to bind (default 127.0.0.1)
  --client-id <id>       the registered client's id (default ${SAGE_DEMO_CLIENT.clientId})
  --client-secret <s>    its secret (default: the demo secret)
  --redirect-uri <uri>   a redirect URI it accepts; repeat for more
                         (default ${SAGE_DEMO_CLIENT.redirectUris.join(' and ')})
  --rate-limit <n[/s]>   API requests per business per window: n per 60 s, or
                         n per s seconds; 0 turns it off (default ${DEFAULT_RATE_LIMIT.requests}/${DEFAULT_RATE_LIMIT.windowMs / 1000})
  -h, --help             show this help`;

export type SageSimArgs =
  | { readonly help: true }
  | { readonly help: false; readonly port: number; readonly host: string; readonly client: SageClientRegistration; readonly rateLimit: SageRateLimit | null };

function parseRateLimit(value: string | undefined): SageRateLimit | null {
  if (value === undefined) return DEFAULT_RATE_LIMIT;
  const match = /^(\d+)(?:\/(\d+))?$/.exec(value);
  if (!match) throw new Error(`--rate-limit must be <requests> or <requests>/<seconds>, got '${value}'`);
  const requests = Number(match[1]);
  if (requests === 0) return null;
  const seconds = match[2] === undefined ? 60 : Number(match[2]);
  if (seconds === 0) throw new Error('--rate-limit window must be at least 1 second');
  return { requests, windowMs: seconds * 1000 };
}

/** Parses the command line; throws with the option's name on bad input. */
export function parseSageSimArgs(argv: readonly string[]): SageSimArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const port = parsePortFlag(values.port);
  const host = values.host ?? '127.0.0.1';
  if (host === '') throw new Error('--host must not be empty');
  const clientId = values['client-id'] ?? SAGE_DEMO_CLIENT.clientId;
  const clientSecret = values['client-secret'] ?? SAGE_DEMO_CLIENT.clientSecret;
  if (clientId === '') throw new Error('--client-id must not be empty');
  if (clientSecret === '') throw new Error('--client-secret must not be empty');
  const redirectUris = values['redirect-uri'] ?? [...SAGE_DEMO_CLIENT.redirectUris];
  for (const uri of redirectUris) if (!URL.canParse(uri)) throw new Error(`--redirect-uri must be an absolute URI, got '${uri}'`);
  const client: SageClientRegistration = { clientId, clientSecret, redirectUris, name: SAGE_DEMO_CLIENT.name };
  return { help: false, port, host, client, rateLimit: parseRateLimit(values['rate-limit']) };
}
