import type { AdminApi, DirectConnection, Provider } from '@byte8/core';
import type { HostDocuments } from '../documents/host-documents.js';

/** What every admin route reads: the admin API, the providers and the host's documents. */
export interface AdminRoutes {
  readonly admin: AdminApi;
  readonly providers: readonly Provider[];
  readonly providerByKey: ReadonlyMap<string, Provider>;
  readonly direct: ReadonlyMap<string, DirectConnection>;
  readonly documents?: HostDocuments;
  readonly publicBaseUrl?: string;
  readonly pageSize: number;
}
