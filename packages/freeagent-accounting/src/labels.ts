import { type ProviderLabels, providerLabels } from '@byte8/core';

/** What the admin surfaces show for FreeAgent: the "FreeAgent Status" column and the standard chips. */
export const freeAgentLabels: ProviderLabels = providerLabels({ name: 'FreeAgent Accounting', statusColumn: 'FreeAgent Status' });
