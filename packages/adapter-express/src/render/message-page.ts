import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';

/** A plain error page (403 for a bad form token, 404, 400). */
export function renderMessagePage(ctx: PageContext, title: string, message: string): string {
  return renderLayout(ctx, { title, current: null, body: html`<p role="alert">${message}</p><p><a href="${ctx.base}/config">Back to the configuration</a></p>` });
}
