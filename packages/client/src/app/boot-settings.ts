import { type Clock, type DirectConnection, systemClock } from '@byte8/core';
import { directEnqueueAccount } from '../direct-delivery/direct-enqueue-account.js';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import { type LedgerUrlPolicy, ledgerUrlPolicy } from '../transport/ledger-url-policy.js';
import { DEFAULT_LEDGER_BASE_URL } from '../transport/resolve-ledger-auth.js';
import type { Byte8, Byte8Options } from './byte8-types.js';

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** What every binding of `createByte8` reads, checked once at boot. */
export interface BootSettings {
  readonly storage: Byte8Storage;
  readonly clock: Clock;
  readonly inbound: Byte8['inbound'];
  readonly defaultBaseUrl: string;
  readonly urlPolicy: LedgerUrlPolicy;
  /** Providers whose documents go straight to their service (direct mode), not through the ledger. */
  readonly directProviders: readonly string[];
  /** The account (business) a direct provider's new rows are addressed to, or null when not connected. */
  readonly enqueueAccountOf: ReturnType<typeof directEnqueueAccount>;
  /** The direct modes, once attached (they attach after the container is built). */
  readonly attachedDirect: () => ReadonlyMap<string, DirectConnection>;
  setAttachedDirect(direct: ReadonlyMap<string, DirectConnection>): void;
}

/** Fails at boot, naming the option, on what `createByte8` cannot run with. */
export function bootSettings(options: Byte8Options): BootSettings {
  if (!options.storage) throw new Error('createByte8: storage is required (see createStorage())');
  if (!options.canonicalSource) throw new Error('createByte8: canonicalSource is required');
  if (!Array.isArray(options.providers) || options.providers.length === 0) {
    throw new Error('createByte8: providers must list at least one provider (e.g. sageAccounting())');
  }
  const defaultBaseUrl = options.ledger?.defaultBaseUrl ?? DEFAULT_LEDGER_BASE_URL;
  const urlPolicy = ledgerUrlPolicy({
    production: options.production ?? false,
    trustedBaseUrls: [defaultBaseUrl],
    ...(options.ledger?.allowedHosts ? { allowedHosts: options.ledger.allowedHosts } : {}),
  });
  if (options.production && !defaultBaseUrl.startsWith('https://')) {
    throw new Error(`createByte8: ledger.defaultBaseUrl must be https in production (got ${defaultBaseUrl})`);
  }
  const directProviders = (Array.isArray(options.direct) ? options.direct : []).map((mode) => mode?.provider).filter((p): p is string => typeof p === 'string');
  let attached: ReadonlyMap<string, DirectConnection> = new Map();
  return {
    storage: options.storage,
    clock: options.clock ?? systemClock,
    inbound: resolveInboundSettings(options.inbound),
    defaultBaseUrl,
    urlPolicy,
    directProviders,
    enqueueAccountOf: directEnqueueAccount(options.storage),
    attachedDirect: () => attached,
    setAttachedDirect: (direct) => {
      attached = direct;
    },
  };
}

/** `inbound` with defaults, failing closed on a bad value. */
function resolveInboundSettings(inbound: Byte8Options['inbound']): Byte8['inbound'] {
  const maxBodyBytes = inbound?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const trustProxy = inbound?.trustProxy ?? false;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) throw new Error(`createByte8: inbound.maxBodyBytes must be a positive integer, got ${inbound?.maxBodyBytes}`);
  if (typeof trustProxy !== 'boolean') throw new Error(`createByte8: inbound.trustProxy must be a boolean, got ${JSON.stringify(inbound?.trustProxy)}`);
  return { maxBodyBytes, trustProxy };
}
