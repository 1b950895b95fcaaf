import { recordNotFound, SageApiError, sageErrorItem } from '../http/sage-error.js';
import { emptyReply, jsonReply, type SageReply } from '../http/sage-reply.js';
import { bump, type MutableSageApiStats } from '../log/sage-api-stats.js';
import { applyFilters, parseSince } from './list-filters.js';
import { listEnvelope, sortRecords } from './list-page.js';
import { readRootObject } from './json-body.js';
import type { ResourceContext, ResourceSpec } from './resource-spec.js';

export interface ResourceRequest {
  readonly method: string;
  readonly id: string | null;
  readonly action: string | null;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function methodNotAllowed(allowed: readonly string[]): SageApiError {
  return new SageApiError(405, [sageErrorItem('MethodNotAllowed', 'The HTTP method is not allowed for this resource')], { allow: allowed.join(', ') });
}

function allowedOnCollection(spec: ResourceSpec): string[] {
  return spec.create ? ['GET', 'POST'] : ['GET'];
}

function allowedOnItem(spec: ResourceSpec): string[] {
  return ['GET', ...(spec.update ? ['PUT'] : []), ...(spec.remove ? ['DELETE'] : [])];
}

function list(spec: ResourceSpec, ctx: ResourceContext, query: URLSearchParams): SageReply {
  const deletedSince = query.get('deleted_since');
  let records = ctx.business.rows(spec.name);
  if (deletedSince !== null && deletedSince !== '') {
    // (c.3) deleted_since lists what was deleted at or after the date.
    const since = parseSince('deleted_since', deletedSince);
    records = records.filter((record) => typeof record.deleted_at === 'string' && Date.parse(record.deleted_at) >= since);
  } else if (spec.hidden) {
    records = records.filter((record) => !spec.hidden!(record));
  }
  const filtered = applyFilters(records, query, spec.filters ?? [], spec.searchIn);
  return jsonReply(200, listEnvelope(sortRecords(filtered, query.get('sort')), query, `/${spec.name}`));
}

/** GET, POST, PUT, DELETE and actions of one resource, with 404/405/415 as (c.4) lists them. */
export function routeResource(spec: ResourceSpec, ctx: ResourceContext, request: ResourceRequest, stats: MutableSageApiStats): SageReply {
  const { method, id, action } = request;
  const write = (kind: 'creates' | 'updates' | 'deletes') => {
    ctx.business.countWrite(kind, spec.name);
    bump(stats[kind], spec.name);
  };
  if (id === null) {
    if (method === 'GET') return list(spec, ctx, request.query);
    if (method === 'POST' && spec.create) {
      const created = spec.create(ctx, readRootObject(request.headers, request.body, spec.rootKey!));
      write('creates');
      return jsonReply(201, created);
    }
    throw methodNotAllowed(allowedOnCollection(spec));
  }
  const existing = ctx.business.row(spec.name, id);
  const visible = existing !== undefined && !(spec.hidden?.(existing) ?? false);
  if (action !== null) {
    const run = spec.actions?.[action];
    if (run === undefined) throw recordNotFound();
    if (method !== 'POST') throw methodNotAllowed(['POST']);
    if (!visible) throw recordNotFound();
    const changed = run(ctx, existing);
    write('updates');
    return jsonReply(200, changed);
  }
  if (!allowedOnItem(spec).includes(method)) throw methodNotAllowed(allowedOnItem(spec));
  if (existing === undefined) throw recordNotFound();
  if (method === 'PUT' && spec.update) {
    // A soft-deleted object is refused by the handler (contacts: c.8), so PUT sees it too.
    const updated = spec.update(ctx, existing, readRootObject(request.headers, request.body, spec.rootKey!));
    write('updates');
    return jsonReply(200, updated);
  }
  if (!visible) throw recordNotFound();
  if (method === 'DELETE' && spec.remove) {
    spec.remove(ctx, existing, request.query);
    write('deletes');
    // (c.5) the guide says DELETE answers 204; the spec lists a 200. The simulator follows the guide.
    return emptyReply(204);
  }
  return jsonReply(200, existing);
}
