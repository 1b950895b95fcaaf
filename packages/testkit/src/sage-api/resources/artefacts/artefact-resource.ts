import type { ResourceContext, ResourceSpec } from '../../api/resource-spec.js';
import { recordInvalid } from '../../http/sage-error.js';
import { type SageRecord, sageTimestamp } from '../../store/sage-record.js';
import { newSageId } from '../../store/sage-ids.js';
import { FieldReader, type Input } from '../../validation/field-reader.js';
import { Violations } from '../../validation/violations.js';
import { mergeInput } from '../record-base.js';
import { buildArtefact } from './artefact-builder.js';
import type { ArtefactKind } from './artefact-kind.js';
import { settledStatus, statusOf, statusRef } from './artefact-status.js';
import { moveStockFor } from './artefact-stock.js';

function numbered(kind: ArtefactKind, ctx: ResourceContext, artefact: SageRecord, input: Input): SageRecord {
  const prefix = typeof input[kind.prefixField] === 'string' && input[kind.prefixField] !== '' ? String(input[kind.prefixField]) : `${kind.series}-`;
  const number = `${prefix}${ctx.business.nextNumber(kind.series)}`;
  const id = newSageId();
  return { ...artefact, id, $path: `/${kind.resource}/${id}`, displayed_as: number, [kind.numberField]: number };
}

const hasSettlements = (artefact: SageRecord) => (artefact.payments_allocations as unknown[]).length > 0;

/**
 * A sales invoice or credit note resource (c.5): POST, PUT while DRAFT or
 * UNPAID with nothing allocated, `POST /{id}/release` for drafts, DELETE
 * that removes a draft and otherwise voids with a `void_reason` (<= 200, c.7).
 */
export function artefactResource(kind: ArtefactKind): ResourceSpec {
  return {
    name: kind.resource,
    rootKey: kind.rootKey,
    filters: ['contact_id', 'status_id', 'updated_or_created_since', 'from_date', 'to_date'],
    searchIn: (artefact) => [artefact[kind.numberField], artefact.reference, artefact.contact_name],
    create(ctx, input) {
      const artefact = numbered(kind, ctx, buildArtefact(kind, ctx, input), input);
      ctx.business.rememberInput(kind.resource, artefact.id, input);
      if (statusOf(artefact) !== 'DRAFT') moveStockFor(ctx.business, kind, artefact, 1);
      return ctx.business.store(kind.resource, artefact);
    },
    update(ctx, existing, input) {
      const status = statusOf(existing);
      if (status === 'VOID') throw recordInvalid('base', `A void ${kind.label} cannot be edited`);
      if (hasSettlements(existing)) throw recordInvalid('base', `A ${kind.label} with payments or allocations cannot be edited`);
      const merged = mergeInput(ctx.business.inputOf(kind.resource, existing.id), input);
      // A draft stays a draft unless the edit names another status; an issued document cannot go back to draft.
      if (status !== 'DRAFT' && merged.status_id === 'DRAFT') throw recordInvalid('status_id', 'An issued document cannot become a draft');
      const rebuilt = buildArtefact(kind, ctx, merged, existing);
      if (status !== 'DRAFT') moveStockFor(ctx.business, kind, existing, -1);
      if (statusOf(rebuilt) !== 'DRAFT') moveStockFor(ctx.business, kind, rebuilt, 1);
      ctx.business.rememberInput(kind.resource, existing.id, merged);
      return ctx.business.store(kind.resource, { ...rebuilt, id: existing.id, $path: existing.$path, displayed_as: existing.displayed_as });
    },
    remove(ctx, existing, query) {
      const status = statusOf(existing);
      if (status === 'DRAFT') {
        ctx.business.remove(kind.resource, existing.id);
        return;
      }
      if (status === 'VOID') throw recordInvalid('base', `The ${kind.label} is already void`);
      const v = new Violations();
      const reason = new FieldReader(Object.fromEntries(query), v).text('void_reason', { required: true, max: 200 });
      v.throwIfAny();
      if (hasSettlements(existing)) throw recordInvalid('base', `A ${kind.label} with payments or allocations cannot be voided`);
      moveStockFor(ctx.business, kind, existing, -1);
      ctx.business.store(kind.resource, {
        ...existing,
        status: statusRef(ctx.business, 'VOID'),
        void_reason: reason,
        outstanding_amount: 0,
        base_currency_outstanding_amount: 0,
        editable: false,
        updated_at: sageTimestamp(ctx.now),
      });
    },
    actions: {
      release(ctx, existing) {
        if (statusOf(existing) !== 'DRAFT') throw recordInvalid('base', `Only a draft ${kind.label} can be released`);
        const released = { ...existing, updated_at: sageTimestamp(ctx.now), status: statusRef(ctx.business, settledStatus(Number(existing.outstanding_amount), Number(existing.total_paid))) };
        moveStockFor(ctx.business, kind, released, 1);
        return ctx.business.store(kind.resource, released);
      },
    },
  };
}
