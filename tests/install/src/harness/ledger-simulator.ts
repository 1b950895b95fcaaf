import type { HostApp } from './host-app.js';
import type { Service } from './start-service.js';
import { waitFor } from './start-service.js';

/**
 * The ledger simulator as a merchant runs it: `npx byte8-ledger-sim` from the
 * app's own `@byte8/testkit`, paired through its `/v1/magento/connect`.
 */
export class LedgerSimulatorProcess {
  private constructor(
    readonly url: string,
    readonly service: Service,
  ) {}

  static async start(app: HostApp): Promise<LedgerSimulatorProcess> {
    const service = app.start('npx', ['byte8-ledger-sim', '--port', '0', '--policy', 'synced']);
    const url = await waitFor('the ledger simulator to listen', async () => /listening on (http:\/\/\S+)/.exec(service.output())?.[1], 60_000, () => service.output());
    return new LedgerSimulatorProcess(url, service);
  }

  /** What the ledger's Connect form does with the shop's base URL and code. */
  async connect(shopBaseUrl: string, pairingCode: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.url}/v1/magento/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ magento_base_url: shopBaseUrl, pairing_code: pairingCode }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}
