import { type Byte8, type Byte8Options, createByte8, createLogger, createStorage } from '@byte8/client';
import type { Logger, Provider } from '@byte8/core';
import { LedgerSimulator, type PairOptions, type PairResult } from '@byte8/testkit';
import { afterAll, beforeAll } from 'vitest';
import { FixtureHost } from './fixture-host.test-helpers.js';
import { startHostServer } from './host-server.test-helpers.js';

/** A connector over embedded storage behind a real HTTP host, and a simulated ledger that syncs everything. */
export interface E2eHost {
  readonly source: FixtureHost;
  readonly sim: LedgerSimulator;
  readonly byte8: Byte8;
  /** The host's base URL (its inbound routes are under `/rest`). */
  readonly url: string;
  /** Issues a pairing code for `provider` as the admin would, and lets the ledger pair with it (on the provider's route unless told). */
  pair(provider: string, options?: PairOptions): Promise<PairResult>;
  close(): Promise<void>;
}

export async function startE2eHost(options: {
  readonly providers: readonly Provider[];
  readonly logger?: Logger;
  readonly worker?: Byte8Options['worker'];
}): Promise<E2eHost> {
  const source = new FixtureHost();
  const sim = await LedgerSimulator.start({ policy: 'synced' });
  const byte8 = await createByte8({
    storage: await createStorage(),
    providers: options.providers,
    canonicalSource: source,
    ledger: { defaultBaseUrl: sim.url },
    logger: options.logger ?? createLogger({ level: 'error' }),
    ...(options.worker ? { worker: options.worker } : {}),
  });
  const host = await startHostServer(byte8.handleInbound);
  return {
    source,
    sim,
    byte8,
    url: host.url,
    async pair(provider, pairOptions = {}) {
      const { code } = await byte8.admin.generatePairingCode(provider);
      return sim.pair(host.url, code, { provider, ...pairOptions });
    },
    async close() {
      await host.close();
      await byte8.close();
      await sim.stop();
    },
  };
}

/** An `E2eHost` for one describe block, paired with `pair` when given; read its members inside tests. */
export interface SuiteHost extends E2eHost {
  /** The tenant of the `pair` option's provider. */
  readonly tenantId: string;
}

/**
 * Starts an `E2eHost` before the block's tests (pairing `pair`, when given,
 * on its route) and closes it after them.
 */
export function useE2eHost(options: Parameters<typeof startE2eHost>[0] & { readonly pair?: string }): SuiteHost {
  let started: E2eHost | null = null;
  let tenantId: string | null = null;
  const get = (): E2eHost => {
    if (!started) throw new Error('the e2e host is not started: use it inside a test');
    return started;
  };
  beforeAll(async () => {
    started = await startE2eHost(options);
    if (options.pair) {
      const paired = await started.pair(options.pair);
      if (paired.status !== 200) throw new Error(`pairing ${options.pair} failed: HTTP ${paired.status} ${JSON.stringify(paired.body)}`);
      tenantId = paired.tenantId;
    }
  });
  afterAll(() => started?.close());
  return {
    get source() {
      return get().source;
    },
    get sim() {
      return get().sim;
    },
    get byte8() {
      return get().byte8;
    },
    get url() {
      return get().url;
    },
    get tenantId() {
      if (tenantId === null) throw new Error('no provider was paired: pass the pair option');
      return tenantId;
    },
    pair: (provider, pairOptions) => get().pair(provider, pairOptions),
    close: () => get().close(),
  };
}
