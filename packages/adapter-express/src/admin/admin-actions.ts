import type { AdminApi, Provider } from '@byte8/core';
import type { DocumentEntityType, HostDocuments } from '../documents/host-documents.js';
import type { Flash } from './flash-store.js';

/** URL segment of each document list. */
export const ENTITY_PATHS: Readonly<Record<string, DocumentEntityType>> = { invoices: 'invoice', creditmemos: 'creditmemo' };

export interface AdminActionContext {
  readonly admin: AdminApi;
  readonly providers: readonly Provider[];
  readonly documents: HostDocuments | undefined;
  /** Mount path of the admin router, no trailing slash. */
  readonly base: string;
  redirectWith(flash: Flash, to: string): void;
  sendMessage(status: number, title: string, message: string): void;
}

const ID = /^\d{1,15}$/;

/** A page of this admin to come back to, or `fallback`: never another site, never outside the admin. */
export function safeBack(base: string, back: unknown, fallback: string): string {
  if (typeof back !== 'string' || back.length > 2000) return fallback;
  if (!back.startsWith(`${base}/`) || back.startsWith('//') || /[\\\s]/.test(back)) return fallback;
  return back;
}

/** "Sync again" of one document (`POST /invoices/:id/resync`, field `provider`, optional `back`). */
async function resyncAction(ctx: AdminActionContext, entityType: DocumentEntityType, rawId: string, form: Record<string, unknown>): Promise<void> {
  if (!ID.test(rawId) || Number(rawId) < 1) return ctx.sendMessage(404, 'Not found', 'There is no such document.');
  const id = Number(rawId);
  const provider =
    ctx.providers.find((p) => p.key === form.provider) ?? (form.provider === undefined && ctx.providers.length === 1 ? ctx.providers[0] : undefined);
  if (!provider) return ctx.sendMessage(400, 'Unknown provider', 'Choose one of the installed providers to sync with. Nothing was queued.');
  const document = ctx.documents ? ((await ctx.documents.byIds(entityType, [id]))[0] ?? null) : null;
  if (ctx.documents && !document) return ctx.sendMessage(404, 'Not found', 'There is no such document. Nothing was queued.');
  const path = `${ctx.base}/${entityType === 'invoice' ? 'invoices' : 'creditmemos'}/${id}`;
  const result = await ctx.admin.resync(entityType, id, provider.key);
  const label = document?.number ?? `${entityType === 'invoice' ? 'Invoice' : 'Credit memo'} #${id}`;
  const ok = result.outcome === 'queued' || result.outcome === 'already_queued';
  ctx.redirectWith({ kind: ok ? 'success' : 'error', message: `${label}: ${result.message}` }, safeBack(ctx.base, form.back, path));
}

/**
 * The document POST actions, after the CSRF check: "Sync again"
 * (`/invoices/:id/resync`, `/creditmemos/:id/resync`). Returns false for a
 * path that is no such action.
 */
export async function runDocumentAction(ctx: AdminActionContext, segments: readonly string[], form: Record<string, unknown>): Promise<boolean> {
  const [root, key, action] = segments;
  const entityType = ENTITY_PATHS[root ?? ''];
  if (entityType && segments.length === 3 && action === 'resync') {
    await resyncAction(ctx, entityType, key!, form);
    return true;
  }
  return false;
}
