import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { resolveSagePolicy, type SagePolicy, type SagePolicyOptions } from '../engine/policy/sage-policy.js';
import { SAGE_HOSTS, SAGE_REGIONS, type SageRegion } from './sage-hosts.js';

/** Options of `sageDirect()`. Read `clientSecret` from the environment at the edge and pass it in. */
export interface SageDirectOptions {
  /** The OAuth client id of your Sage app. */
  readonly clientId: string;
  /** Its client secret. Never logged; kept out of every object the package hands back. */
  readonly clientSecret: string;
  /** The callback URL registered with the Sage app, exactly (the admin's OAuth callback route). */
  readonly redirectUri: string;
  /** Sign-in country (`country` of c.2); default: the user picks. */
  readonly region?: SageRegion;
  /** `full_access` (default) or `readonly`. */
  readonly scope?: 'full_access' | 'readonly';
  /** Sign-in page language, e.g. `en-GB`. */
  readonly locale?: string;
  /** Default Sage's (c.2); point these at a simulator in tests. */
  readonly authorizeUrl?: string;
  readonly tokenUrl?: string;
  readonly revokeUrl?: string;
  /** Default `https://api.accounting.sage.com/v3.1` (c.1). */
  readonly apiBaseUrl?: string;
  /** The provider key this direct mode serves. Default `sage_accounting`. */
  readonly provider?: string;
  /** Connect timeout of every call. Default 5 000 ms. */
  readonly connectTimeoutMs?: number;
  /** Whole-call timeout (answer included). Default 30 000 ms. */
  readonly timeoutMs?: number;
  /** Largest API answer read; the OAuth endpoints are capped at 64 KiB. Default 4 MiB. */
  readonly maxResponseBytes?: number;
  /** Refresh an access token with less than this left. Default 60 000 ms (Sage's live 300 s). */
  readonly refreshMarginMs?: number;
  /** An undici dispatcher for every call (a proxy agent, a test's); not closed by the package. */
  readonly dispatcher?: Dispatcher;
  /** The sync policy (spec b): the ledger dashboard's settings, with its defaults. */
  readonly policy?: SagePolicyOptions;
}

export interface ResolvedSageDirectOptions {
  readonly provider: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly region: SageRegion | null;
  readonly scope: 'full_access' | 'readonly';
  readonly locale: string | null;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly revokeUrl: string;
  readonly apiBaseUrl: string;
  readonly connectTimeoutMs: number;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly refreshMarginMs: number;
  readonly dispatcher: Dispatcher | null;
  readonly policy: SagePolicy;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An absolute URL; https unless it points at this machine (a simulator, a dev server). */
const endpoint = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.username === '' && url.password === '' && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)));
    } catch {
      return false;
    }
  },
  { message: 'must be an https URL (http only on 127.0.0.1, ::1 or localhost), without user info' },
);

const timeout = (max: number) => z.number().int().min(1).max(max);

const schema = z
  .object({
    clientId: z.string().min(1).max(255),
    clientSecret: z.string().min(1).max(1024),
    redirectUri: endpoint,
    region: z.enum(SAGE_REGIONS).optional(),
    scope: z.enum(['full_access', 'readonly']).default('full_access'),
    locale: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/, 'must look like en-GB').optional(),
    authorizeUrl: endpoint.default(SAGE_HOSTS.authorizeUrl),
    tokenUrl: endpoint.default(SAGE_HOSTS.tokenUrl),
    revokeUrl: endpoint.default(SAGE_HOSTS.revokeUrl),
    apiBaseUrl: endpoint.default(SAGE_HOSTS.apiBaseUrl),
    provider: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a provider key (lowercase snake_case)').default('sage_accounting'),
    connectTimeoutMs: timeout(120_000).default(5_000),
    timeoutMs: timeout(600_000).default(30_000),
    maxResponseBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(4 * 1024 * 1024),
    refreshMarginMs: z.number().int().min(0).max(240_000).default(60_000),
    dispatcher: z.custom<Dispatcher>((value) => typeof (value as Dispatcher | undefined)?.request === 'function', 'must be an undici Dispatcher').optional(),
    // Checked on its own below, so its messages name the policy setting.
    policy: z.unknown().optional(),
  })
  .strict();

/**
 * Checks the options and fails closed, naming the setting
 * (`sageDirect option "redirectUri": must be an https URL ...`). The secret
 * is returned apart so the resolved options can be shown or logged.
 */
export function resolveSageDirectOptions(options: SageDirectOptions): { readonly options: ResolvedSageDirectOptions; readonly clientSecret: string } {
  const result = schema.safeParse(options ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const setting = issue.path.length > 0 ? issue.path.join('.') : '(options)';
    // Zod quotes the received value for some issues: never let it be the secret.
    const message = setting === 'clientSecret' ? 'must be a string of 1 to 1024 characters' : issue.message;
    throw new Error(`sageDirect option "${setting}": ${message}`);
  }
  const { clientSecret, region, locale, dispatcher, policy, ...rest } = result.data;
  return {
    options: {
      ...rest,
      region: region ?? null,
      locale: locale ?? null,
      dispatcher: dispatcher ?? null,
      apiBaseUrl: rest.apiBaseUrl.replace(/\/+$/, ''),
      policy: resolveSagePolicy(policy),
    },
    clientSecret,
  };
}
