import type { ResourceContext, ResourceSpec } from '../api/resource-spec.js';
import type { SageRecord } from '../store/sage-record.js';
import type { Input } from '../validation/field-reader.js';
import { type AllocationDraft, applyAllocations, rebuildAllocations, withdrawAllocations } from './allocated-artefacts.js';
import { mergeInput } from './record-base.js';

export interface AllocatingBuild {
  readonly record: SageRecord;
  readonly drafts: AllocationDraft[];
}

/**
 * A resource whose objects settle artefacts (contact payments, contact
 * allocations): create applies the allocations, PUT swaps them (restoring
 * everything if the new ones are refused), DELETE takes them back.
 */
export function allocatingResource(
  spec: Pick<ResourceSpec, 'name' | 'rootKey' | 'filters' | 'searchIn'>,
  build: (ctx: ResourceContext, input: Input, existing?: SageRecord) => AllocatingBuild,
): ResourceSpec {
  const save = (ctx: ResourceContext, input: Input, existing?: SageRecord): SageRecord => {
    const { record, drafts } = build(ctx, input, existing);
    ctx.business.store(spec.name, record);
    ctx.business.rememberInput(spec.name, record.id, input);
    applyAllocations(ctx.business, record, spec.name, drafts);
    return record;
  };
  return {
    ...spec,
    create: (ctx, input) => save(ctx, input),
    update: (ctx, existing, input) => rebuildAllocations(ctx.business, existing, () => save(ctx, mergeInput(ctx.business.inputOf(spec.name, existing.id), input), existing)),
    remove(ctx, existing) {
      withdrawAllocations(ctx.business, existing);
      ctx.business.remove(spec.name, existing.id);
    },
  };
}
