import type { Clock, EntityXref, EntityXrefStore, HostTransaction, XrefScope } from '@byte8/core';
import { OAuthAccessError } from '@byte8/client';
import { SageApiError } from '../../api/sage-api-error.js';
import { CreateInFlightError } from '../delivery/document-error.js';
import type { KeyedMutex } from './keyed-mutex.js';

/** A Sage object as the cross-reference keeps it. */
export interface SageObjectRef {
  readonly id: string;
  readonly reference: string | null;
  readonly family?: string | null;
  readonly contactId?: string | null;
}

export interface EnsureContext {
  readonly scope: XrefScope;
  readonly xrefs: EntityXrefStore;
  readonly transact: <T>(work: (transaction: HostTransaction) => Promise<T>) => Promise<T>;
  readonly mutex: KeyedMutex;
  readonly clock: Clock;
  /** How long another worker's unanswered create may still be in flight (the API timeout, with room). */
  readonly inFlightMs: number;
}

export interface EnsureSpec {
  readonly kind: string;
  readonly hostKey: string;
  /** Finds the object in Sage after an uncertain attempt (by reference, item code, allocation). */
  lookup(): Promise<SageObjectRef | null>;
  /** Creates it (one POST). */
  create(): Promise<SageObjectRef>;
  /**
   * Sage refused the create because the object exists (a taken contact
   * reference or item code): adopt it instead. Default: never.
   */
  isDuplicate?(error: SageApiError): boolean;
  /** More writes in the transaction that stores the Sage id (the sync-state chip). */
  commit?(found: SageObjectRef, transaction: HostTransaction): Promise<void>;
}

export interface Ensured {
  readonly ref: SageObjectRef;
  /** True when this call created or adopted the object; false when the cross-reference already had it. */
  readonly fresh: boolean;
}

const fromXref = (xref: EntityXref): SageObjectRef => ({ id: xref.providerId!, reference: xref.reference, family: xref.family, contactId: xref.contactId });

/** Sage certainly did not apply the request: an answer that is not a 2xx with the request's outcome known, or no request at all. */
function certainlyNotApplied(error: unknown): boolean {
  return (error instanceof SageApiError && !error.outcomeUnknown) || error instanceof OAuthAccessError;
}

/**
 * Exactly once in Sage (spec b.8 "Idempotency"): the cross-reference first;
 * after an uncertain attempt (a timeout, a 5xx, a crash between Sage's 201
 * and our commit) the object is looked up in Sage and adopted; only then is
 * a create claimed (compare-and-swap on the attempt mark) and sent. The Sage
 * id is stored in the same transaction as `commit`'s writes.
 */
export function ensureObject(ctx: EnsureContext, spec: EnsureSpec): Promise<Ensured> {
  return ctx.mutex.run(`${spec.kind}:${spec.hostKey}`, () => ensureLocked(ctx, spec));
}

async function ensureLocked(ctx: EnsureContext, spec: EnsureSpec): Promise<Ensured> {
  const existing = await ctx.xrefs.find(ctx.scope, spec.kind, spec.hostKey);
  if (existing?.providerId) {
    const ref = fromXref(existing);
    if (spec.commit) await ctx.transact((trx) => spec.commit!(ref, trx));
    return { ref, fresh: false };
  }
  const previous = existing?.attemptedAt ?? null;
  if (previous !== null) {
    const found = await spec.lookup();
    if (found) return { ref: await store(ctx, spec, found), fresh: true };
    // Not in Sage (yet): another worker's create may still be on its way.
    if (ctx.clock.now().getTime() - previous.getTime() < ctx.inFlightMs) throw new CreateInFlightError(spec.kind, spec.hostKey);
  }
  const mark = await ctx.xrefs.claimAttempt(ctx.scope, spec.kind, spec.hostKey, previous);
  if (mark === null) throw new CreateInFlightError(spec.kind, spec.hostKey);
  let created: SageObjectRef;
  try {
    created = await spec.create();
  } catch (error) {
    if (error instanceof SageApiError && spec.isDuplicate?.(error)) {
      const found = await spec.lookup();
      if (found) return { ref: await store(ctx, spec, found), fresh: true };
    }
    if (certainlyNotApplied(error)) await ctx.xrefs.releaseAttempt(ctx.scope, spec.kind, spec.hostKey, mark).catch(() => {});
    throw error;
  }
  return { ref: await store(ctx, spec, created), fresh: true };
}

async function store(ctx: EnsureContext, spec: EnsureSpec, found: SageObjectRef): Promise<SageObjectRef> {
  await ctx.transact(async (trx) => {
    await ctx.xrefs.resolve(
      ctx.scope,
      { kind: spec.kind, hostKey: spec.hostKey, providerId: found.id, reference: cut(found.reference), family: found.family ?? null, contactId: found.contactId ?? null },
      { transaction: trx },
    );
    if (spec.commit) await spec.commit(found, trx);
  });
  return found;
}

const cut = (text: string | null): string | null => (text === null ? null : text.slice(0, 64));
