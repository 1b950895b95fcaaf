import {
  envelopeSchema,
  type FiredEvent,
  HOST_CHANGE_KINDS,
  type HostChange,
  type HostChangeKind,
  type Provider,
  serializeEnvelope,
  SYNC_STATUSES,
  WIRE_PAYLOAD_SCHEMAS,
} from '@byte8/core';
import { expect } from 'vitest';
import { ENTITY_CASES, INVOICE_STATE_CASES, invalidIdChanges, invoiceSnapshot, ONE_OF_EACH } from './contract-events.js';

/** One check of a provider definition; throws (a vitest assertion) naming what is wrong. */
export interface ProviderCheck {
  readonly name: string;
  run(provider: Provider): void;
}

const OCCURRED_AT = '2026-04-30T10:11:12Z';

/** What the contract sends for a change, narrowed to the provider's subscriptions. */
const subscribedOnly = (provider: Provider, kind: HostChangeKind, events: readonly FiredEvent[]) =>
  events.filter((e) => provider.events.some((rule) => rule.on === kind && rule.event === e.eventName));

export const PROVIDER_CHECKS: readonly ProviderCheck[] = [
  {
    name: 'has labels for every chip, a pairing route under /V1/byte8 and at least one subscription',
    run(provider) {
      expect(provider.labels.name.trim(), 'labels.name').not.toBe('');
      expect(provider.labels.statusColumn.trim(), 'labels.statusColumn').not.toBe('');
      for (const status of [...SYNC_STATUSES, 'none'] as const) expect(provider.labels.chips[status]?.trim(), `labels.chips.${status}`).toBeTruthy();
      expect(provider.pairingPath, 'pairingPath').toMatch(/^\/V1\/byte8\/([a-z0-9_]+\/)?setup\/pair$/);
      expect(provider.events.length, 'events').toBeGreaterThan(0);
      for (const rule of provider.events) expect(HOST_CHANGE_KINDS, `events: ${rule.on}:${rule.event}`).toContain(rule.on);
    },
  },
  {
    name: 'declares invoice.created before invoice.paid, so one save that fires both enqueues created first',
    run(provider) {
      const order = provider.events.filter((r) => r.on === 'invoice').map((r) => r.event);
      if (order.includes('invoice.paid') && order.includes('invoice.created')) {
        expect(order.indexOf('invoice.created'), 'invoice.created must come first').toBeLessThan(order.indexOf('invoice.paid'));
      }
    },
  },
  {
    name: 'fires on every (before, after) invoice state pair what wire-contract §6.1 says',
    run(provider) {
      for (const [before, after, expected] of INVOICE_STATE_CASES) {
        const change: HostChange = { kind: 'invoice', change: { before: before === null ? null : invoiceSnapshot(before), after: invoiceSnapshot(after) } };
        expect(provider.eventsFor(change), `invoice ${before} -> ${after}`).toEqual(subscribedOnly(provider, 'invoice', expected));
      }
    },
  },
  {
    name: 'fires for credit memos, customers, products and stock what wire-contract §6.1 says',
    run(provider) {
      for (const { name, change, expected } of ENTITY_CASES) expect(provider.eventsFor(change), name).toEqual(subscribedOnly(provider, change.kind, expected));
    },
  },
  {
    name: 'fires nothing for an entity id that is not a positive integer',
    run(provider) {
      for (const id of [0, -1, 1.5, Number.NaN]) {
        for (const change of invalidIdChanges(id)) expect(provider.eventsFor(change), `${change.kind} id ${id}`).toEqual([]);
      }
    },
  },
  {
    name: 'sends website and store 0 when the host does not know them',
    run(provider) {
      const events = [
        ...provider.eventsFor({ kind: 'invoice', change: { before: null, after: { ...invoiceSnapshot('open'), websiteId: -1, storeId: Number.NaN } } }),
        ...provider.eventsFor({ kind: 'creditmemo', change: { before: null, after: { id: 9, incrementId: '9', websiteId: 1.5, storeId: -2 } } }),
        ...provider.eventsFor({ kind: 'customer', change: { after: { id: 5, websiteId: -1 } } }),
      ];
      for (const event of events) expect([event.websiteId, event.storeId], event.eventName).toEqual([0, 0]);
    },
  },
  {
    name: 'fires nothing for host changes it does not subscribe to',
    run(provider) {
      const listened = new Set(provider.events.map((r) => r.on));
      for (const change of ONE_OF_EACH.filter((c) => !listened.has(c.kind))) expect(provider.eventsFor(change), change.kind).toEqual([]);
    },
  },
  {
    name: 'turns every event it fires into a valid wire envelope with the payload and key of its event',
    run(provider) {
      const events = ONE_OF_EACH.flatMap((change) => provider.eventsFor(change));
      expect(events.length, 'events fired by one change of each kind').toBeGreaterThan(0);
      for (const event of events) {
        const envelope = { magento_entity_id: event.entityId, website_id: event.websiteId, store_id: event.storeId, occurred_at: OCCURRED_AT, payload: { ...event.payload } };
        const body = serializeEnvelope(envelope);
        // Compact, in contract order (wire-contract §6.2).
        expect(body, event.eventName).toBe(
          `{"magento_entity_id":${event.entityId},"website_id":${event.websiteId},"store_id":${event.storeId},"occurred_at":"${OCCURRED_AT}","payload":${JSON.stringify(event.payload)}}`,
        );
        expect(WIRE_PAYLOAD_SCHEMAS[event.eventName].parse(envelopeSchema.parse(JSON.parse(body)).payload), event.eventName).toEqual(event.payload);
        expect(event.idempotencyKey, event.eventName).toBe(`${event.eventName}:${event.entityId}`);
      }
    },
  },
];
