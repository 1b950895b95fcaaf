import type { CallbackRecord, DeliveryRecord, PullRecord } from './records.js';

const clock = (date: Date) => date.toISOString().slice(11, 19);
const short = (id: string) => id.slice(0, 8);

/**
 * One readable line per delivery, pull and callback, for the simulator's
 * terminal. Names, keys and statuses only: never a token, a key or a header.
 */
export function deliveryLine(d: DeliveryRecord): string {
  const entity = d.envelope ? ` #${d.envelope.magento_entity_id}` : '';
  const outcome =
    d.status === 202
      ? `accepted${d.duplicate ? ' again (duplicate, not processed)' : ''} as sync run ${short(d.syncRunId ?? '')}`
      : `${d.status === 0 ? 'dropped' : `refused ${d.status}`}${d.error ?? d.fault ? `: ${d.error ?? d.fault}` : ''}`;
  return `${clock(d.receivedAt)} delivery ${d.event}${entity} key=${d.idempotencyKey ?? '(none)'} tenant=${short(d.tenantId)} -> ${outcome}`;
}

export function pullLine(p: PullRecord): string {
  const outcome = p.status === 200 ? (p.valid ? '200, valid' : `200, invalid: ${p.issues.join('; ')}`) : `${p.status || 'network error'}${p.issues.length ? `: ${p.issues.join('; ')}` : ''}`;
  return `${clock(p.at)} pull     ${p.entityType}/${p.entityId} tenant=${short(p.tenantId)} -> ${outcome}`;
}

export function callbackLine(c: CallbackRecord): string {
  const why = c.body.skip_reason ?? c.body.error_code;
  return `${clock(c.at)} callback ${c.body.entity_type}/${c.body.magento_entity_id} ${c.body.sync_status}${why ? ` (${why})` : ''} tenant=${short(c.tenantId)} -> host answered ${c.status || 'network error'}`;
}
