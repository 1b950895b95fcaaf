import type { AdminApi, DocumentStatusView, Provider } from '@byte8/core';
import type { DocumentEntityType, HostDocument, HostDocuments } from '../documents/host-documents.js';
import { type DocumentListParams, sortsByMirror } from './document-list-query.js';

const MIRROR_SORT = { sync_asc: 'last_sync_at_asc', sync_desc: 'last_sync_at_desc', status_asc: 'status_asc', status_desc: 'status_desc' } as const;

export interface DocumentListRow {
  readonly id: number;
  /** Null when the host has no such document (or no `documents` lister was given). */
  readonly document: HostDocument | null;
  /** Provider key -> status view. */
  readonly statuses: ReadonlyMap<string, DocumentStatusView>;
}

export interface DocumentList {
  readonly rows: readonly DocumentListRow[];
  readonly total: number;
  /** True when the page was read from the sync-state mirror, not the host's documents. */
  readonly fromMirror: boolean;
}

/**
 * Joins the host's documents with the chips. Unfiltered, the host pages its
 * documents in its own order; filtered by status (or sorted by status or last sync),
 * the mirror pages the ids and the host fills in the rows.
 */
export async function loadDocumentList(
  deps: { admin: AdminApi; providers: readonly Provider[]; documents?: HostDocuments | undefined },
  entityType: DocumentEntityType,
  params: DocumentListParams,
  pageSize: number,
): Promise<DocumentList> {
  const offset = (params.page - 1) * pageSize;
  let ids: number[];
  let total: number;
  let documents: readonly HostDocument[];
  const fromMirror = params.status !== null || !deps.documents || sortsByMirror(params.sort);
  if (fromMirror) {
    const page = await deps.admin.listStatuses({
      entityType,
      provider: params.provider,
      ...(params.status ? { status: params.status } : {}),
      sort: MIRROR_SORT[params.sort as keyof typeof MIRROR_SORT] ?? 'last_sync_at_desc',
      limit: pageSize,
      offset,
    });
    ids = page.rows.map((row) => row.entityId);
    total = page.total;
    documents = deps.documents && ids.length > 0 ? await deps.documents.byIds(entityType, ids) : [];
  } else {
    const page = await deps.documents!.list({ entityType, sort: params.sort as never, limit: pageSize, offset });
    documents = page.rows;
    ids = page.rows.map((doc) => doc.id);
    total = page.total;
  }
  const byProvider = new Map<string, Map<number, DocumentStatusView>>();
  for (const provider of deps.providers) {
    const views = ids.length > 0 ? await deps.admin.documentStatuses(entityType, ids, provider.key) : [];
    byProvider.set(provider.key, new Map(views.map((view) => [view.entityId, view])));
  }
  const docById = new Map(documents.map((doc) => [doc.id, doc]));
  const rows = ids.map((id) => {
    const statuses = new Map<string, DocumentStatusView>();
    for (const [key, views] of byProvider) {
      const view = views.get(id);
      if (view) statuses.set(key, view);
    }
    return { id, document: docById.get(id) ?? null, statuses };
  });
  return { rows, total, fromMirror };
}
