import { randomUUID } from 'node:crypto';
import { signHs256 } from './sign-hs256.js';

/** Claims of a ledger → host token, in the contract's key order (wire-contract §3.3). */
export interface InboundClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly jti: string;
}

export interface MintInboundOptions {
  readonly tenantId: string;
  /** The tenant's inbound subkey (HKDF, `byte8-magento-inbound-v1`). */
  readonly subkey: Buffer;
  /** Unix seconds. */
  readonly now: number;
  /** `exp − iat`; the host's ceiling is 300. Default 300. */
  readonly ttlSeconds?: number;
  /** How far `nbf` is back-dated to absorb a host clock that runs behind. Default 0. */
  readonly nbfBackdateSeconds?: number;
  /** Default: a fresh v4 UUID, so every request carries a unique jti. */
  readonly jti?: string;
}

/** The claims the simulator signs for one request to the host. */
export function inboundClaims(options: MintInboundOptions): InboundClaims {
  const iat = Math.floor(options.now);
  return {
    iss: 'byte8-ledger',
    sub: options.tenantId,
    aud: 'magento',
    iat,
    nbf: iat - (options.nbfBackdateSeconds ?? 0),
    exp: iat + (options.ttlSeconds ?? 300),
    jti: options.jti ?? randomUUID(),
  };
}

/** Mints a fresh inbound token (ledger → host). */
export function mintInboundToken(options: MintInboundOptions): string {
  return signHs256({ ...inboundClaims(options) }, options.subkey);
}
