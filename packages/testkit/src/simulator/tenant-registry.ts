import { randomBytes, randomUUID } from 'node:crypto';
import { deriveSimSubkey } from '../crypto/derive-subkey.js';
import { jtiReplayKey } from '../crypto/jti-replay-key.js';

/** Overrides of a tenant's `GET /v1/tile/health` answer (wire-contract §6.12). */
export interface HealthSettings {
  readonly magento_connection_status?: string;
  readonly binding_status?: string;
  readonly region?: string;
  readonly last_run_at?: string | null;
  readonly pending_count?: number;
  readonly failed_24h?: number;
}

/** A tenant the simulated ledger minted (or was told about). */
export interface SimTenant {
  readonly tenantId: string;
  readonly masterKey: string;
  /** The provider the tenant was paired (or registered) for. */
  readonly provider: string;
  /**
   * The providers the tenant has an active binding for: webhooks addressed to
   * any other (`?provider=`) are refused with 400. Pairing binds `provider` only.
   */
  readonly bindings: readonly string[];
  /** The host's base URL; the simulator appends `/rest/V1/byte8/...`. Null: no pulls or callbacks possible. */
  hostBaseUrl: string | null;
  disconnected: boolean;
  health: HealthSettings;
  readonly outboundKey: Buffer;
  readonly inboundKey: Buffer;
}

export interface TenantInput {
  readonly tenantId?: string;
  readonly masterKey?: string;
  readonly provider?: string;
  /** Default: `[provider]`. */
  readonly bindings?: readonly string[];
  readonly hostBaseUrl?: string | null;
}

/** Mints a master key in the format the ledger's fixtures use: `byte8_lk_` + 64 hex. */
export function mintMasterKey(): string {
  return `byte8_lk_${randomBytes(32).toString('hex')}`;
}

/** Tenants and the replay cache of outbound jtis. */
export class TenantRegistry {
  readonly #tenants = new Map<string, SimTenant>();
  /** jti cache key → expiry (unix seconds). */
  readonly #jtis = new Map<string, number>();
  #sweptAt = 0;

  add(input: TenantInput, provider: string): SimTenant {
    const masterKey = input.masterKey ?? mintMasterKey();
    const bound = input.provider ?? provider;
    const tenant: SimTenant = {
      tenantId: input.tenantId ?? randomUUID(),
      masterKey,
      provider: bound,
      bindings: Object.freeze([...new Set([bound, ...(input.bindings ?? [])])]),
      hostBaseUrl: input.hostBaseUrl ? input.hostBaseUrl.replace(/\/+$/, '') : null,
      disconnected: false,
      health: {},
      outboundKey: deriveSimSubkey(masterKey, 'outbound'),
      inboundKey: deriveSimSubkey(masterKey, 'inbound'),
    };
    this.#tenants.set(tenant.tenantId, tenant);
    return tenant;
  }

  get(tenantId: string): SimTenant | undefined {
    return this.#tenants.get(tenantId);
  }

  list(): SimTenant[] {
    return [...this.#tenants.values()];
  }

  seen(jti: string, now: number): boolean {
    const expiry = this.#jtis.get(jtiReplayKey(jti));
    return expiry !== undefined && expiry > now;
  }

  remember(jti: string, exp: number, now: number): void {
    // Swept at most once a second: with every jti still live (TTL 60 s), a sweep per
    // request walked the whole cache each time and capped the simulator near 2k req/s.
    if (this.#jtis.size > 10_000 && now > this.#sweptAt) {
      this.#sweptAt = now;
      for (const [key, expiry] of this.#jtis) if (expiry <= now) this.#jtis.delete(key);
    }
    this.#jtis.set(jtiReplayKey(jti), Math.max(exp, now + 1));
  }
}
