import { type Byte8Storage, type DrainWorker, type DrainWorkerOptions, createDrainWorker, ledgerUrlPolicy } from '@byte8/client';
import type { LedgerTransport } from '@byte8/core';
import { PROVIDER, secretBoxFor } from './tenant.js';

/**
 * A drain worker over `storage` for the bench tenant's provider, its master
 * key opened with the tenant's box key; `listen` wakes it on NOTIFY.
 */
export function createBenchWorker(
  storage: Byte8Storage,
  transport: LedgerTransport,
  boxKey: string,
  options: DrainWorkerOptions & { readonly listen?: boolean },
): DrainWorker {
  const { listen, ...workerOptions } = options;
  return createDrainWorker(
    {
      outbox: storage.outbox,
      connections: storage.connections,
      transport,
      secretBox: secretBoxFor(boxKey),
      providers: [{ key: PROVIDER, webhookProviderParam: null }],
      // The bench's ledgers listen on 127.0.0.1.
      ledgerUrlPolicy: ledgerUrlPolicy({ allowedHosts: ['127.0.0.1'] }),
      ...(listen ? { listen: (onNotify: () => void) => storage.listen(onNotify) } : {}),
    },
    workerOptions,
  );
}
