/**
 * The part of Medusa's `query` (ContainerRegistrationKeys.QUERY) the adapter
 * uses. Typed loosely on purpose: the mapping declares the shapes it reads.
 */
export interface GraphQuery {
  graph(config: {
    entity: string;
    fields: string[];
    filters?: Record<string, unknown>;
    pagination?: { skip?: number; take?: number; order?: Record<string, 'ASC' | 'DESC'> };
  }): Promise<{ data: any[] }>;
}
