import { LedgerSimulator } from '../simulator/ledger-simulator.js';
import type { ConformanceHost, ConformanceOptions, MakeConformanceHost } from './conformance-host.js';

/** What a check works with: a synced-policy simulator, a fresh host, and the tenant once paired. */
export interface Harness {
  readonly sim: LedgerSimulator;
  readonly host: ConformanceHost;
  readonly options: ConformanceOptions;
}

/** A failed expectation of the conformance suite; its message names the step. */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

export function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

/** Starts a simulator and a host, runs `body`, and tears both down whatever happens. */
export async function withHarness(makeHost: MakeConformanceHost, options: ConformanceOptions, body: (h: Harness) => Promise<void>): Promise<void> {
  const sim = await LedgerSimulator.start({ policy: 'synced' });
  let host: ConformanceHost | undefined;
  try {
    host = await makeHost();
    await body({ sim, host, options });
  } finally {
    await sim.stop();
    await host?.close();
  }
}

/** Pairs the host through the simulator and returns the tenant id. */
export async function pairHost({ sim, host }: Harness): Promise<string> {
  const code = await host.generatePairingCode();
  const result = await sim.pair(host.inboundBaseUrl, code, { provider: host.provider, ...(host.pairPath ? { pairPath: host.pairPath } : {}) });
  expectThat(result.status === 200, `pairing: the host answered ${result.status} (${JSON.stringify(result.body)}) to a fresh code, expected 200`);
  expectThat(await host.isConnected(), 'pairing: the host answered 200 but does not report itself connected');
  return result.tenantId;
}

/** Waits until the host's chip shows `status`, or fails naming what it showed. */
export async function expectChip(h: Harness, id: number, status: string, step: string): Promise<void> {
  let last = '';
  try {
    await h.sim.waitFor(
      async () => {
        last = await h.host.syncStatus('invoice', id);
        return last === status;
      },
      { timeoutMs: h.options.settleTimeoutMs ?? 5000 },
    );
  } catch {
    throw new ConformanceError(`${step}: the invoice chip shows '${last}', expected '${status}'`);
  }
}
