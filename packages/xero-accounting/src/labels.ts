import { type ProviderLabels, providerLabels } from '@byte8/core';

/** What the admin surfaces show for Xero: the "Xero Status" column and the standard chips. */
export const xeroLabels: ProviderLabels = providerLabels({ name: 'Xero Accounting', statusColumn: 'Xero Status' });
