/** One of the host's own documents, as the admin lists show it. */
export interface HostDocument {
  /** Wire id (the id the hooks and the canonical source use). */
  readonly id: number;
  /** What the merchant calls it, e.g. `INV-000042`. */
  readonly number: string;
  readonly date: Date;
  readonly total: number;
  readonly currency: string;
  /** Link to the host's own page for this document, if it has one. */
  readonly href?: string;
}

export type DocumentEntityType = 'invoice' | 'creditmemo';

export type DocumentSort = 'date_desc' | 'date_asc' | 'total_desc' | 'total_asc' | 'number_desc' | 'number_asc';

export interface DocumentListQuery {
  readonly entityType: DocumentEntityType;
  readonly sort: DocumentSort;
  readonly limit: number;
  readonly offset: number;
}

/**
 * What a host gives the admin lists so they can show its documents (number,
 * date, total) beside the status chips. Two reads over the host's tables:
 * a page of documents, and documents by id (used when the list is filtered
 * by status: the connector pages the mirror, the host fills in the rows).
 * Without it, the lists show the mirror's rows only.
 *
 * @example
 * const documents: HostDocuments = {
 *   list: ({ entityType, sort, limit, offset }) => shop.listDocuments(entityType, sort, limit, offset),
 *   byIds: (entityType, ids) => shop.documentsByIds(entityType, ids),
 * };
 */
export interface HostDocuments {
  list(query: DocumentListQuery): Promise<{ readonly rows: readonly HostDocument[]; readonly total: number }>;
  byIds(entityType: DocumentEntityType, ids: readonly number[]): Promise<readonly HostDocument[]>;
}
