import { BodyTooLargeError, readRequestBody } from '@byte8/client';
import type { Request } from 'express';
import { renderMessagePage } from '../render/message-page.js';
import { runDocumentAction } from './admin-actions.js';
import type { AdminPageKit } from './admin-page-kit.js';
import type { AdminRoutes } from './admin-routes.js';
import { CSRF_COOKIE, CSRF_FIELD, csrfTokensMatch } from './csrf.js';
import { directAction } from './direct-routes.js';
import { ledgerAction } from './ledger-actions.js';

const MAX_FORM_BYTES = 64 * 1024;

/** A POST: CSRF first, then a document action or a provider's action. False when no route matched. */
export async function handleAdminPost(routes: AdminRoutes, kit: AdminPageKit, request: Request): Promise<boolean> {
  const { ctx, tools, segments, send } = kit;
  let form: Record<string, unknown>;
  try {
    form = await readForm(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      send(413, renderMessagePage(ctx, 'Form too large', 'The form sent more than 64 KiB; nothing was changed.'));
      return true;
    }
    throw error;
  }
  // Nothing below runs, and nothing changes, without a matching token.
  if (!csrfTokensMatch(tools.cookies.get(CSRF_COOKIE), form[CSRF_FIELD])) {
    send(403, renderMessagePage(ctx, 'Form expired', 'The form token is missing or does not match. Reload the page and try again.'));
    return true;
  }
  const actionContext = {
    admin: routes.admin,
    providers: routes.providers,
    documents: routes.documents,
    base: tools.base,
    redirectWith: tools.redirectWith,
    sendMessage: (status: number, title: string, message: string) => send(status, renderMessagePage(ctx, title, message)),
  };
  if (await runDocumentAction(actionContext, segments, form)) return true;
  const [root, key, action] = segments;
  const provider = key ? routes.providerByKey.get(key) : undefined;
  if (root !== 'providers' || !provider || segments.length !== 3) return false;
  const connection = routes.direct.get(provider.key);
  if (connection && (await directAction(connection, provider, action!, form, tools))) return true;
  // Direct mode keeps requeue (its dead letters are in the same outbox) but has no pairing.
  return (!connection || action === 'requeue') && (await ledgerAction(routes.admin, provider, action!, form, tools));
}

/** The posted form: the host's parser result if one ran, else our own capped read. */
async function readForm(request: Request): Promise<Record<string, unknown>> {
  if (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) return request.body as Record<string, unknown>;
  const raw = await readRequestBody(request, MAX_FORM_BYTES);
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}
