import { type ProviderLabels, providerLabels } from '@byte8/core';

/** What the admin surfaces show for Sage (wire-contract §10.1, §10.2): the standard chips. */
export const sageLabels: ProviderLabels = providerLabels({ name: 'Sage Accounting', statusColumn: 'Sage Status' });
