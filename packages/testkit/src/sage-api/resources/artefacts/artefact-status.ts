import type { SimBusiness } from '../../store/sim-business.js';
import { refTo, type SageRecord, type SageRef } from '../../store/sage-record.js';

export type ArtefactStatusId = 'DRAFT' | 'UNPAID' | 'PART_PAID' | 'PAID' | 'VOID';

export function statusRef(business: SimBusiness, id: ArtefactStatusId): SageRef {
  return refTo('artefact_statuses', business.row('artefact_statuses', id)!);
}

export const statusOf = (artefact: SageRecord): string => (artefact.status as SageRef).id;

/**
 * The status an issued artefact has from its amounts (c.6): nothing paid is
 * UNPAID, something is PART_PAID, nothing outstanding is PAID. A zero-value
 * document (c.8: accepted) is PAID at once, having nothing outstanding; that
 * part is the simulator's reading.
 */
export function settledStatus(outstanding: number, paid: number): ArtefactStatusId {
  if (outstanding <= 0) return 'PAID';
  return paid > 0 ? 'PART_PAID' : 'UNPAID';
}
